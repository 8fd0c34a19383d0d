package kabar

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/stem"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// Stage is a set of analysis stages, combined with |.
type Stage uint8

// Stages an Analyzer can run. Tokenization always runs.
const (
	StageTokens   Stage = 1 << iota // sentences and tokens
	StageStems                      // stem and stopword flag per token
	StageEntities                   // entity mentions and groups
	StageSummary                    // summary sentences
	StageKeywords                   // keywords
	StageStats                      // simple statistics

	AllStages = StageTokens | StageStems | StageEntities | StageSummary | StageKeywords | StageStats
)

// Analyzer runs the analysis stages over texts. It is built once by New,
// is immutable, and is safe for concurrent use by multiple goroutines.
type Analyzer struct {
	stages    Stage
	tok       *tokenize.Tokenizer
	stemmer   *stem.Stemmer
	rec       *entities.Recognizer
	sum       *summarize.Summarizer
	sumLen    summarize.Length
	sumOpts   []summarize.Option
	nKeywords int
}

// Option configures an Analyzer built by New.
type Option func(*Analyzer) error

// WithStages selects the stages to run (default AllStages).
func WithStages(s Stage) Option {
	return func(a *Analyzer) error { a.stages = s | StageTokens; return nil }
}

// WithSummaryLength sets the number of summary sentences (default 3).
func WithSummaryLength(n int) Option {
	return func(a *Analyzer) error {
		if n < 0 {
			return fmt.Errorf("kabar: summary length %d is negative", n)
		}
		a.sumLen = summarize.Sentences(n)
		return nil
	}
}

// WithSummarySize sets the summary length as a number of sentences, a ratio
// or a word budget (summarize.Sentences, summarize.Ratio, summarize.Words).
func WithSummarySize(l summarize.Length) Option {
	return func(a *Analyzer) error { a.sumLen = l; return nil }
}

// WithSummarizerOptions passes options (method, IDF table, weights) to the
// summarizer the Analyzer builds.
func WithSummarizerOptions(opts ...summarize.Option) Option {
	return func(a *Analyzer) error { a.sumOpts = append(a.sumOpts, opts...); return nil }
}

// WithKeywords sets the number of keywords (default 10).
func WithKeywords(k int) Option {
	return func(a *Analyzer) error {
		if k < 0 {
			return fmt.Errorf("kabar: keyword count %d is negative", k)
		}
		a.nKeywords = k
		return nil
	}
}

// New returns an Analyzer with the embedded models and the given options.
func New(opts ...Option) (*Analyzer, error) {
	a := &Analyzer{stages: AllStages, sumLen: summarize.Sentences(3), nKeywords: 10, tok: tokenize.Default(), stemmer: stem.Default()}
	for _, o := range opts {
		if err := o(a); err != nil {
			return nil, err
		}
	}
	var err error
	if a.stages&StageEntities != 0 && a.rec == nil {
		if a.rec, err = entities.New(); err != nil {
			return nil, fmt.Errorf("kabar: entity recognizer: %w", err)
		}
	}
	if a.stages&(StageSummary|StageKeywords) != 0 && a.sum == nil {
		if a.sum, err = summarize.New(a.sumOpts...); err != nil {
			return nil, fmt.Errorf("kabar: summarizer: %w", err)
		}
	}
	return a, nil
}

// Analyze analyses text. It returns an error, and no document, when text is
// not valid UTF-8 or ctx is done before the analysis ends.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Document, error) {
	if !utf8.ValidString(text) {
		return nil, &InvalidUTF8Error{Offset: invalidOffset(text)}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sents := a.tok.Sentences(text)
	d := &Document{}
	for i, s := range sents {
		d.Sentences = append(d.Sentences, Sentence{Text: s.Text, Start: s.Start, End: s.End, FirstToken: len(d.Tokens), Tokens: len(s.Tokens)})
		for _, t := range s.Tokens {
			tok := Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind, Sentence: i}
			if a.stages&StageStems != 0 {
				tok.Stem = a.stemmer.Stem(t.Text)
				tok.Stop = a.stemmer.IsStopword(t.Text)
			}
			d.Tokens = append(d.Tokens, tok)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.stages&StageEntities != 0 {
		d.Entities = a.rec.Recognize(text, sents)
		d.Groups = entities.GroupMentions(d.Entities)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a.stages&(StageSummary|StageKeywords) != 0 {
		in := summarize.Input{Text: text, Sentences: sents}
		for _, s := range sents {
			st := make([]string, len(s.Tokens))
			sp := make([]bool, len(s.Tokens))
			for j, t := range s.Tokens {
				st[j] = a.stemmer.Stem(t.Text)
				sp[j] = a.stemmer.IsStopword(t.Text)
			}
			in.Stems = append(in.Stems, st)
			in.Stop = append(in.Stop, sp)
		}
		if a.stages&StageSummary != 0 {
			d.Summary = a.sum.Summarize(in, a.sumLen)
		}
		if a.stages&StageKeywords != 0 {
			d.Keywords = a.sum.Keywords(in, a.nKeywords)
		}
	}
	if a.stages&StageStats != 0 {
		d.Stats = &Stats{Bytes: len(text), Sentences: len(d.Sentences), Tokens: len(d.Tokens)}
		for _, t := range d.Tokens {
			if t.Kind == tokenize.Word {
				d.Stats.Words++
			}
		}
	}
	return d, nil
}

// InvalidUTF8Error reports text that is not valid UTF-8.
type InvalidUTF8Error struct {
	Offset int // byte offset of the first invalid byte
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("kabar: invalid UTF-8 at byte offset %d", e.Offset)
}

func invalidOffset(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
