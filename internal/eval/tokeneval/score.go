package tokeneval

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/kabar-id/kabar/tokenize"
)

// PRF counts gold, predicted and matching units.
type PRF struct{ Gold, Pred, Match int }

// Precision returns Match/Pred in percent.
func (p PRF) Precision() float64 { return pct(p.Match, p.Pred) }

// Recall returns Match/Gold in percent.
func (p PRF) Recall() float64 { return pct(p.Match, p.Gold) }

// F1 returns the harmonic mean of precision and recall in percent.
func (p PRF) F1() float64 {
	if p.Gold+p.Pred == 0 {
		return 100
	}
	return 100 * 2 * float64(p.Match) / float64(p.Gold+p.Pred)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func (p *PRF) add(gold, pred []Span) {
	set := make(map[Span]bool, len(gold))
	for _, g := range gold {
		if g.Start >= 0 {
			set[g] = true
		}
	}
	p.Gold += len(gold)
	p.Pred += len(pred)
	for _, s := range pred {
		if set[s] {
			p.Match++
			delete(set, s)
		}
	}
}

// Prediction is what a system found in a document. Kinds, when set, holds
// the kind of each token (kabar's systems set it; prose's does not).
type Prediction struct {
	Tokens, Words, Sentences []Span
	Kinds                    []tokenize.Kind
}

// System analyses a document.
type System func(text string) Prediction

// Scores are the scores of a system on a set of documents.
type Scores struct {
	Tokens, Words, Sentences PRF
	// SentenceErrors lists gold sentences that were not found, with what
	// was predicted over them, for inspection.
	SentenceErrors []SentenceError
	// TokenErrors lists gold tokens that were not found.
	TokenErrors []TokenError
}

// TokenError is a gold token that the system did not find.
type TokenError struct {
	Gold      string
	Context   string   // the gold sentence
	Predicted []string // predicted tokens overlapping the gold one
}

// SentenceError is a gold sentence that the system did not find.
type SentenceError struct {
	ID        string
	Gold      string
	Predicted []string // predicted sentences overlapping the gold one
}

// Score runs sys on every document.
func Score(docs []Doc, sys System) Scores {
	var sc Scores
	for _, d := range docs {
		p := sys(d.Text)
		sc.Tokens.add(d.Tokens, p.Tokens)
		sc.Words.add(d.Words, p.Words)
		sc.Sentences.add(d.Sentences, p.Sentences)
		ptok := map[Span]bool{}
		for _, t := range p.Tokens {
			ptok[t] = true
		}
		for _, g := range d.Tokens {
			if ptok[g] {
				continue
			}
			e := TokenError{Gold: d.Text[g.Start:g.End]}
			for _, s := range d.Sentences {
				if s.Start <= g.Start && g.End <= s.End {
					e.Context = d.Text[s.Start:s.End]
				}
			}
			for _, t := range p.Tokens {
				if t.Start >= 0 && t.Start < g.End && t.End > g.Start {
					e.Predicted = append(e.Predicted, d.Text[t.Start:t.End])
				}
			}
			sc.TokenErrors = append(sc.TokenErrors, e)
		}
		pred := map[Span]bool{}
		for _, s := range p.Sentences {
			pred[s] = true
		}
		for i, g := range d.Sentences {
			if pred[g] {
				continue
			}
			e := SentenceError{ID: d.IDs[i], Gold: d.Text[g.Start:g.End]}
			for _, s := range p.Sentences {
				if s.Start >= 0 && s.Start < g.End && s.End > g.Start {
					e.Predicted = append(e.Predicted, d.Text[s.Start:s.End])
				}
			}
			sc.SentenceErrors = append(sc.SentenceErrors, e)
		}
	}
	return sc
}

// Kabar returns the System of tokenizer t: tokens and sentences from
// Sentences, words from AppendWords.
func Kabar(t *tokenize.Tokenizer) System {
	return func(text string) Prediction {
		var p Prediction
		var words []tokenize.Token
		for _, s := range t.Sentences(text) {
			p.Sentences = append(p.Sentences, Span{s.Start, s.End})
			for _, tok := range s.Tokens {
				p.Tokens = append(p.Tokens, Span{tok.Start, tok.End})
				p.Kinds = append(p.Kinds, tok.Kind)
				words = t.AppendWords(words[:0], tok)
				for _, w := range words {
					p.Words = append(p.Words, Span{w.Start, w.End})
				}
			}
		}
		return p
	}
}

// GSDAbbreviations returns sys scored under GSD's convention for
// abbreviations: every predicted token of kind [tokenize.Word] that ends
// with a period (kabar keeps the period in its abbreviations and initials:
// Dr., S.H., P.) counts as two spans, the word and the period (Dr, .), as
// GSD tokenizes them; a predicted word with the same span is split alike.
// Tokens without a kind (Prediction.Kinds unset) are left as they are. It
// changes the scoring, not kabar's output.
func GSDAbbreviations(sys System) System {
	return func(text string) Prediction {
		p := sys(text)
		if len(p.Kinds) != len(p.Tokens) {
			return p
		}
		split := map[Span]bool{}
		var toks []Span
		for i, t := range p.Tokens {
			if p.Kinds[i] == tokenize.Word && t.End-t.Start > 1 && text[t.End-1] == '.' {
				split[t] = true
				toks = append(toks, Span{t.Start, t.End - 1}, Span{t.End - 1, t.End})
				continue
			}
			toks = append(toks, t)
		}
		if len(split) == 0 {
			return p
		}
		var words []Span
		for _, w := range p.Words {
			if split[w] {
				words = append(words, Span{w.Start, w.End - 1}, Span{w.End - 1, w.End})
				continue
			}
			words = append(words, w)
		}
		return Prediction{Tokens: toks, Words: words, Sentences: p.Sentences}
	}
}

// Align places pieces of text, in order, as spans of text: each piece is
// searched from the end of the previous one. A piece that is not found
// gets the span {-1, -1} and does not move the search. It serves systems
// that return strings without offsets (prose/v2).
func Align(text string, pieces []string) []Span {
	out := make([]Span, len(pieces))
	pos := 0
	for i, p := range pieces {
		p = strings.TrimSpace(p)
		j := strings.Index(text[pos:], p)
		if p == "" || j < 0 {
			out[i] = Span{-1, -1}
			continue
		}
		out[i] = Span{pos + j, pos + j + len(p)}
		pos += j + len(p)
	}
	return out
}

// Treebank is a named set of CoNLL-U files scored together.
// SplitsAbbreviations says that its gold tokens split the period off
// abbreviations (Dr → Dr, .), which [GSDAbbreviations] scores.
type Treebank struct {
	Name                string
	Files               []string
	SplitsAbbreviations bool
}

// Treebanks returns the treebanks under dir (../shared/data/ud): GSD dev
// and test, CSUI train.
func Treebanks(dir string) []Treebank {
	return []Treebank{
		{"GSD", []string{filepath.Join(dir, "gsd", "id_gsd-ud-dev.conllu"), filepath.Join(dir, "gsd", "id_gsd-ud-test.conllu")}, true},
		{"CSUI", []string{filepath.Join(dir, "csui", "id_csui-ud-train.conllu")}, false},
	}
}

// Sentences reads the treebank's files.
func (tb Treebank) Sentences() ([]UDSentence, error) {
	var sents []UDSentence
	for _, f := range tb.Files {
		s, err := ReadCoNLLU(f)
		if err != nil {
			return nil, err
		}
		sents = append(sents, s...)
	}
	return sents, nil
}

// Load reads the treebank's files and builds its documents. With clean
// set, only lines without artefacts (ArtefactOf) are used.
func (tb Treebank) Load(l Layout, clean bool) ([]Doc, int, error) {
	sents, err := tb.Sentences()
	if err != nil {
		return nil, 0, err
	}
	if clean {
		kept := sents[:0:0]
		for _, s := range sents {
			if ArtefactOf(s.Text) == Clean {
				kept = append(kept, s)
			}
		}
		sents = kept
	}
	docs, err := Documents(sents, DocSize, l)
	return docs, len(sents), err
}

// Targets of issue 2, in percent, on each treebank (news layout).
const (
	TargetTokens    = 99.7
	TargetSentences = 97.0
)

// Floor is the score below which --assert fails for a treebank whose gold
// standard makes a target unreachable for a splitter that follows the
// issue's rules: GSD holds lines with two or more sentences under one
// sentence id, and splits the period off abbreviations and initials where
// CSUI and the UD guidelines keep it. Its floors guard against regressions;
// the report still prints the target as missed.
type Floor struct{ Tokens, Sentences float64 }

// Floors by treebank name; a treebank without a floor must meet the targets.
var Floors = map[string]Floor{
	"GSD": {Tokens: 99.4, Sentences: 88.2},
}

// WriteTable writes one line of scores.
func WriteTable(w io.Writer, name string, s Scores) {
	fmt.Fprintf(w, "%-42s tokens %6.2f (P %6.2f R %6.2f)  words %6.2f  sentences %6.2f (P %6.2f R %6.2f)\n",
		name, s.Tokens.F1(), s.Tokens.Precision(), s.Tokens.Recall(), s.Words.F1(),
		s.Sentences.F1(), s.Sentences.Precision(), s.Sentences.Recall())
}
