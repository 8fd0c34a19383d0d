package nereval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/tokenize"
)

// Counts are the true positives, predictions and gold mentions of one type.
type Counts struct{ TP, Pred, Gold int }

// P returns the precision.
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }

// R returns the recall.
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Result is the score of one system on one data set.
type Result struct {
	System, Data string
	Types        []entities.Label
	PerType      map[entities.Label]Counts
	Overall      Counts
	Sentences    int
	Elapsed      time.Duration
}

// Dataset is a named list of labelled sentences.
type Dataset struct {
	Name     string
	Examples []entities.Example
}

// Fold selects sentences of a corpus file.
type Fold int

// Folds.
const (
	All      Fold = iota
	HeldOut       // every tenth sentence (index % 10 == 0)
	Training      // the other sentences
)

// Corpora are the NER corpus files of ../shared/data/ner, all of them:
// the ground on which the entities package's rules are checked.
var Corpora = []string{"idner-news-2k.train.tsv", "idner-news-2k.dev.tsv", "nerui.all.tsv", "nerugm.all.tsv",
	"nergrit.train.tsv", "nergrit.valid.tsv", "nerp.train.tsv", "nerp.valid.tsv"}

// ReadAll reads every sentence of every file of Corpora in dir.
func ReadAll(dir string) ([]entities.Example, error) {
	var all []entities.Example
	for _, f := range Corpora {
		exs, err := Read(dir, f, All)
		if err != nil {
			return nil, err
		}
		all = append(all, exs...)
	}
	return all, nil
}

// Read reads a corpus of dir with the default label map and keeps fold.
func Read(dir, file string, fold Fold) ([]entities.Example, error) {
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	exs, err := entities.ReadCoNLL(f, entities.DefaultLabelMap())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if fold == All {
		return exs, nil
	}
	var out []entities.Example
	for i, e := range exs {
		if (i%10 == 0) == (fold == HeldOut) {
			out = append(out, e)
		}
	}
	return out, nil
}

// TrainingFiles are the corpora the default model is trained on, in domain
// order: idner-news-2k is the target domain (0), the others auxiliary.
var TrainingFiles = []struct {
	File string
	Fold Fold
}{
	{"idner-news-2k.train.tsv", All},
	{"nerui.all.tsv", Training},
	{"nergrit.train.tsv", All},
	{"nerugm.all.tsv", Training},
}

// TrainingData reads TrainingFiles from dir (../shared/data/ner), marking
// each corpus with its domain.
func TrainingData(dir string) ([]entities.Example, error) {
	var out []entities.Example
	for d, tf := range TrainingFiles {
		exs, err := Read(dir, tf.File, tf.Fold)
		if err != nil {
			return nil, err
		}
		for _, e := range exs {
			e.Domain = uint8(d)
			out = append(out, e)
		}
	}
	return out, nil
}

// EvalSets returns the evaluation sets: idner-news-2k.dev (the target),
// the held-out folds of NER-UI and NER-UGM, NERGRIT's and NERP's validation
// sets (NERP is all lower case), and idner-news-2k.dev in upper and in
// lower case (robustness to headlines and uncased text).
func EvalSets(dir string) ([]Dataset, error) {
	specs := []struct {
		name, file string
		fold       Fold
		tr         func(string) string
	}{
		{"idner-news-2k.dev", "idner-news-2k.dev.tsv", All, nil},
		{"nerui fold 0", "nerui.all.tsv", HeldOut, nil},
		{"nerugm fold 0", "nerugm.all.tsv", HeldOut, nil},
		{"nergrit.valid", "nergrit.valid.tsv", All, nil},
		{"nerp.valid (lower)", "nerp.valid.tsv", All, nil},
		{"idner dev UPPER", "idner-news-2k.dev.tsv", All, strings.ToUpper},
		{"idner dev lower", "idner-news-2k.dev.tsv", All, strings.ToLower},
	}
	var out []Dataset
	for _, s := range specs {
		exs, err := Read(dir, s.file, s.fold)
		if err != nil {
			return nil, err
		}
		if s.tr != nil {
			for i := range exs {
				w := make([]string, len(exs[i].Words))
				for j, x := range exs[i].Words {
					w[j] = s.tr(x)
				}
				exs[i].Words = w
			}
		}
		out = append(out, Dataset{s.name, exs})
	}
	return out, nil
}

// Doc joins the words of an example with spaces and returns the text and
// its one sentence with the gold tokens. A token's kind is the one the
// tokenizer gives the word when it keeps it whole, else Word.
func Doc(words []string) (string, []tokenize.Sentence) {
	var b strings.Builder
	toks := make([]tokenize.Token, 0, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		st := b.Len()
		b.WriteString(w)
		kind := tokenize.Word
		if ts := tokenize.Tokens(w); len(ts) == 1 && ts[0].Text == w {
			kind = ts[0].Kind
		}
		toks = append(toks, tokenize.Token{Text: w, Start: st, End: b.Len(), Kind: kind})
	}
	t := b.String()
	for i := range toks {
		toks[i].Text = t[toks[i].Start:toks[i].End]
	}
	return t, []tokenize.Sentence{{Text: t, Start: 0, End: len(t), Tokens: toks}}
}

// Tagger labels one pre-tokenized sentence, returning entity spans over
// its words.
type Tagger func(words []string) []entities.TokenSpan

// RecognizerTagger runs a Recognizer (model, rules, post-processing and
// gazetteers) on the gold tokens.
func RecognizerTagger(r *entities.Recognizer) Tagger {
	return func(words []string) []entities.TokenSpan {
		text, sents := Doc(words)
		ms := r.Recognize(text, sents)
		return MentionsToSpans(ms, sents[0].Tokens)
	}
}

// MentionsToSpans maps mentions back to token indices; mentions that do
// not start and end on token boundaries are dropped (they count as wrong).
func MentionsToSpans(ms []entities.Mention, toks []tokenize.Token) []entities.TokenSpan {
	var out []entities.TokenSpan
	for _, m := range ms {
		a := slices.IndexFunc(toks, func(t tokenize.Token) bool { return t.Start == m.Start })
		b := slices.IndexFunc(toks, func(t tokenize.Token) bool { return t.End == m.End })
		if a >= 0 && b >= a {
			out = append(out, entities.TokenSpan{Start: a, End: b + 1, Label: m.Label})
		}
	}
	return out
}

// Score runs tag over the data set and scores the spans of the given types.
func Score(system string, tag Tagger, d Dataset, types []entities.Label) Result {
	res := Result{System: system, Data: d.Name, Types: types, PerType: map[entities.Label]Counts{}, Sentences: len(d.Examples)}
	start := time.Now()
	for _, ex := range d.Examples {
		gold := map[entities.TokenSpan]bool{}
		for _, g := range ex.Spans {
			if slices.Contains(types, g.Label) {
				gold[g] = true
				c := res.PerType[g.Label]
				c.Gold++
				res.PerType[g.Label] = c
			}
		}
		for _, p := range tag(ex.Words) {
			if !slices.Contains(types, p.Label) {
				continue
			}
			c := res.PerType[p.Label]
			c.Pred++
			if gold[p] {
				c.TP++
			}
			res.PerType[p.Label] = c
		}
	}
	res.Elapsed = time.Since(start)
	for _, c := range res.PerType {
		res.Overall.TP += c.TP
		res.Overall.Pred += c.Pred
		res.Overall.Gold += c.Gold
	}
	return res
}

// WriteTable writes results as a Markdown table.
func WriteTable(w io.Writer, rs []Result) {
	fmt.Fprintln(w, "| system | data | sentences | PER F1 | ORG F1 | LOC F1 | P | R | F1 |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		f := func(l entities.Label) string {
			c, ok := r.PerType[l]
			if !ok || c.Gold == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f", 100*c.F1())
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %s | %s | %.1f | %.1f | **%.1f** |\n", r.System, r.Data, r.Sentences,
			f(entities.PER), f(entities.ORG), f(entities.LOC), 100*r.Overall.P(), 100*r.Overall.R(), 100*r.Overall.F1())
	}
}
