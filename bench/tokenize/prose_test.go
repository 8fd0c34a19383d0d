package tokenizebench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"
	"github.com/kabar-id/kabar/internal/eval/tokeneval"
	"github.com/kabar-id/kabar/tokenize"
)

// proseTokens returns prose/v2's tokens of text, as strings.
func proseTokens(text string) ([]string, error) {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range doc.Tokens() {
		out = append(out, t.Text)
	}
	return out, nil
}

// proseSentences returns prose/v2's sentences of text, as strings.
func proseSentences(text string) ([]string, error) {
	doc, err := prose.NewDocument(text, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, s := range doc.Sentences() {
		out = append(out, s.Text)
	}
	return out, nil
}

// proseSystem scores prose/v2: its tokens and sentences carry no offsets,
// so they are placed in the text in order (tokeneval.Align); prose does not
// split clitics, so its words are its tokens.
func proseSystem(t *testing.T) tokeneval.System {
	return func(text string) tokeneval.Prediction {
		toks, err := proseTokens(text)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := proseSentences(text)
		if err != nil {
			t.Fatal(err)
		}
		p := tokeneval.Prediction{Tokens: tokeneval.Align(text, toks), Sentences: tokeneval.Align(text, sents)}
		p.Words = p.Tokens
		return p
	}
}

// TestAccuracy prints kabar's and prose/v2's scores on the same documents
// as `kabar eval tokenize`.
func TestAccuracy(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "ud")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("UD treebanks not found at %s: %v", dir, err)
	}
	for _, tb := range tokeneval.Treebanks(dir) {
		for _, layout := range []tokeneval.Layout{tokeneval.News, tokeneval.RunOn} {
			docs, n, err := tb.Load(layout, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, sys := range []struct {
				name string
				sys  tokeneval.System
			}{{"kabar", tokeneval.Kabar(tokenize.Default())}, {"prose/v2", proseSystem(t)}} {
				var b strings.Builder
				tokeneval.WriteTable(&b, tb.Name+" "+layout.String()+" "+sys.name, tokeneval.Score(docs, sys.sys))
				t.Logf("(%d sent.) %s", n, strings.TrimSpace(b.String()))
				// The gold split at the sentence ends inside lines
				// (tokeneval.Resegment), as in kabar eval tokenize.
				if re, splits := tokeneval.Resegment(docs); layout == tokeneval.News && splits > 0 {
					b.Reset()
					tokeneval.WriteTable(&b, fmt.Sprintf("%s re-segmented (%d) %s", tb.Name, splits, sys.name), tokeneval.Score(re, sys.sys))
					t.Logf("(%d sent.) %s", n, strings.TrimSpace(b.String()))
				}
			}
		}
	}
}

// cpuMBps reports throughput per CPU second besides the wall-clock MB/s:
// on a shared, loaded machine the wall clock counts the time the benchmark
// waits for a core.
func cpuMBps(b *testing.B, bytes int64, start time.Duration) {
	if d := cpuTime() - start; d > 0 && start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d.Seconds()/1e6, "cpu-MB/s")
	}
}

// benchDocs is the seed article (the user's own document, in the root
// testdata) repeated 64 times as separate articles: about 180 KB, the same
// text as kabar's own benchmarks (which repeat it to 1 MiB).
func benchDocs(b *testing.B) ([]string, int64) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "000_891277e20803d97e.txt"))
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]string, 64)
	for i := range docs {
		docs[i] = string(seed)
	}
	return docs, int64(len(docs) * len(seed))
}

func BenchmarkKabarTokens(b *testing.B) {
	docs, n := benchDocs(b)
	t := tokenize.Default()
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			t.Tokens(d)
		}
	}
	cpuMBps(b, n, cpu)
}

func BenchmarkKabarSentences(b *testing.B) {
	docs, n := benchDocs(b)
	t := tokenize.Default()
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			t.Sentences(d)
		}
	}
	cpuMBps(b, n, cpu)
}

func BenchmarkProseTokens(b *testing.B) {
	docs, n := benchDocs(b)
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if _, err := proseTokens(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpuMBps(b, n, cpu)
}

func BenchmarkProseSentences(b *testing.B) {
	docs, n := benchDocs(b)
	docs = docs[:4] // prose's segmenter is slow
	n /= 16
	b.SetBytes(n)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if _, err := proseSentences(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpuMBps(b, n, cpu)
}
