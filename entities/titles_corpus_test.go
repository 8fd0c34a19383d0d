package entities_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/internal/eval/nereval"
)

// TestTitlesAloneNotPersons counts, in the NER corpora, the words that
// post-processing treats as titles (Presiden, Kabid, AKBP), and how often
// one of them is a person mention on its own: the ground for dropping such
// mentions (go test -v -run TestTitlesAloneNotPersons ./entities).
func TestTitlesAloneNotPersons(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "ner")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/data/ner absent: skipping the title check")
	}
	exs, err := nereval.ReadAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	total, alone := 0, 0
	for _, ex := range exs {
		for _, w := range ex.Words {
			if entities.IsTitle(strings.ToLower(w)) {
				total++
			}
		}
		for _, sp := range ex.Spans {
			if sp.Label == entities.PER && sp.End-sp.Start == 1 && entities.IsTitle(strings.ToLower(ex.Words[sp.Start])) {
				alone++
				t.Logf("%q alone as PER", ex.Words[sp.Start])
			}
		}
	}
	t.Logf("%d titles, %d of them a person mention alone", total, alone)
	if total == 0 || alone*100 > total {
		t.Errorf("%d titles, %d alone as PER: the rule no longer follows the corpora", total, alone)
	}
}
