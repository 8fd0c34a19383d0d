package tokenize

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/kabar-id/kabar/internal/readerr"
)

// Token is one token of a text. Start and End are byte offsets into the text
// given to the tokenizer: text[Start:End] == Text, always.
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  Kind   `json:"kind"`
}

// Sentence is one sentence of a text with its tokens. Start and End are byte
// offsets into the text: text[Start:End] == Text. Text runs from the start of
// the first token to the end of the last, so it never starts or ends with
// white space.
type Sentence struct {
	Text   string  `json:"text"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Tokens []Token `json:"tokens"`
}

// AbbrevClass says how an abbreviation behaves at the end of a sentence.
type AbbrevClass uint8

// Abbreviation classes.
const (
	NotAbbrev AbbrevClass = iota // not a known abbreviation
	Title                        // comes before what it names and never ends a sentence: Dr., Jl., No., Rp.
	Final                        // may end a sentence before a capitalised word: dll., dsb.
	Suffix                       // follows a name; ends a sentence only before a sentence-starting word: Tbk., Ltd., S.H.
	Initial                      // an initial or a dotted initialism not in the list: P., D.W., s.d.; behaves like Suffix
)

func (c AbbrevClass) String() string {
	switch c {
	case Title:
		return "title"
	case Final:
		return "final"
	case Suffix:
		return "suffix"
	case Initial:
		return "initial"
	}
	return "none"
}

// Errors returned by New and the options.
var (
	ErrAbbreviation = errors.New("tokenize: bad abbreviation")
	ErrWordList     = errors.New("tokenize: bad word list")
)

// Tokenizer splits text into sentences and tokens. It is built once by
// [New] (or shared through [Default]), is immutable, and is safe for
// concurrent use by multiple goroutines.
type Tokenizer struct {
	abbrev    map[string]AbbrevClass // lower-case, with periods
	maxAbbrev int                    // longest key in bytes
	// lowerListed holds the keys of abbrev listed with a lower-case
	// letter (Kel.): a title of three or more letters written all in
	// capitals (KEL.) is an acronym, not that title.
	lowerListed map[string]bool
	lex         *lexicon
}

// Option configures a Tokenizer built by New.
type Option func(*config) error

type config struct {
	noDefault bool
	add       map[string]abbrevInfo
}

// abbrevInfo is what the lists say of an abbreviation.
type abbrevInfo struct {
	class    AbbrevClass
	hasLower bool // listed with a lower-case letter
}

// WithAbbreviations adds abbreviations of class [Title] to the built-in
// list: they keep their periods and never end a sentence ("Kol.",
// "Gub."). Each must end with a period and contain only letters and
// periods ("a.n."). Matching ignores case, except that a title of three or
// more letters listed with a lower-case letter (Kel.) does not match a word
// written all in capitals (KEL., an acronym).
func WithAbbreviations(abbrevs ...string) Option {
	return withClass(Title, abbrevs)
}

// WithAbbreviationClass adds abbreviations of class c ([Title], [Final] or
// [Suffix]) to the built-in list, with the same rules as WithAbbreviations.
func WithAbbreviationClass(c AbbrevClass, abbrevs ...string) Option {
	return withClass(c, abbrevs)
}

func withClass(c AbbrevClass, abbrevs []string) Option {
	return func(cfg *config) error {
		if c != Title && c != Final && c != Suffix {
			return fmt.Errorf("%w: class %v cannot be added", ErrAbbreviation, c)
		}
		for _, a := range abbrevs {
			if err := cfg.addAbbrev(a, c); err != nil {
				return err
			}
		}
		return nil
	}
}

// ReadAbbreviations adds the abbreviations listed in r, in the format of the
// embedded list abbreviations.txt: one abbreviation per line followed by
// white space and its class, "title", "final" or "suffix"; blank lines and
// lines starting with # are ignored. Errors name the line.
func ReadAbbreviations(r io.Reader) Option {
	return func(cfg *config) error {
		m, err := parseAbbreviations(r)
		if err != nil {
			return err
		}
		for k, ai := range m {
			cfg.add[k] = ai
		}
		return nil
	}
}

// WithoutDefaultAbbreviations drops the built-in abbreviation list; only
// the abbreviations given by other options are known.
func WithoutDefaultAbbreviations() Option {
	return func(cfg *config) error { cfg.noDefault = true; return nil }
}

func (cfg *config) addAbbrev(a string, c AbbrevClass) error {
	k, err := abbrevKey(a)
	if err != nil {
		return err
	}
	cfg.add[k] = abbrevInfo{c, strings.ToUpper(a) != a}
	return nil
}

// abbrevKey checks an abbreviation and returns its lower-case key.
func abbrevKey(a string) (string, error) {
	if len(a) < 2 || a[len(a)-1] != '.' || a[0] == '.' {
		return "", fmt.Errorf("%w %q: want letters ending with a period", ErrAbbreviation, a)
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if c == '.' {
			if a[i-1] == '.' {
				return "", fmt.Errorf("%w %q: two periods in a row", ErrAbbreviation, a)
			}
			continue
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return "", fmt.Errorf("%w %q: only ASCII letters and periods are allowed", ErrAbbreviation, a)
		}
	}
	if len(a) > maxAbbrevLen {
		return "", fmt.Errorf("%w %q: longer than %d bytes", ErrAbbreviation, a, maxAbbrevLen)
	}
	return strings.ToLower(a), nil
}

// maxAbbrevLen bounds the lookahead for abbreviations.
const maxAbbrevLen = 24

//go:embed abbreviations.txt
var abbreviationsTxt string

//go:embed clitics.txt
var cliticsTxt string

var defaultAbbrevs = sync.OnceValues(func() (map[string]abbrevInfo, error) {
	return parseAbbreviations(strings.NewReader(abbreviationsTxt))
})

//go:embed reduplications.txt
var reduplicationsTxt string

//go:embed starters.txt
var startersTxt string

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	return parseLexicon(cliticsTxt, reduplicationsTxt, startersTxt)
})

func parseAbbreviations(r io.Reader) (_ map[string]abbrevInfo, err error) {
	rr := &readerr.Reader{R: r}
	defer rr.Fix(&err, "tokenize: reading abbreviations: %w")
	m := map[string]abbrevInfo{}
	sc := bufio.NewScanner(rr)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("%w: line %d: want ABBREVIATION CLASS, got %q", ErrAbbreviation, n, line)
		}
		var c AbbrevClass
		switch f[1] {
		case "title":
			c = Title
		case "final":
			c = Final
		case "suffix":
			c = Suffix
		default:
			return nil, fmt.Errorf("%w: line %d: unknown class %q (want title, final or suffix)", ErrAbbreviation, n, f[1])
		}
		k, err := abbrevKey(f[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		m[k] = abbrevInfo{c, strings.ToUpper(f[0]) != f[0]}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tokenize: reading abbreviations: %w", err)
	}
	return m, nil
}

// New returns a Tokenizer with the built-in abbreviation list and the given
// options.
func New(opts ...Option) (*Tokenizer, error) {
	cfg := &config{add: map[string]abbrevInfo{}}
	for _, o := range opts {
		if err := o(cfg); err != nil {
			return nil, err
		}
	}
	t := &Tokenizer{abbrev: map[string]AbbrevClass{}, lowerListed: map[string]bool{}}
	set := func(k string, ai abbrevInfo) {
		t.abbrev[k] = ai.class
		if ai.hasLower {
			t.lowerListed[k] = true
		} else {
			delete(t.lowerListed, k)
		}
	}
	if !cfg.noDefault {
		def, err := defaultAbbrevs()
		if err != nil {
			return nil, err
		}
		for k, ai := range def {
			set(k, ai)
		}
	}
	for k, ai := range cfg.add {
		set(k, ai)
	}
	for k := range t.abbrev {
		t.maxAbbrev = max(t.maxAbbrev, len(k))
	}
	lex, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	t.lex = lex
	return t, nil
}

var defaultTokenizer = sync.OnceValue(func() *Tokenizer {
	t, err := New()
	if err != nil {
		panic("tokenize: embedded data: " + err.Error()) // a broken build, caught by every test
	}
	return t
})

// Default returns the shared Tokenizer with the built-in settings.
func Default() *Tokenizer { return defaultTokenizer() }

// Tokens returns the tokens of text using the Default tokenizer.
func Tokens(text string) []Token { return Default().Tokens(text) }

// Sentences returns the sentences of text using the Default tokenizer.
func Sentences(text string) []Sentence { return Default().Sentences(text) }

// Abbreviation reports the class of the abbreviation s (with its periods,
// any case), or [NotAbbrev] when s is not in the tokenizer's list.
func (t *Tokenizer) Abbreviation(s string) AbbrevClass {
	if len(s) > t.maxAbbrev {
		return NotAbbrev
	}
	var buf [maxAbbrevLen]byte
	for i := 0; i < len(s); i++ {
		buf[i] = lowerASCII(s[i])
	}
	return t.abbrev[string(buf[:len(s)])]
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
