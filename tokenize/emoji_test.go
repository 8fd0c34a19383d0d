package tokenize

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestEmojiTable checks emoji_table.go against Unicode's emoji-data.txt
// when it is installed (Debian unicode-data); regenerate with go generate.
func TestEmojiTable(t *testing.T) {
	const path = "/usr/share/unicode/emoji/emoji-data.txt"
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("%s not found (install Debian's unicode-data): %v", path, err)
	}
	defer f.Close()
	want := map[rune]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		data, _, _ := strings.Cut(sc.Text(), "#")
		cp, prop, ok := strings.Cut(data, ";")
		if !ok || strings.TrimSpace(prop) != "Extended_Pictographic" {
			continue
		}
		lo, hi, isRange := strings.Cut(strings.TrimSpace(cp), "..")
		if !isRange {
			hi = lo
		}
		l, err1 := strconv.ParseUint(lo, 16, 32)
		h, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", sc.Text())
		}
		for r := rune(l); r <= rune(h); r++ {
			want[r] = true
		}
	}
	if len(want) == 0 {
		t.Fatal("no Extended_Pictographic code points read")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got := unicode.Is(extendedPictographic, r); got != want[r] {
			t.Fatalf("U+%04X: table says %v, emoji-data.txt says %v (go generate?)", r, got, want[r])
		}
	}
}
