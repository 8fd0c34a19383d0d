package tokenize

import (
	"strings"
	"testing"
	"time"
)

// cpuMBps reports throughput per CPU second besides the wall-clock MB/s of
// b.SetBytes: on a shared, loaded machine the wall clock counts the time
// the benchmark waits for a core. Call it after the timed loop, with the
// CPU time taken before it.
func cpuMBps(b *testing.B, bytes int, start time.Duration) {
	if d := cpuTime() - start; d > 0 && start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

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
	cpu := cpuTime()
	for b.Loop() {
		n = 0
		for range t.All(text) {
			n++
		}
	}
	cpuMBps(b, len(text), cpu)
	b.ReportMetric(float64(n), "tokens/op")
}

func BenchmarkIterator(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for it := t.Iterator(text); it.Next(); {
		}
	}
	cpuMBps(b, len(text), cpu)
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
		cpu := cpuTime()
		for b.Loop() {
			for _, d := range docs {
				t.Tokens(d)
			}
		}
		cpuMBps(b, n, cpu)
	})
	b.Run("1MiB", func(b *testing.B) {
		text := benchText(b)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			t.Tokens(text)
		}
		cpuMBps(b, len(text), cpu)
	})
}

func BenchmarkSentences(b *testing.B) {
	t := Default()
	b.Run("article", func(b *testing.B) {
		docs, n := benchDocs(b)
		b.SetBytes(int64(n))
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			for _, d := range docs {
				t.Sentences(d)
			}
		}
		cpuMBps(b, n, cpu)
	})
	b.Run("1MiB", func(b *testing.B) {
		text := benchText(b)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		n := 0
		cpu := cpuTime()
		for b.Loop() {
			n = len(t.Sentences(text))
		}
		cpuMBps(b, len(text), cpu)
		b.ReportMetric(float64(n), "sentences/op")
	})
}

func BenchmarkAllSentences(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for range t.AllSentences(text) {
		}
	}
	cpuMBps(b, len(text), cpu)
}

func BenchmarkScanner(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		sc := t.NewScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
	cpuMBps(b, len(text), cpu)
}

func BenchmarkWords(b *testing.B) {
	text := benchText(b)
	t := Default()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	cpu := cpuTime()
	for b.Loop() {
		for tok := range t.All(text) {
			buf = t.AppendWords(buf[:0], tok)
		}
	}
	cpuMBps(b, len(text), cpu)
}

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	b.Run("unchanged", func(b *testing.B) {
		plain, _ := Normalize(text)
		b.SetBytes(int64(len(plain)))
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			Normalize(plain)
		}
		cpuMBps(b, len(plain), cpu)
	})
	b.Run("changed", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			Normalize(text)
		}
		cpuMBps(b, len(text), cpu)
	})
}
