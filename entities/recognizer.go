package entities

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sync"

	"github.com/kabar-id/kabar/internal/pool"
	"github.com/kabar-id/kabar/tokenize"
)

// The embedded default model; see the package documentation for how it was
// trained and how to make it again.
//
//go:embed model/id-news.kner
var defaultModelBytes []byte

var defaultModel = sync.OnceValues(func() (*model, error) {
	return decodeModel(defaultModelBytes)
})

// Mention is one entity mention. Start and End are byte offsets into the
// analysed text: text[Start:End] == Text. Score is the recogniser's
// confidence in the mention, between 0 and 1 (1 for rules and gazetteers).
type Mention struct {
	Text  string  `json:"text"`
	Label Label   `json:"label"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Score float64 `json:"score"`
}

// Recognizer finds entity mentions. A Recognizer is immutable and safe for
// concurrent use by multiple goroutines.
type Recognizer struct {
	m     *model
	user  *gazetteer // forced matches from WithGazetteer
	uents []gazEntry
	rules bool
	// docLevel turns on the document-level pass (consistency, gazetteer places)
	docLevel bool
	scratch  *pool.Pool[scratch] // working memory of Recognize, reused
}

// Option configures a Recognizer built by New or Load.
type Option func(*Recognizer) error

// WithGazetteer adds names that are always recognised with label, wherever
// they occur as whole tokens; they win over the model and the rules. Names
// match ignoring case, except that in text that has both cases a name given
// with a capital must appear with one. Empty names are ignored; label must
// not be None.
func WithGazetteer(label Label, names []string) Option {
	return func(r *Recognizer) error {
		if label == None || label >= numLabels {
			return fmt.Errorf("entities: gazetteer label %v: %w", label, ErrUnknownLabel)
		}
		for _, n := range names {
			r.uents = append(r.uents, gazEntry{n, label})
		}
		return nil
	}
}

// WithoutRules turns off the rules for DATE, TIME, MONEY, PERCENT and
// QUANTITY and the one that makes a host name an ORG, leaving the model
// and the gazetteers.
func WithoutRules() Option {
	return func(r *Recognizer) error { r.rules = false; return nil }
}

// WithoutDocumentPass turns off the document-level pass that recognises
// the other occurrences of names found elsewhere in the text and the
// capitalised place names of the model's gazetteer.
func WithoutDocumentPass() Option {
	return func(r *Recognizer) error { r.docLevel = false; return nil }
}

// New returns a Recognizer with the embedded model.
func New(opts ...Option) (*Recognizer, error) {
	m, err := defaultModel()
	if err != nil {
		return nil, fmt.Errorf("entities: embedded model: %w", err)
	}
	return build(m, opts)
}

// Load returns a Recognizer with the model read from r, as written by
// Model.WriteTo (the kabar entities train command). A file that is not such
// a model, or is corrupt or truncated, gives an error wrapping ErrBadModel.
func Load(r io.Reader, opts ...Option) (*Recognizer, error) {
	m, err := readModel(r)
	if err != nil {
		return nil, err
	}
	return build(m, opts)
}

// LoadBytes is Load for a model held in memory.
func LoadBytes(b []byte, opts ...Option) (*Recognizer, error) {
	return Load(bytes.NewReader(b), opts...)
}

func build(m *model, opts []Option) (*Recognizer, error) {
	r := &Recognizer{m: m, rules: true, docLevel: true, scratch: pool.New[scratch](0, nil)}
	for _, o := range opts {
		if err := o(r); err != nil {
			return nil, err
		}
	}
	if len(r.uents) > 0 {
		r.user = newGazetteer(r.uents)
	}
	r.uents = nil
	return r, nil
}

// Info returns the description stored in the recogniser's model: its
// training data, licences, command and scores.
func (r *Recognizer) Info() string { return r.m.info }

// Types returns the entity labels the model predicts.
func (r *Recognizer) Types() []Label { return append([]Label(nil), r.m.types...) }

// Find tokenizes text with the default tokenizer and returns its mentions.
func (r *Recognizer) Find(text string) []Mention {
	return r.Recognize(text, tokenize.Sentences(text))
}
