package summarize

import (
	"github.com/kabar-id/kabar/stem"
	"github.com/kabar-id/kabar/tokenize"
)

// Sentence is a sentence chosen for a summary. Start and End are byte
// offsets into the text; Index is its position among the text's sentences.
type Sentence struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Index int     `json:"index"`
	Score float64 `json:"score"`
}

// Keyword is a term or phrase that characterises a text.
type Keyword struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Input is a tokenized text with the stem of each token and whether it is a
// stopword, so that the summariser needs not tokenize or stem again.
// Stems[i][j] and Stop[i][j] belong to Sentences[i].Tokens[j].
type Input struct {
	Text      string
	Sentences []tokenize.Sentence
	Stems     [][]string
	Stop      [][]bool
}

// Summarizer picks the most informative sentences of a text. A Summarizer is
// immutable and safe for concurrent use by multiple goroutines.
//
// PLACEHOLDER implementation (lead-n); the exported API is the contract.
type Summarizer struct{ st *stem.Stemmer }

// Option configures a Summarizer.
type Option func(*Summarizer) error

// New returns a Summarizer with the embedded IDF table.
func New(opts ...Option) (*Summarizer, error) { return &Summarizer{st: stem.Default()}, nil }

// Prepare tokenizes and stems text with the default tokenizer and stemmer.
func (s *Summarizer) Prepare(text string) Input {
	in := Input{Text: text, Sentences: tokenize.Sentences(text)}
	for _, se := range in.Sentences {
		st := make([]string, len(se.Tokens))
		sp := make([]bool, len(se.Tokens))
		for j, t := range se.Tokens {
			st[j] = s.st.Stem(t.Text)
			sp[j] = s.st.IsStopword(t.Text)
		}
		in.Stems = append(in.Stems, st)
		in.Stop = append(in.Stop, sp)
	}
	return in
}

// Summarize returns up to n sentences of in, in text order.
func (s *Summarizer) Summarize(in Input, n int) []Sentence {
	var out []Sentence
	for i, se := range in.Sentences {
		if i >= n {
			break
		}
		out = append(out, Sentence{Text: se.Text, Start: se.Start, End: se.End, Index: i, Score: 1})
	}
	return out
}

// Keywords returns up to k keywords of in, best first.
func (s *Summarizer) Keywords(in Input, k int) []Keyword { return nil }
