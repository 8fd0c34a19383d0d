package stem

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Mode selects the stemming algorithm of a Stemmer.
type Mode uint8

const (
	// Improved is Sastrawi's algorithm with kabar's corrections: it prefers
	// the shorter affix analysis when several roots fit (berikan → beri,
	// menangis → tangis), splits known compounds, removes infixes only for
	// listed words, strips loanword suffixes and informal -in. It is the
	// default.
	Improved Mode = iota
	// Sastrawi is the Enhanced Confix Stripping algorithm exactly as the
	// Sastrawi library implements it, for compatibility.
	Sastrawi
)

// String returns the mode's name.
func (m Mode) String() string {
	switch m {
	case Improved:
		return "improved"
	case Sastrawi:
		return "sastrawi"
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// Stemmer reduces Indonesian words to their roots. A Stemmer is immutable
// and safe for concurrent use by multiple goroutines.
type Stemmer struct {
	roots     *wordSet
	protected *wordSet
	overrides map[string]string
	stop      *wordSet
	mode      Mode
	imp       *improvements
}

// Option configures a Stemmer built by New.
type Option func(*config) error

type config struct {
	mode      Mode
	dict      io.Reader
	extra     []string
	protected []string
	overrides map[string]string
	stopwords io.Reader
	extraStop []string
	noStop    bool
	noMemo    bool
}

// WithDictionary replaces the embedded root dictionary by the words read
// from r: one word per line, # starts a comment, letters a–z with inner
// hyphens only (capitals A–Z are read as their lower case). New reports a malformed line as an error wrapping
// ErrMalformedLine that names the line, and an empty list as
// ErrEmptyDictionary.
func WithDictionary(r io.Reader) Option {
	return func(c *config) error { c.dict = r; return nil }
}

// WithRoots adds words to the root dictionary (embedded or replaced).
func WithRoots(words ...string) Option {
	return func(c *config) error { c.extra = append(c.extra, words...); return nil }
}

// WithProtected names words that are never stemmed (returned lower-cased),
// such as names or brands that look like affixed words.
func WithProtected(words ...string) Option {
	return func(c *config) error { c.protected = append(c.protected, words...); return nil }
}

// WithOverrides sets explicit stems: word → stem, both lower-cased. An
// override wins over every rule.
func WithOverrides(m map[string]string) Option {
	return func(c *config) error {
		if c.overrides == nil {
			c.overrides = make(map[string]string, len(m))
		}
		for k, v := range m {
			c.overrides[strings.ToLower(k)] = strings.ToLower(v)
		}
		return nil
	}
}

// WithoutMemo turns off the table of frequent word forms whose stems
// are precomputed (memo.txt). Results do not change, only speed; the
// generator of the table uses it.
func WithoutMemo() Option {
	return func(c *config) error { c.noMemo = true; return nil }
}

// WithMode selects the algorithm (default Improved).
func WithMode(m Mode) Option {
	return func(c *config) error {
		if m != Improved && m != Sastrawi {
			return fmt.Errorf("stem: unknown mode %d", m)
		}
		c.mode = m
		return nil
	}
}

// WithStopwords replaces the embedded stopword list by the words read from
// r, in the dictionary's line format.
func WithStopwords(r io.Reader) Option {
	return func(c *config) error { c.stopwords = r; c.noStop = false; return nil }
}

// WithExtraStopwords adds words to the stopword list.
func WithExtraStopwords(words ...string) Option {
	return func(c *config) error { c.extraStop = append(c.extraStop, words...); return nil }
}

// WithoutStopwords empties the stopword list (before WithExtraStopwords).
func WithoutStopwords() Option {
	return func(c *config) error { c.noStop = true; c.stopwords = nil; return nil }
}

// New returns a Stemmer over the embedded data, changed by opts.
func New(opts ...Option) (*Stemmer, error) {
	var c config
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	var d rootData
	if c.dict != nil {
		w, cl, err := parseRootList(c.dict, "dictionary")
		if err != nil {
			return nil, err
		}
		if len(w) == 0 {
			return nil, ErrEmptyDictionary
		}
		d = rootData{w, cl}
	} else {
		d = embeddedRootData()
	}
	return newStemmer(&c, d)
}

// newStemmer builds a Stemmer over the root data d and the rest of c.
func newStemmer(c *config, d rootData) (*Stemmer, error) {
	s := &Stemmer{mode: c.mode}
	roots, cls := d.words, d.cls
	extra, err := checkWords(c.extra, "WithRoots")
	if err != nil {
		return nil, err
	}
	if len(extra) > 0 {
		roots = append(roots[:len(roots):len(roots)], extra...)
		cls = append(cls[:len(cls):len(cls)], make([]uint16, len(extra))...)
	}
	s.roots = newWordSetClasses(roots, cls)
	prot, err := checkWords(c.protected, "WithProtected")
	if err != nil {
		return nil, err
	}
	if len(prot) > 0 {
		s.protected = newWordSet(prot)
	}
	s.overrides = c.overrides
	var stop []string
	switch {
	case c.noStop:
	case c.stopwords != nil:
		if stop, err = parseWordList(c.stopwords, "stopwords"); err != nil {
			return nil, err
		}
	default:
		stop = embeddedStopwords()
	}
	es, err := checkWords(c.extraStop, "WithExtraStopwords")
	if err != nil {
		return nil, err
	}
	stop = append(stop[:len(stop):len(stop)], es...)
	s.stop = newWordSet(stop)
	if s.mode == Improved {
		s.imp = newImprovements(s.roots)
		var memo [][2]string
		if c.dict == nil && len(c.extra) == 0 && !c.noMemo {
			memo = embeddedMemo()
		}
		curated := map[string]bool{}
		for _, w := range extra {
			curated[w] = true
		}
		if c.dict == nil {
			for _, w := range embeddedExtraRoots() {
				curated[w] = true
			}
		}
		s.imp.build(s, memo, curated)
	}
	return s, nil
}

func checkWords(ws []string, name string) ([]string, error) {
	out := make([]string, 0, len(ws))
	for i, w := range ws {
		v, err := checkWord(strings.TrimSpace(w))
		if err != nil {
			return nil, fmt.Errorf("%w: %s word %d: %v", ErrMalformedLine, name, i+1, err)
		}
		out = append(out, v)
	}
	return out, nil
}

var defaultStemmer = sync.OnceValue(func() *Stemmer {
	s, err := New()
	if err != nil {
		panic("stem: embedded data: " + err.Error()) // the embedded data is checked by tests
	}
	return s
})

// Default returns the shared Stemmer over the embedded data, built on
// first use.
func Default() *Stemmer { return defaultStemmer() }

// Mode returns the algorithm s uses.
func (s *Stemmer) Mode() Mode { return s.mode }

// IsRoot reports whether word (any case) is in s's root dictionary.
func (s *Stemmer) IsRoot(word string) bool {
	var buf [maxWordLen]byte
	w, ok := lowerASCII(buf[:0], word)
	return ok && s.roots.has(w)
}

// IsStopword reports whether word (any case) is a stopword for s.
func (s *Stemmer) IsStopword(word string) bool {
	var buf [maxWordLen]byte
	w, ok := lowerASCII(buf[:0], word)
	return ok && s.stop.has(w)
}

// Stopwords returns s's stopwords, sorted.
func (s *Stemmer) Stopwords() []string {
	w := append([]string(nil), s.stop.words...)
	sort.Strings(w)
	return w
}

// lowerASCII appends word lower-cased to dst when word is ASCII and fits.
func lowerASCII(dst []byte, word string) ([]byte, bool) {
	if len(word) > cap(dst)-len(dst) {
		return dst, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return dst, false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// Stem returns the lower-case root of word. Words that are not made of
// letters (numbers, codes, words with digits or other scripts) come back
// lower-cased and otherwise unchanged. Hyphen variants (U+2010–U+2013)
// count as hyphens. Stem never fails; when it finds no root it returns the
// lower-cased word. When the root is a substring of word, or a dictionary
// word, Stem does not allocate.
func (s *Stemmer) Stem(word string) string { return s.stem(word, false) }

// StemName returns the root of word, or word lower-cased unchanged when
// isName is true: the caller knows the token is a proper noun (Bekasi is
// not bekas, Bali is not bal). A pipeline can take isName from its entity
// recogniser, or from capitalisation of a word that does not start a
// sentence.
func (s *Stemmer) StemName(word string, isName bool) string { return s.stem(word, isName) }

const maxNormLen = 128

func (s *Stemmer) stem(word string, isName bool) string {
	if !isName && s.imp != nil && s.imp.known != nil && s.overrides == nil && s.protected == nil && plainLower(word) {
		// Fastest path: a lower-case word already in the table.
		if r, ok := s.imp.knownString(word); ok {
			return r
		}
	}
	var nb [maxNormLen]byte
	w, same, letters, hyphen := normalize(nb[:0], word)
	if w == nil { // too long for the buffer
		return lowerAll(word)
	}
	out := func(lo, hi int) string {
		if same {
			return word[lo:hi]
		}
		return string(w[lo:hi])
	}
	if !letters || isName {
		return out(0, len(w))
	}
	if s.overrides != nil {
		if v, ok := s.overrides[string(w)]; ok {
			return v
		}
	}
	if s.protected != nil {
		if p, ok := s.protected.get(w); ok {
			return p
		}
	}
	if !hyphen {
		if s.imp != nil && s.imp.known != nil {
			// Fast path: a root, lexical word, variant or memo form.
			if r, ok := s.imp.knownBytes(w); ok {
				return r
			}
		}
		if len(w) > maxWordLen {
			return out(0, len(w))
		}
		p := s.stemSingular(w, 0, len(w))
		if p.dict != "" {
			return p.dict
		}
		return out(p.lo, p.hi)
	}
	p := s.stemWord(w)
	if p.dict != "" {
		return p.dict
	}
	return out(p.lo, p.hi)
}

// plainLower reports whether w is 1–maxWordLen bytes of a–z.
func plainLower(w string) bool {
	if len(w) == 0 || len(w) > maxWordLen {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// piece is a stem: a dictionary word, or w[lo:hi] of the normalized word.
type piece struct {
	dict   string
	lo, hi int
}

func (p piece) bytes(w []byte) []byte {
	if p.dict != "" {
		return []byte(p.dict)
	}
	return w[p.lo:p.hi]
}

func (p piece) equal(w []byte, q piece) bool {
	if p.dict != "" && q.dict != "" {
		return p.dict == q.dict
	}
	return bytes.Equal(p.bytes(w), q.bytes(w))
}

// stemWord is Sastrawi's Stemmer::stemWord: plural (reduplicated) words
// are stemmed part by part.
func (s *Stemmer) stemWord(w []byte) piece {
	if s.mode == Improved && bytes.IndexByte(w, '-') >= 0 {
		if r, ok := s.imp.lexical.get(w); ok {
			return piece{dict: r}
		}
		if i := bytes.IndexByte(w, '-'); bytes.Equal(w[:i], w[i+1:]) ||
			i == bytes.LastIndexByte(w, '-') && len(w)-i-1 >= 3 && bytes.HasSuffix(w[:i], w[i+1:]) {
			// Full reduplication (kanak-kanak) or a prefixed first part
			// (pertama-tama): the first part's stem.
			return s.stemSingular(w, 0, i)
		}
	}
	if isPlural(w) {
		p := s.stemPlural(w)
		if s.mode == Improved && p.dict == "" && p.lo == 0 && p.hi == len(w) {
			if r, ok := s.roots.get(w); ok {
				return piece{dict: r}
			}
		}
		return p
	}
	return s.stemSingular(w, 0, len(w))
}

var clitics = []string{"ku", "mu", "nya", "lah", "kah", "tah", "pun"}

// isPlural: a word with a hyphen that is not only the hyphen of a clitic
// (kuasa-Mu is not plural; malaikat-malaikat-Nya is).
func isPlural(w []byte) bool {
	i := bytes.LastIndexByte(w, '-')
	if i < 0 {
		return false
	}
	for _, c := range clitics {
		if string(w[i+1:]) == c {
			return bytes.IndexByte(w[:i], '-') >= 0
		}
	}
	return true
}

// stemPlural is Sastrawi's Stemmer::stemPluralWord.
func (s *Stemmer) stemPlural(w []byte) piece {
	i := bytes.LastIndexByte(w, '-')
	lo1, hi1, lo2, hi2 := 0, i, i+1, len(w)
	suffix := w[i+1:]
	for _, c := range clitics {
		if string(suffix) == c {
			if j := bytes.LastIndexByte(w[:i], '-'); j >= 0 {
				// malaikat-malaikat-nya → malaikat, malaikat-nya
				hi1, lo2 = j, j+1
			}
			break
		}
	}
	r1 := s.stemSingular(w, lo1, hi1)
	r2 := s.stemSingular(w, lo2, hi2)
	if r2.dict == "" && !s.roots.has(w[lo2:hi2]) && hi2-lo2+2 <= maxWordLen {
		// meniru-nirukan: the second part stems as me + part.
		var b [maxWordLen]byte
		n := copy(b[:], "me")
		n += copy(b[n:], w[lo2:hi2])
		p := s.stemSingular(b[:n], 0, n)
		if p.dict == "" {
			if bytes.Equal(r1.bytes(w), b[:n]) {
				return r1
			}
			return piece{lo: 0, hi: len(w)}
		}
		r2 = p
	}
	if r1.equal(w, r2) {
		return r1
	}
	if s.mode == Improved && r1.dict != "" {
		// besar-besaran: the second part is itself in the dictionary;
		// analyse it anyway.
		if r, ok := s.imp.stem(s, w[lo2:hi2]); ok && r == r1.dict {
			return r1
		}
	}
	return piece{lo: 0, hi: len(w)}
}

// stemSingular stems w[lo:hi], a word without reduplication.
func (s *Stemmer) stemSingular(w []byte, lo, hi int) piece {
	part := w[lo:hi]
	if s.mode == Improved && s.imp.known != nil {
		if r, ok := s.imp.knownBytes(part); ok {
			return piece{dict: r}
		}
		if len(part) > maxWordLen {
			return piece{lo: lo, hi: hi}
		}
		if r, ok := s.imp.stem(s, part); ok {
			return piece{dict: r}
		}
		return piece{lo: lo, hi: hi}
	}
	if s.mode == Improved {
		if r, ok := s.imp.lexical.get(part); ok {
			return piece{dict: r}
		}
		if v, ok := s.imp.variants[string(part)]; ok {
			return piece{dict: v}
		}
	}
	if r, ok := s.roots.get(part); ok {
		if s.mode == Improved {
			if d, ok := s.imp.derived(s, part); ok {
				return piece{dict: d}
			}
		}
		return piece{dict: r}
	}
	if len(part) > maxWordLen {
		return piece{lo: lo, hi: hi}
	}
	if s.mode == Improved {
		if r, ok := s.imp.stem(s, part); ok {
			return piece{dict: r}
		}
		return piece{lo: lo, hi: hi}
	}
	var e ecs
	e.init(s.roots, part)
	e.run()
	if e.has(e.cur) {
		r, _ := s.roots.get(e.bytes(e.cur))
		return piece{dict: r}
	}
	return piece{lo: lo, hi: hi}
}

// normalize appends word to dst lower-cased, with hyphen variants folded
// to '-', soft hyphens removed and invalid UTF-8 replaced by U+FFFD. same
// reports that the result equals word; letters that it holds only a–z and
// inner hyphens. It returns nil when the result does not fit in dst.
func normalize(dst []byte, word string) (w []byte, same, letters, hyphen bool) {
	same, letters = true, len(word) > 0
	folded := false
	var prev byte
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if len(dst) == cap(dst) {
				return nil, false, false, false
			}
			switch {
			case c >= 'a' && c <= 'z':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				same = false
			case c == '-':
				hyphen = true
				if prev == '-' || i == 0 {
					letters = false
				}
			default:
				letters = false
			}
			prev = c
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			same, letters = false, false
			r = utf8.RuneError
		case r >= 0x2010 && r <= 0x2013:
			same, hyphen, folded = false, true, true
			r = '-'
		case r == 0xAD: // soft hyphen
			same = false
			continue
		default:
			letters = false
			if l := unicode.ToLower(r); l != r {
				same = false
				r = l
			}
		}
		if len(dst)+utf8.RuneLen(r) > cap(dst) {
			return nil, false, false, false
		}
		dst = utf8.AppendRune(dst, r)
	}
	if len(dst) == 0 {
		return dst, same, false, hyphen
	}
	if letters && (dst[len(dst)-1] == '-' || folded && (dst[0] == '-' || bytes.Contains(dst, []byte("--")))) {
		letters = false
	}
	return dst, same, letters, hyphen
}

// lowerAll is normalize for a word too long for its buffer: lower-cased,
// hyphen variants folded to '-', soft hyphens removed, invalid UTF-8
// replaced by U+FFFD.
func lowerAll(word string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x2010 && r <= 0x2013:
			return '-'
		case r == 0xAD:
			return -1
		}
		return unicode.ToLower(r)
	}, strings.ToValidUTF8(word, "\uFFFD"))
}

// StemText stems running text the way Sastrawi's stem(sentence) does:
// lower-case, every character other than a–z, 0–9, space and hyphen
// becomes a space, and the stems of the words are joined by single spaces.
func (s *Stemmer) StemText(text string) string {
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Stem(text[start:end]))
		start = -1
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return b.String()
}
