package nereval

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/kabar-id/kabar/entities"
)

func TestScore(t *testing.T) {
	d := Dataset{Name: "toy", Examples: []entities.Example{
		{Words: []string{"Joko", "Widodo", "di", "Jakarta"}, Spans: []entities.TokenSpan{{Start: 0, End: 2, Label: entities.PER}, {Start: 3, End: 4, Label: entities.LOC}}},
		{Words: []string{"PBB", "bersidang"}, Spans: []entities.TokenSpan{{Start: 0, End: 1, Label: entities.ORG}}},
	}}
	// A tagger that gets PER right, LOC with the wrong span, and ORG as LOC.
	tag := func(words []string) []entities.TokenSpan {
		if words[0] == "Joko" {
			return []entities.TokenSpan{{Start: 0, End: 2, Label: entities.PER}, {Start: 2, End: 4, Label: entities.LOC}}
		}
		return []entities.TokenSpan{{Start: 0, End: 1, Label: entities.LOC}}
	}
	r := Score("toy", tag, d, []entities.Label{entities.PER, entities.ORG, entities.LOC})
	if r.Overall != (Counts{TP: 1, Pred: 3, Gold: 3}) {
		t.Fatalf("overall %+v", r.Overall)
	}
	if f := r.Overall.F1(); math.Abs(f-1.0/3) > 1e-9 {
		t.Errorf("F1 = %v, want 1/3", f)
	}
	if c := r.PerType[entities.ORG]; c.Gold != 1 || c.TP != 0 || c.F1() != 0 {
		t.Errorf("ORG %+v", c)
	}
}

func TestDocAndSpans(t *testing.T) {
	text, sents := Doc([]string{"Tentara", "Nasional", "Libya", "(LNA)"})
	if text != "Tentara Nasional Libya (LNA)" || len(sents[0].Tokens) != 4 {
		t.Fatalf("Doc = %q %v", text, sents)
	}
	ms := []entities.Mention{{Text: "Nasional Libya", Label: entities.ORG, Start: 8, End: 22}, {Text: "Lib", Start: 17, End: 20}}
	sp := MentionsToSpans(ms, sents[0].Tokens)
	if len(sp) != 1 || sp[0] != (entities.TokenSpan{Start: 1, End: 3, Label: entities.ORG}) {
		t.Errorf("spans %v", sp)
	}
}

// TestShipped runs the embedded recogniser on idner-news-2k.dev and checks
// the target, when ../shared is there.
func TestShipped(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "data", "ner")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/ner absent: skipping the accuracy check")
	}
	exs, err := Read(dir, "idner-news-2k.dev.tsv", All)
	if err != nil {
		t.Fatal(err)
	}
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	res := Score("kabar", RecognizerTagger(r), Dataset{Name: "idner-news-2k.dev", Examples: exs}, r.Types())
	if f := 100 * res.Overall.F1(); f < 88 {
		t.Errorf("F1 %.2f on idner-news-2k.dev, want ≥ 88", f)
	}
}
