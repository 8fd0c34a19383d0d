package stem

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden stems every word of the seed article (the project's golden
// example) in both modes and compares with testdata/seed_stems.golden;
// go test ./stem -run Golden -update rewrites it.
func TestGolden(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Skipf("seed article absent: %v", err)
	}
	c, err := New(WithMode(Sastrawi))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString("# word\timproved\tsastrawi (embedded dictionary)\n")
	seen := map[string]bool{}
	for _, w := range words(string(b)) {
		if seen[w] {
			continue
		}
		seen[w] = true
		sb.WriteString(w + "\t" + Default().Stem(w) + "\t" + c.Stem(w) + "\n")
	}
	got := sb.String()
	const path = "testdata/seed_stems.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./stem -run Golden -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Errorf("line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		if len(gl) != len(wl) {
			t.Errorf("got %d lines, want %d", len(gl), len(wl))
		}
	}
}
