package tokenize

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// within fails the test if f takes longer than d. The bounds are generous
// (for -race on a loaded machine); quadratic behaviour on these inputs
// would take hours.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() { defer close(done); f() }()
	select {
	case <-done:
		t.Logf("took %v", time.Since(start).Round(time.Millisecond))
	case <-time.After(d):
		t.Fatalf("did not finish within %v: not linear?", d)
	}
}

func countTokens(text string) (n int) {
	for range Default().All(text) {
		n++
	}
	return n
}

// TestPathological runs the tokenizer, the sentence splitter and the
// Scanner on inputs built to defeat lookaheads.
func TestPathological(t *testing.T) {
	mb := 1 << 20
	big := 20 * mb
	if testing.Short() || raceEnabled {
		mb /= 4
	}
	if testing.Short() {
		big = 2 * mb
	}
	cases := []struct {
		name  string
		text  string
		full  bool // also run the sentence APIs that hold a whole sentence in memory
		empty bool // no tokens expected
	}{
		{"20 MB line without spaces", strings.Repeat("a", big), true, false},
		{"initials", strings.Repeat("a.", 4*mb/2), true, false},
		{"digits and separators", strings.Repeat("1.", 4*mb/2), true, false},
		{"punctuation", strings.Repeat("-.,!?", mb/5), false, false},
		{"invalid UTF-8", strings.Repeat("\xff\xfe\xc3", mb/3), false, false},
		{"e-mail lookahead", strings.Repeat("a@b.", mb/4), true, false},
		{"host lookahead", strings.Repeat("ab.cd.", mb/6) + "com", true, false},
		{"hyphen chain", strings.Repeat("kata-", mb/5), true, false},
		{"URL with brackets", "http://x.com/" + strings.Repeat(")", mb), true, false},
		{"100k emoji", strings.Repeat("👍", 100000), true, false},
		{"100k emoji with joiners", strings.Repeat("👨\u200d", 100000), true, false},
		{"NUL bytes", strings.Repeat("\x00", mb), true, true},
		{"only punctuation", strings.Repeat("!", mb), true, false},
		{"only punctuation with spaces", strings.Repeat("! ", mb/2), true, false},
		{"open brackets and sentence ends", strings.Repeat("(", mb/4) + strings.Repeat("a. B ", mb/5), true, false},
		{"straight quotes", strings.Repeat("\"a. B ", mb/6), true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			within(t, 3*time.Minute, func() {
				if n := countTokens(c.text); (n == 0) != c.empty {
					t.Errorf("%d tokens", n)
				}
				if c.full {
					for range Default().AllSentences(c.text) {
					}
					checkSentences(t, c.text, Sentences(c.text))
				}
				if len(c.text) > 4*mb && raceEnabled {
					return // the Scanner is covered by the smaller inputs
				}
				sc := Default().NewScanner(strings.NewReader(c.text))
				for sc.Scan() {
				}
				if err := sc.Err(); err != nil {
					t.Error(err)
				}
			})
		})
	}
}

// TestLinear checks that the tokenizer and sentence splitter take about
// four times as long on four times the input, not sixteen, on inputs that
// defeat lookaheads.
func TestLinear(t *testing.T) {
	patterns := []string{"a.", "a@b.", "ab.cd.", "kata-", "-.,!?", "\xff", "(a. B ", "\"a. B ", "👨\u200d", "x'", "A.B-", "1,"}
	measure := func(text string) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			sg := segmenter[string]{sc: scanner[string]{t: Default(), s: text}}
			for {
				if _, _, status := sg.next(); status != scanOK {
					break
				}
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	n := 20000
	if raceEnabled {
		n = 4000
	}
	for _, p := range patterns {
		small := strings.Repeat(p, n)
		large := strings.Repeat(p, 4*n)
		ts, tl := measure(small), measure(large)
		if ts > time.Millisecond && tl > 12*ts {
			t.Errorf("%q: %d bytes took %v, %d bytes took %v: not linear", p, len(small), ts, len(large), tl)
		}
	}
}

// TestRandomInput throws random bytes and random runes at every API.
func TestRandomInput(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ09 .,!?\"'()[]-–—…@#/:%\n\t\u00a0\u200b“”‘’👍\u200d🏽🇮🇩éß漢\ufe0f\u20e3")
	for i := 0; i < 300; i++ {
		var b strings.Builder
		n := r.IntN(200)
		for j := 0; j < n; j++ {
			if r.IntN(10) == 0 {
				b.WriteByte(byte(r.IntN(256)))
			} else {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
		}
		checkAll(t, b.String())
	}
}

// checkAll checks every invariant on text; the fuzz targets share it.
func checkAll(t testing.TB, text string) {
	t.Helper()
	toks := Tokens(text)
	checkInvariants(t, text, toks)
	ss := Sentences(text)
	if all := checkSentences(t, text, ss); !equalTokens(all, toks) {
		t.Fatalf("Sentences and Tokens disagree on %q", text)
	}
	// AppendSentences, onto nothing and onto slices already holding a
	// text's sentences (as a caller reusing them would not, but may).
	for _, keep := range []bool{false, true} {
		prev, prevToks := Default().AppendSentences(nil, nil, "Satu. Dua tiga.")
		start := [2]int{0, 0}
		if keep {
			start = [2]int{len(prev), len(prevToks)}
		}
		got, gotToks := Default().AppendSentences(prev[:start[0]], prevToks[:start[1]], text)
		if i, ok := sameSentences(got[start[0]:], ss); !ok || len(got)-start[0] != len(ss) {
			t.Fatalf("AppendSentences after %d sentences and Sentences differ on %q at sentence %d", start[0], text, i)
		}
		if !equalTokens(gotToks[start[1]:], toks) {
			t.Fatalf("AppendSentences' tokens and Tokens differ on %q", text)
		}
		if start[0] > 0 && got[0].Text != "Satu." {
			t.Fatalf("AppendSentences changed the sentences before it: %q", got[0].Text)
		}
	}
	var words []Token
	for _, tok := range toks {
		w := Default().AppendWords(words[:0], tok)
		var b strings.Builder
		for _, x := range w {
			if x.Start < tok.Start || x.End > tok.End || text[x.Start:x.End] != x.Text {
				t.Fatalf("word %q of token %q out of it", x.Text, tok.Text)
			}
			b.WriteString(x.Text)
		}
		if b.String() != tok.Text {
			t.Fatalf("words of %q spell %q", tok.Text, b.String())
		}
		words = w
	}
	norm, m := Normalize(text)
	if utf8.ValidString(text) && !utf8.ValidString(norm) {
		t.Fatalf("Normalize(%q) = %q is not valid UTF-8", text, norm)
	}
	for _, tok := range Tokens(norm) {
		a, b := m.Original(tok.Start, tok.End)
		if a < 0 || b < a || b > len(text) {
			t.Fatalf("Normalize(%q): token %q maps to [%d,%d)", text, tok.Text, a, b)
		}
		if utf8.ValidString(text) && !utf8.ValidString(text[a:b]) {
			t.Fatalf("Normalize(%q): token %q maps to %q, not whole characters", text, tok.Text, text[a:b])
		}
	}
}

func equalTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestConcurrentUse hammers one Tokenizer from many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	text := seedArticle(t)
	want := Sentences(text)
	tk := Default()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				got := tk.Sentences(text)
				if len(got) != len(want) || got[len(got)-1].Text != want[len(want)-1].Text {
					t.Errorf("goroutine got %d sentences, want %d", len(got), len(want))
					return
				}
				tk.Words(text)
				Normalize(text)
				for range tk.AllSentences(text) {
				}
				sc := tk.NewScanner(strings.NewReader(text))
				for sc.Scan() {
				}
			}
		}()
	}
	wg.Wait()
}

// TestAllocs guards the zero-allocation iterator paths.
func TestAllocs(t *testing.T) {
	text := seedArticle(t)
	tk := Default()
	if n := testing.AllocsPerRun(20, func() {
		for range tk.All(text) {
		}
	}); n > 1 {
		t.Errorf("ranging over All allocates %v times per text, want at most 1", n)
	}
	if n := testing.AllocsPerRun(20, func() {
		for it := tk.Iterator(text); it.Next(); {
		}
	}); n > 0 {
		t.Errorf("Iterator allocates %v times per text, want 0", n)
	}
	long := strings.Repeat(text, 20)
	a1 := testing.AllocsPerRun(5, func() {
		for range tk.AllSentences(text) {
		}
	})
	a20 := testing.AllocsPerRun(5, func() {
		for range tk.AllSentences(long) {
		}
	})
	if a20 > a1+2 {
		t.Errorf("AllSentences allocates %v times on a text and %v on 20 copies: allocations grow with the text", a1, a20)
	}
	plain := "Khalifa Haftar bertemu Sergei Lavrov di Moskow pada Selasa (29/11)."
	if n := testing.AllocsPerRun(20, func() { Normalize(plain) }); n > 0 {
		t.Errorf("Normalize of a normal text allocates %v times", n)
	}
}
