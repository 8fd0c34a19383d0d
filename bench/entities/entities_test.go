package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/tokenize"
)

// news returns the seed article repeated to about n bytes.
func news(tb testing.TB, n int) string {
	b, err := os.ReadFile("../../testdata/000_891277e20803d97e.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Repeat(string(b), n/len(b)+1)
}

// BenchmarkKabarRecognize: PER/ORG/LOC and the rules, tokenization excluded.
func BenchmarkKabarRecognize(b *testing.B) {
	r, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	text := news(b, 1<<20)
	sents := tokenize.Sentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Recognize(text, sents)
	}
}

// BenchmarkKabarFind: tokenization included.
func BenchmarkKabarFind(b *testing.B) {
	r, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	text := news(b, 1<<20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Find(text)
	}
}

// BenchmarkProse: prose/v2's full pipeline (segmentation, tokenization,
// tagging, entity extraction) with its English model, loaded once.
func BenchmarkProse(b *testing.B) {
	model := prose.ModelFromData("en")
	text := news(b, 64<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSameText(t *testing.T) {
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	text := news(t, 1)
	if len(r.Find(text)) == 0 {
		t.Fatal("kabar found nothing in the seed article")
	}
	doc, err := prose.NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("prose English model: %d entities, kabar: %d", len(doc.Entities()), len(r.Find(text)))
}
