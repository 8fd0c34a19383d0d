package tokenize

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// corpus returns about n bytes of varied text: the seed article and the
// inputs of the table tests, with numbered variations so that sentences
// differ.
func corpus(t testing.TB, n int) string {
	t.Helper()
	var parts []string
	parts = append(parts, seedArticle(t))
	for _, c := range sentenceCases {
		parts = append(parts, c.in)
	}
	for _, c := range tokenCases {
		parts = append(parts, c.in)
	}
	seps := []string{"\n\n", " ", "\n", "\r\n", "  ", "\n \n"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Bagian %d. ", i)
		b.WriteString(parts[i%len(parts)])
		b.WriteString(seps[i%len(seps)])
	}
	return b.String()
}

func scanAll(t testing.TB, sc *Scanner) []Sentence {
	t.Helper()
	var out []Sentence
	for sc.Scan() {
		out = append(out, sc.Sentence())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSentences(a, b []Sentence) (int, bool) {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].Text != b[i].Text || a[i].Start != b[i].Start || a[i].End != b[i].End || !slices.Equal(a[i].Tokens, b[i].Tokens) {
			return i, false
		}
	}
	return min(len(a), len(b)), len(a) == len(b)
}

// TestScannerEqualsSentences streams a multi-megabyte text and checks that
// the Scanner yields exactly the sentences and tokens of Sentences.
func TestScannerEqualsSentences(t *testing.T) {
	size := 4 << 20
	if testing.Short() || raceEnabled {
		size = 1 << 20
	}
	text := corpus(t, size)
	want := Sentences(text)
	got := scanAll(t, Default().NewScanner(strings.NewReader(text)))
	if i, ok := sameSentences(got, want); !ok {
		t.Fatalf("Scanner and Sentences differ at sentence %d of %d/%d:\n got %+v\nwant %+v", i, len(got), len(want), at(got, i), at(want, i))
	}
}

func at(ss []Sentence, i int) Sentence {
	if i < len(ss) {
		return ss[i]
	}
	return Sentence{}
}

// TestScannerReaders feeds the Scanner through readers that return data in
// small and odd pieces.
func TestScannerReaders(t *testing.T) {
	text := corpus(t, 24<<10)
	want := Sentences(text)
	readers := map[string]func(io.Reader) io.Reader{
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"data+EOF": iotest.DataErrReader,
	}
	for name, wrap := range readers {
		got := scanAll(t, Default().NewScanner(wrap(strings.NewReader(text))))
		if i, ok := sameSentences(got, want); !ok {
			t.Errorf("%s reader: differs at sentence %d:\n got %+v\nwant %+v", name, i, at(got, i), at(want, i))
		}
	}
}

// TestScannerLongSentences checks that a small buffer cuts long sentences
// and loses nothing.
func TestScannerLongSentences(t *testing.T) {
	text := corpus(t, 64<<10) + strings.Repeat("x", 5000) + " " + strings.Repeat("é", 3000) + " akhir."
	sc := Default().NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64), 256)
	got := scanAll(t, sc)
	var toks []Token
	prev := 0
	for _, s := range got {
		if len(s.Text) > 256 {
			t.Fatalf("sentence of %d bytes with a 256-byte buffer", len(s.Text))
		}
		if s.Start < prev || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence [%d,%d) does not slice the text", s.Start, s.End)
		}
		prev = s.End
		toks = append(toks, s.Tokens...)
	}
	checkInvariants(t, text, toks)
	if last := got[len(got)-1]; !strings.HasSuffix(last.Text, " akhir.") || len(last.Text) > 256 {
		t.Errorf("last sentence %q, want a cut piece ending in %q", last.Text, " akhir.")
	}
}

func TestScannerReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("Satu. Dua."), iotest.ErrReader(io.ErrUnexpectedEOF))
	sc := Default().NewScanner(r)
	for sc.Scan() {
	}
	if sc.Err() != io.ErrUnexpectedEOF {
		t.Errorf("Err() = %v, want %v", sc.Err(), io.ErrUnexpectedEOF)
	}
}

// TestSplitFuncs uses the exported split functions with bufio.Scanner.
func TestSplitFuncs(t *testing.T) {
	text := corpus(t, 32<<10)
	bs := bufio.NewScanner(iotest.HalfReader(strings.NewReader(text)))
	bs.Buffer(nil, 1<<20)
	bs.Split(Default().SplitSentences)
	var got []string
	for bs.Scan() {
		got = append(got, bs.Text())
	}
	if err := bs.Err(); err != nil {
		t.Fatal(err)
	}
	if want := sentTexts(Sentences(text)); !equalStrings(got, want) {
		t.Errorf("SplitSentences: %d sentences, want %d", len(got), len(want))
	}
	bs = bufio.NewScanner(iotest.OneByteReader(strings.NewReader(text[:4096])))
	bs.Split(Default().SplitTokens)
	got = got[:0]
	for bs.Scan() {
		got = append(got, bs.Text())
	}
	if want := tokTexts(Tokens(text[:4096])); !equalStrings(got, want) {
		t.Errorf("SplitTokens:\n got %q\nwant %q", got, want)
	}
	// Only white space.
	bs = bufio.NewScanner(bytes.NewReader([]byte(" \n\n\t ")))
	bs.Split(Default().SplitSentences)
	if bs.Scan() {
		t.Errorf("SplitSentences found %q in white space", bs.Text())
	}
}
