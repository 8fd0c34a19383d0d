package nereval

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/kabar-id/kabar/entities"
)

// ProseResults scores prose/v2 beside kabar on the same sets: its English
// model as shipped, and a model trained with prose.ModelFromData and
// prose.UsingEntities on kabar's training data (TrainingData of dir), which
// takes minutes and hundreds of MB.
func ProseResults(ctx context.Context, dir string, sets []Dataset, progress io.Writer) ([]Result, error) {
	types := []entities.Label{entities.PER, entities.ORG, entities.LOC}
	var out []Result
	// ModelFromData without data sources is prose's English model, loaded
	// once (NewDocument would load it for every sentence).
	english := prose.ModelFromData("en")
	eng := func(words []string) []entities.TokenSpan {
		text, _ := Doc(words)
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(english))
		if err != nil {
			return nil
		}
		return proseSpans(words, doc.Entities(), map[string]entities.Label{"PERSON": entities.PER, "GPE": entities.LOC, "ORG": entities.ORG, "ORGANIZATION": entities.ORG, "LOC": entities.LOC})
	}
	for _, d := range sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, Score("prose English model", eng, d, types))
	}
	train, err := TrainingData(dir)
	if err != nil {
		return nil, err
	}
	var data []prose.EntityContext
	for _, ex := range train {
		text, sents := Doc(ex.Words)
		ec := prose.EntityContext{Accept: true, Text: text}
		for _, sp := range ex.Spans {
			st, en := sents[0].Tokens[sp.Start].Start, sents[0].Tokens[sp.End-1].End
			ec.Spans = append(ec.Spans, prose.LabeledEntity{
				Start: utf8.RuneCountInString(text[:st]), End: utf8.RuneCountInString(text[:en]), Label: sp.Label.String()})
		}
		data = append(data, ec)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	start := time.Now()
	fmt.Fprintf(progress, "training prose on %d sentences…\n", len(data))
	model := prose.ModelFromData("kabar-id", prose.UsingEntities(data))
	fmt.Fprintf(progress, "prose trained in %v\n", time.Since(start).Round(time.Second))
	trained := func(words []string) []entities.TokenSpan {
		text, _ := Doc(words)
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(model))
		if err != nil {
			return nil
		}
		return proseSpans(words, doc.Entities(), map[string]entities.Label{"PER": entities.PER, "ORG": entities.ORG, "LOC": entities.LOC})
	}
	for _, d := range sets {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, Score("prose ModelFromData", trained, d, types))
	}
	return out, nil
}

// proseSpans maps prose's entities (text and label, no offsets) back to
// token spans by finding each text, in order, on token boundaries.
func proseSpans(words []string, ents []prose.Entity, labels map[string]entities.Label) []entities.TokenSpan {
	var out []entities.TokenSpan
	cur := 0
	for _, e := range ents {
		l, ok := labels[e.Label]
		if !ok {
			continue
		}
		parts := strings.Fields(e.Text)
		if len(parts) == 0 {
			continue
		}
		for i := cur; i+len(parts) <= len(words); i++ {
			match := true
			for k, p := range parts {
				if words[i+k] != p {
					match = false
					break
				}
			}
			if match {
				out = append(out, entities.TokenSpan{Start: i, End: i + len(parts), Label: l})
				cur = i + len(parts)
				break
			}
		}
	}
	return out
}
