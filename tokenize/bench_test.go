package tokenize

import (
	"strings"
	"testing"
)

// benchText is the seed article (testdata/000_891277e20803d97e.txt at the
// root of the repository, the user's own Indonesian news article with its
// page furniture) repeated to about 1 MiB.
func benchText(b *testing.B) string {
	b.Helper()
	seed := seedArticle(b)
	return strings.Repeat(seed+"\n\n", (1<<20)/(len(seed)+2)+1)
}

func BenchmarkAll(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for range t.All(text) {
			n++
		}
	}
	b.ReportMetric(float64(n), "tokens/op")
}

func BenchmarkIterator(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for it := t.Iterator(text); it.Next(); {
		}
	}
}

// benchDocs is the same text as benchText cut into articles: the slice
// APIs are called once per article, as a pipeline does.
func benchDocs(b *testing.B) ([]string, int) {
	seed := seedArticle(b)
	docs := make([]string, (1<<20)/(len(seed)+2)+1)
	for i := range docs {
		docs[i] = seed
	}
	return docs, len(docs) * len(seed)
}

func BenchmarkTokens(b *testing.B) {
	t := Default()
	b.Run("article", func(b *testing.B) {
		docs, n := benchDocs(b)
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				t.Tokens(d)
			}
		}
	})
	b.Run("1MiB", func(b *testing.B) {
		text := benchText(b)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			t.Tokens(text)
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	t := Default()
	b.Run("article", func(b *testing.B) {
		docs, n := benchDocs(b)
		b.SetBytes(int64(n))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				t.Sentences(d)
			}
		}
	})
	b.Run("1MiB", func(b *testing.B) {
		text := benchText(b)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n = len(t.Sentences(text))
		}
		b.ReportMetric(float64(n), "sentences/op")
	})
}

func BenchmarkAllSentences(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for range t.AllSentences(text) {
		}
	}
}

func BenchmarkScanner(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sc := t.NewScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
}

func BenchmarkWords(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		for tok := range t.All(text) {
			buf = t.AppendWords(buf[:0], tok)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	b.Run("unchanged", func(b *testing.B) {
		plain, _ := Normalize(text)
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		for b.Loop() {
			Normalize(plain)
		}
	})
	b.Run("changed", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			Normalize(text)
		}
	})
}
