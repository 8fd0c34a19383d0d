package summarize

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzSummarize checks, for any text, that every summary sentence is a span
// of the input, that sentences come in text order without duplicates, that
// keywords score in (0, 1], and that nothing panics.
func FuzzSummarize(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("..", "testdata", "000_891277e20803d97e.txt")); err == nil {
		f.Add(string(b), 3)
	}
	for _, s := range []string{"", "Satu.", "123 456. 7,5", "... !!!", "Harga \xff naik. Pedagang mengeluh.\n\nBanjir.", "A. B. C. D. E. F.", "“Kutipan,” katanya. Lalu?\n\nBaca juga: sesuatu"} {
		f.Add(s, 2)
	}
	ss := make([]*Summarizer, len(allMethods))
	for i, m := range allMethods {
		ss[i] = newT(f, WithMethod(m))
	}
	f.Fuzz(func(t *testing.T, text string, n int) {
		n = n % 8
		for _, s := range ss {
			in := s.Prepare(text)
			for _, l := range []Length{Sentences(n), Words(n * 7), Ratio(float64(n) / 8)} {
				checkSummary(t, in, s.Summarize(in, l))
			}
		}
		for _, k := range ss[0].Keywords(ss[0].Prepare(text), 5) {
			if !(k.Score > 0 && k.Score <= 1) || k.Text == "" {
				t.Fatalf("keyword %+v", k)
			}
		}
	})
}
