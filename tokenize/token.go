package tokenize

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds. The zero value is Invalid.
const (
	Invalid      Kind = iota // bytes that are not valid UTF-8
	Word                     // letters, with inner hyphens and apostrophes (faksi-faksi, Jum'at)
	Number                   // digits with separators: 1.500,75, 29/11, 10.30
	Punct                    // punctuation: . , ; : ! ? " ' ( ) … – —
	Symbol                   // other symbols: % $ + = and the like
	URL                      // http://…, www.…, kompas.com
	Email                    // nama@contoh.co.id
	Mention                  // @akun
	Hashtag                  // #topik
	Emoji                    // one emoji, with modifiers and joiners
	Abbreviation             // a known abbreviation with its periods: Dr., dll., S.H.
)

var kindNames = [...]string{"invalid", "word", "number", "punct", "symbol", "url", "email", "mention", "hashtag", "emoji", "abbrev"}

// String returns the lower-case name of k used in JSON output ("word", "number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler with the name from String.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for the names from String.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return &KindError{Name: string(b)}
}

// KindError reports an unknown kind name.
type KindError struct{ Name string }

func (e *KindError) Error() string { return "tokenize: unknown token kind " + strconvQuote(e.Name) }

// Token is one token of a text. Start and End are byte offsets into the text
// given to the tokenizer: text[Start:End] == Text, always.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  Kind   `json:"kind"`
}

// Sentence is one sentence of a text with its tokens. Start and End are byte
// offsets into the text: text[Start:End] == Text. Text runs from the first
// token to the last, so it never starts or ends with white space.
type Sentence struct {
	Text   string  `json:"text"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
}

// Tokenizer splits text into sentences and tokens. A Tokenizer is immutable
// and safe for concurrent use by multiple goroutines.
type Tokenizer struct {
	abbrev map[string]bool
}

// Option configures a Tokenizer built by New.
type Option func(*Tokenizer) error

// WithAbbreviations adds abbreviations (with their final period, "Kol." or
// "a.n.") to the built-in list. Matching ignores case.
func WithAbbreviations(abbrevs ...string) Option {
	return func(t *Tokenizer) error {
		for _, a := range abbrevs {
			t.abbrev[strings.ToLower(a)] = true
		}
		return nil
	}
}

// New returns a Tokenizer with the built-in abbreviation list and the given options.
func New(opts ...Option) (*Tokenizer, error) {
	t := &Tokenizer{abbrev: map[string]bool{}}
	for _, o := range opts {
		if err := o(t); err != nil {
			return nil, err
		}
	}
	return t, nil
}

var defaultTokenizer, _ = New()

// Default returns the shared Tokenizer with the built-in settings.
func Default() *Tokenizer { return defaultTokenizer }

// Tokens returns the tokens of text using the Default tokenizer.
func Tokens(text string) []Token { return Default().Tokens(text) }

// Sentences returns the sentences of text using the Default tokenizer.
func Sentences(text string) []Sentence { return Default().Sentences(text) }

// Tokens returns the tokens of text. It yields the same tokens as All.
func (t *Tokenizer) Tokens(text string) []Token {
	var out []Token
	for tok := range t.All(text) {
		out = append(out, tok)
	}
	return out
}

// All returns an iterator over the tokens of text. PLACEHOLDER implementation:
// runs of letters/digits, single other runes.
func (t *Tokenizer) All(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			start := i
			kind := Punct
			switch {
			case r == utf8.RuneError && n == 1:
				kind = Invalid
				i++
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				kind = Word
				for i < len(text) {
					r, n := utf8.DecodeRuneInString(text[i:])
					if !(unicode.IsLetter(r) || unicode.IsDigit(r)) || (r == utf8.RuneError && n == 1) {
						break
					}
					i += n
				}
			default:
				i += n
			}
			if !yield(Token{Text: text[start:i], Start: start, End: i, Kind: kind}) {
				return
			}
		}
	}
}

// Sentences returns the sentences of text with their tokens. PLACEHOLDER:
// ends a sentence after . ? ! and at blank lines.
func (t *Tokenizer) Sentences(text string) []Sentence {
	var out []Sentence
	var cur []Token
	flush := func() {
		if len(cur) == 0 {
			return
		}
		s, e := cur[0].Start, cur[len(cur)-1].End
		out = append(out, Sentence{Text: text[s:e], Start: s, End: e, Tokens: cur})
		cur = nil
	}
	prevEnd := 0
	for tok := range t.All(text) {
		if len(cur) > 0 && strings.Count(text[prevEnd:tok.Start], "\n") >= 1 {
			flush()
		}
		cur = append(cur, tok)
		prevEnd = tok.End
		if tok.Text == "." || tok.Text == "?" || tok.Text == "!" {
			flush()
		}
	}
	flush()
	return out
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	return string(b[p:])
}

func strconvQuote(s string) string { return "\"" + s + "\"" }
