package entities

import (
	"io"

	"github.com/kabar-id/kabar/tokenize"
)

// Label is the type of an entity mention.
type Label uint8

// Labels. PER, ORG and LOC come from the statistical model; the others from rules.
const (
	None Label = iota
	PER
	ORG
	LOC
	DATE
	TIME
	MONEY
	PERCENT
	QUANTITY
)

var labelNames = [...]string{"O", "PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}

// String returns the label's name as used in JSON ("PER", "LOC", …).
func (l Label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return "?"
}

// MarshalText implements encoding.TextMarshaler.
func (l Label) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Mention is one entity mention. Start and End are byte offsets into the
// analysed text: text[Start:End] == Text.
type Mention struct {
	Text  string  `json:"text"`
	Label Label   `json:"label"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
}

// Span is the position of one mention of a Group.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Group gathers the mentions of one entity in a document.
type Group struct {
	Name     string `json:"name"`
	Label    Label  `json:"label"`
	Count    int    `json:"count"`
	Mentions []Span `json:"mentions"`
}

// Recognizer finds entity mentions. A Recognizer is immutable and safe for
// concurrent use by multiple goroutines.
//
// PLACEHOLDER implementation; the exported API is the contract.
type Recognizer struct{}

// Option configures a Recognizer.
type Option func(*Recognizer) error

// WithGazetteer adds names that are always recognised with label.
func WithGazetteer(label Label, names []string) Option { return func(*Recognizer) error { return nil } }

// New returns a Recognizer with the embedded model.
func New(opts ...Option) (*Recognizer, error) { return &Recognizer{}, nil }

// Load returns a Recognizer with the model read from r.
func Load(r io.Reader, opts ...Option) (*Recognizer, error) { return &Recognizer{}, nil }

// Recognize returns the mentions in text, whose sentences (as returned by
// package tokenize for that same text) are sents, in text order.
func (r *Recognizer) Recognize(text string, sents []tokenize.Sentence) []Mention { return nil }

// Find tokenizes text with the default tokenizer and returns its mentions.
func (r *Recognizer) Find(text string) []Mention {
	return r.Recognize(text, tokenize.Sentences(text))
}

// GroupMentions groups the mentions of one document by entity.
func GroupMentions(ms []Mention) []Group { return nil }
