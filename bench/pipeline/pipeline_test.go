package pipeline

import (
	"os"
	"testing"
)

const (
	articles = "../../testdata/articles.jsonl"
	indosum  = "../../../shared/data/indosum/indosum-dev.jsonl"
)

func corpus(b testing.TB) []Doc {
	docs, err := JSONL(articles)
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

func TestBoth(t *testing.T) {
	docs := corpus(t)
	k, err := Kabar(docs)
	if err != nil || k.Docs != len(docs) || k.Tokens == 0 {
		t.Fatalf("kabar: %+v, %v", k, err)
	}
	p, err := Prose(docs[:2], true)
	if err != nil || p.Docs != 2 || p.Tokens == 0 {
		t.Fatalf("prose: %+v, %v", p, err)
	}
}

func TestIndoSum(t *testing.T) {
	if _, err := os.Stat(indosum); err != nil {
		t.Skip("../shared/data/indosum is absent: skipping the IndoSum reader test")
	}
	docs, err := IndoSum(indosum)
	if err != nil || len(docs) != 1699 || docs[0].Text == "" || docs[0].Category == "" {
		t.Fatalf("%d docs, %v", len(docs), err)
	}
}

func benchDocs(b *testing.B) ([]Doc, int64) {
	docs := corpus(b)
	if _, err := os.Stat(indosum); err == nil {
		if docs, err = IndoSum(indosum); err != nil {
			b.Fatal(err)
		}
		docs = docs[:200]
	}
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return docs, n
}

// BenchmarkKabar: the full pipeline, one goroutine, on the first 200
// IndoSum articles (or the committed articles). Run with -cpu 1.
func BenchmarkKabar(b *testing.B) {
	docs, n := benchDocs(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Kabar(docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkProse: prose/v2's full pipeline with its model reused, on the
// first 20 documents of the same corpus (it is ~100 times slower).
func BenchmarkProse(b *testing.B) {
	docs, _ := benchDocs(b)
	docs = docs[:min(20, len(docs))]
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Prose(docs, true); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
