package tokenize

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedPath is the user's seed article, kept at the root of the repository.
var seedPath = filepath.Join("..", "testdata", "000_891277e20803d97e.txt")

func seedArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGoldenSeed compares the sentences and tokens of the seed article with
// testdata/seed.golden: one token per line as start, end, kind and text, a
// blank line between sentences. Run with -update to rewrite it.
func TestGoldenSeed(t *testing.T) {
	text := seedArticle(t)
	var b strings.Builder
	for i, s := range Sentences(text) {
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, tok := range s.Tokens {
			fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", tok.Start, tok.End, tok.Kind, tok.Text)
		}
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run go test -update if the change is intended)", golden, i+1, g, w)
			}
		}
	}
}
