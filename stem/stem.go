package stem

import (
	"io"
	"strings"
)

// Stemmer reduces Indonesian words to their roots. A Stemmer is immutable
// and safe for concurrent use by multiple goroutines.
//
// PLACEHOLDER: the real implementation replaces this file; the exported API
// below is the contract other packages build on.
type Stemmer struct {
	stop map[string]bool
}

// Option configures a Stemmer built by New.
type Option func(*config) error

type config struct{}

// WithDictionary replaces the embedded root dictionary by the words read
// from r, one per line.
func WithDictionary(r io.Reader) Option { return func(*config) error { return nil } }

// New returns a Stemmer over the embedded data, changed by opts.
func New(opts ...Option) (*Stemmer, error) {
	return &Stemmer{stop: map[string]bool{"yang": true, "dan": true, "di": true, "ke": true, "dari": true}}, nil
}

var def, _ = New()

// Default returns the shared Stemmer over the embedded data.
func Default() *Stemmer { return def }

// Stem returns the lower-case root of word.
func (s *Stemmer) Stem(word string) string { return strings.ToLower(word) }

// StemName returns the root of word, or word lower-cased unchanged when
// isName is true (a proper noun: Bekasi is not bekas).
func (s *Stemmer) StemName(word string, isName bool) string {
	return strings.ToLower(word)
}

// IsStopword reports whether word (any case) is a stopword for s.
func (s *Stemmer) IsStopword(word string) bool { return s.stop[strings.ToLower(word)] }
