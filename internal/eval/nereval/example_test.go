package nereval_test

import (
	"fmt"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/internal/eval/nereval"
)

// Scoring a tagger on one gold sentence: exact spans and labels count.
func ExampleScore() {
	gold := nereval.Dataset{Name: "demo", Examples: []entities.Example{{
		Words: []string{"Lavrov", "bertemu", "Haftar", "di", "Moskow", "."},
		Spans: []entities.TokenSpan{{Start: 0, End: 1, Label: entities.PER}, {Start: 2, End: 3, Label: entities.PER}, {Start: 4, End: 5, Label: entities.LOC}},
	}}}
	// a tagger that finds both persons and takes the city for a person
	tagger := func(words []string) []entities.TokenSpan {
		return []entities.TokenSpan{{Start: 0, End: 1, Label: entities.PER}, {Start: 2, End: 3, Label: entities.PER}, {Start: 4, End: 5, Label: entities.PER}}
	}
	r := nereval.Score("demo tagger", tagger, gold, []entities.Label{entities.PER, entities.ORG, entities.LOC})
	fmt.Printf("P %.1f R %.1f F1 %.1f\n", 100*r.Overall.P(), 100*r.Overall.R(), 100*r.Overall.F1())
	// Output:
	// P 66.7 R 66.7 F1 66.7
}
