package sumeval

import (
	"context"
	"fmt"
	"strings"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// PreparePipeline is Prepare with the stems the root package's Analyzer
// gives the summariser in the pipeline (kabar.Analyze): names protected by
// entity mentions as well as by capitals, unless opts turn it off. The
// Analyzer is built with opts after the stages it needs.
func PreparePipeline(arts []*Article, opts ...kabar.Option) ([]*Doc, error) {
	a, err := kabar.New(append([]kabar.Option{kabar.WithStages(kabar.StageTokens | kabar.StageStems)}, opts...)...)
	if err != nil {
		return nil, err
	}
	docs := make([]*Doc, len(arts))
	for k, art := range arts {
		d, err := a.Analyze(context.Background(), art.Text)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", k, err)
		}
		docs[k] = newDoc(art, inputOf(art.Text, d))
	}
	return docs, nil
}

// inputOf rebuilds the summariser's Input of text from the sentences,
// tokens and stems of its Document.
func inputOf(text string, d *kabar.Document) summarize.Input {
	in := summarize.Input{Text: text}
	for _, se := range d.Sentences {
		toks := d.Tokens[se.FirstToken : se.FirstToken+se.Tokens]
		ts := make([]tokenize.Token, len(toks))
		stems := make([]string, len(toks))
		stop := make([]bool, len(toks))
		for j, t := range toks {
			ts[j] = tokenize.Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind}
			stems[j], stop[j] = t.Stem, t.Stop
		}
		in.Sentences = append(in.Sentences, tokenize.Sentence{Text: se.Text, Start: se.Start, End: se.End, Tokens: ts})
		in.Stems = append(in.Stems, stems)
		in.Stop = append(in.Stop, stop)
	}
	return in
}

// IDFDiff learns an IDF table (LearnIDF, MinDF) from each of a and b and
// returns the number of lines in one table and not the other, as diff
// would count them (both tables are sorted by term), and the number of
// terms of each table: how far apart the term spaces of two ways of
// preparing the same articles are.
func IDFDiff(a, b []*Doc) (diff, termsA, termsB int, err error) {
	all := func(int) bool { return true }
	la, err := idfLines(summarize.LearnIDF(inputs(a, all), MinDF))
	if err != nil {
		return 0, 0, 0, err
	}
	lb, err := idfLines(summarize.LearnIDF(inputs(b, all), MinDF))
	if err != nil {
		return 0, 0, 0, err
	}
	for l := range la {
		if !lb[l] {
			diff++
		}
	}
	for l := range lb {
		if !la[l] {
			diff++
		}
	}
	return diff, len(la), len(lb), nil
}

// idfLines returns the term lines of t as written by IDF.Write.
func idfLines(t *summarize.IDF) (map[string]bool, error) {
	var b strings.Builder
	if err := t.Write(&b, nil); err != nil {
		return nil, err
	}
	lines := map[string]bool{}
	for l := range strings.Lines(b.String()) {
		if strings.Contains(l, "\t") {
			lines[l] = true
		}
	}
	return lines, nil
}
