package entities

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// featureVersion names the feature templates below. A model records the
// version it was trained with; Load rejects any other, since the weights
// would not mean the same thing.
const featureVersion = 2

// Feature templates. Their numbers are hashed into the feature keys, so they
// must never be renumbered within one featureVersion.
const (
	fBias = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fShape0
	fShapem1
	fShapep1
	fCapPat
	fPre2
	fPre3
	fSuf2
	fSuf3
	fSuf4
	fFirst
	fClass0
	fClassFine0
	fClassm1
	fClassp1
	fPrior0
	fGaz
	fWm1Shape0
	fLen
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hbytes(h uint64, s []byte) uint64 {
	for _, c := range s {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hbyte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

func htmpl(t byte) uint64 { return hbyte(fnvOffset, t) }

// finish mixes the bits of an FNV hash (the murmur3 finaliser) so that keys
// spread well in the open-addressing table.
func finish(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	return h
}

// Capitalisation classes of a token.
const (
	capLower  byte = 'l' // starts with a lower-case letter
	capTitle  byte = 't' // an upper-case letter then no upper-case letters
	capUpper  byte = 'u' // two or more letters, all upper case
	capMixed  byte = 'm' // upper case after the first letter, some lower case
	capDigit  byte = 'd' // contains a digit
	capOther  byte = 'o' // no letters or digits
	capSingle byte = 's' // a single upper-case letter
)

// Sentence case modes: whether a sentence shows case at all.
const (
	modeMixed byte = 'M'
	modeUpper byte = 'U' // headline in capitals
	modeLower byte = 'L' // text without capitals
)

// tokInfo is what the features need to know about one token.
type tokInfo struct {
	low string // lower-cased text
	// scratch.shapes[shapeStart:shapeEnd] is the compressed shape (Xx, X, x, d.d, Xx-Xx)
	shapeStart, shapeEnd int
	cap                  byte
	class                wordClass
	known                bool // has a word class
	gaz                  [numLabels]byte
	entry                int32  // index into scratch.ents, or -1
	hw                   uint64 // FNV-1a hash of low
}

func capClass(s string) byte {
	var up, lo, dig, letters int
	firstUp := false
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
			letters++
			if i == 0 {
				firstUp = true
			}
		case unicode.IsLower(r):
			lo++
			letters++
		case unicode.IsLetter(r):
			letters++
			lo++
		case unicode.IsDigit(r):
			dig++
		}
	}
	switch {
	case dig > 0:
		return capDigit
	case letters == 0:
		return capOther
	case up == 0:
		return capLower
	case up == 1 && letters == 1:
		return capSingle
	case lo == 0:
		return capUpper
	case firstUp && up == 1:
		return capTitle
	default:
		return capMixed
	}
}

// shapeOf returns the compressed shape of s: upper-case letters become X,
// lower-case x, digits d, other runes stay, and runs collapse.
func shapeOf(s string, buf []byte) []byte { return shapeOfCased(s, 0, buf) }

// lower returns s in lower case without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// sentenceMode tells whether the words show case at all: text in capitals
// (headlines) or without capitals gets its own case features.
func sentenceMode(words []string) byte {
	var up, lo, n int
	for _, w := range words {
		hasLetter := false
		for _, r := range w {
			if unicode.IsUpper(r) {
				up++
				hasLetter = true
			} else if unicode.IsLower(r) {
				lo++
				hasLetter = true
			}
		}
		if hasLetter {
			n++
		}
	}
	switch {
	case n < 2:
		return modeMixed
	case lo == 0:
		return modeUpper
	case up == 0:
		return modeLower
	}
	return modeMixed
}

// prefix returns the first n runes of s, or "" when s is shorter.
func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return ""
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

// suffix returns the last n runes of s, or "" when s is shorter.
func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return ""
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// grow returns buf when it can hold n elements, else a new zeroed buffer of
// n: the scratch buffers are sized with it before each use.
func grow[E any](buf []E, n int) []E {
	if cap(buf) < n {
		return make([]E, n)
	}
	return buf
}

// paths sizes the scratch for the back pointers and the tags of a decode of
// n tokens over T tags (s.tags gets length n) and returns the back pointers.
func (s *scratch) paths(n, T int) []uint8 {
	s.back = grow(s.back, n*T)
	s.tags = grow(s.tags, n)[:n]
	return s.back[:n*T]
}

// scratch holds per-call buffers; it is never shared between goroutines.
type scratch struct {
	out    []Mention // the mentions of a Recognize call, before they are copied out
	info   []tokInfo
	feats  []uint64 // all features of the sentence, flat
	offs   []int    // feats[offs[i]:offs[i+1]] are token i's
	shapes []byte
	mode   byte
	words  []string
	items  []item
	// the fast path's words (fast.go), kept from one Recognize call to the
	// next when made with the same tables, wordsOf
	wordsOf   *fastTables
	call      uint32 // counts the Recognize calls
	slots     []int32
	wkeys     []wordKey
	ents      []wordEnt
	tokEnt    []int32
	shapeBuf  []byte
	lowBuf    []byte
	ownWV     [][numWV]vec // the word vectors of words not in the lexicon
	pending   []int32      // new entries, for newWords
	pendVocab []*vocabEnt
	touch     int32 // newWords's loads, kept so that they are made
	resets    int   // word table resets since the start of the Recognize call
	docSents  []docSent
	docEnts   []int32
	doc       docState
	margin    []float32
	spans     []TokenSpan
	cands     []cand
	kept      []cand
	alpha     []float32
	iem       []int32 // the fast path's emission scores
	act       []bool  // the tokens near a capital, which the decoders may tag (nearCapital)
	inactive  int     // how many tokens are not
	allActive bool    // set: emitFast computes the scores of those too
	segTags   []uint8 // decodeSegments's tags and margins of the whole sentence
	segMargin []float32
	runs      [][2]int32 // and its runs of active tokens
	ialpha    []int32
	tr        [(2*maxTypes + 2) * (2*maxTypes + 1)]float32
	taken     []bool
	low       []string
	scores    []float32
	back      []uint8
	tags      []uint8
}

// extract computes the feature keys of every token of words into s.feats
// and s.offs.
func (lx *lexicon) extract(words []string, s *scratch) {
	lx.prepare(words, s)
	n := len(words)
	s.feats = s.feats[:0]
	s.offs = grow(s.offs, n+1)[:n+1]
	for i := range n {
		s.offs[i] = len(s.feats)
		s.feats = lx.selfFeats(s, i, s.mode, s.feats)
		s.feats = lx.ctxFeats(s, i, s.mode, s.feats)
	}
	s.offs[n] = len(s.feats)
}

// prepare fills s.info and s.mode for the words.
func (lx *lexicon) prepare(words []string, s *scratch) {
	n := len(words)
	s.info = grow(s.info, n)[:n]
	s.shapes = s.shapes[:0]
	for i, w := range words {
		ti := &s.info[i]
		ti.gaz = [numLabels]byte{}
		ti.entry = -1
		ti.low = lower(w)
		ti.hw = hstr(fnvOffset, ti.low)
		ti.shapeStart = len(s.shapes)
		s.shapes = shapeOf(w, s.shapes)
		ti.shapeEnd = len(s.shapes)
		ti.cap = capClass(w)
		ti.class, ti.known = lx.classes[ti.low]
	}
	lx.markGazetteer(s.info, s)
	s.mode = sentenceMode(words)
}

// salt is a template's constant, mixed into the feature keys built from
// precomputed hashes.
func salt(t byte) uint64 { return uint64(t) * 0x9e3779b97f4a7c15 }

var (
	hashBOS = hstr(fnvOffset, "<s>")
	hashEOS = hstr(fnvOffset, "</s>")
)

// wordHash returns the hash of token i's lower-cased text, or of a
// sentence boundary.
func (s *scratch) wordHash(i int) uint64 {
	switch {
	case i < 0:
		return hashBOS
	case i >= len(s.info):
		return hashEOS
	}
	return s.info[i].hw
}

func (s *scratch) shape(h uint64, i int) uint64 {
	switch {
	case i < 0:
		return hstr(h, "<s>")
	case i >= len(s.info):
		return hstr(h, "</s>")
	}
	return hbytes(h, s.shapes[s.info[i].shapeStart:s.info[i].shapeEnd])
}

func (s *scratch) capc(i int) byte {
	if i < 0 || i >= len(s.info) {
		return '_'
	}
	return s.info[i].cap
}

// selfFeats appends the features of token i that depend only on the token
// itself and the sentence's case mode, so that their weights can be cached
// per word.
func (lx *lexicon) selfFeats(s *scratch, i int, mode byte, out []uint64) []uint64 {
	add := func(h uint64) { out = append(out, finish(h)) }
	ti := &s.info[i]
	w0 := ti.low
	add(hbyte(htmpl(fBias), mode))
	add(ti.hw ^ salt(fW0))
	if mode == modeMixed {
		add(s.shape(htmpl(fShape0), i))
	} else {
		add(hbyte(hbyte(htmpl(fShape0), mode), ti.cap))
	}
	if p := prefix(w0, 2); p != "" {
		add(hstr(htmpl(fPre2), p))
	}
	if p := prefix(w0, 3); p != "" {
		add(hstr(htmpl(fPre3), p))
	}
	if p := suffix(w0, 2); p != "" {
		add(hstr(htmpl(fSuf2), p))
	}
	if p := suffix(w0, 3); p != "" {
		add(hstr(htmpl(fSuf3), p))
	}
	if p := suffix(w0, 4); p != "" {
		add(hstr(htmpl(fSuf4), p))
	}
	l := utf8.RuneCountInString(w0)
	if l > 6 {
		l = 6
	}
	add(hbyte(hbyte(htmpl(fLen), byte(l)), ti.cap))
	if ti.known {
		c := ti.class
		add(hbyte(hbyte(htmpl(fClass0), byte(c.cluster>>8)), mode))
		add(hbyte(hbyte(htmpl(fClassFine0), byte(c.cluster)), byte(c.cluster>>8)))
		add(hbyte(hbyte(hbyte(htmpl(fPrior0), c.prior), mode), ti.cap))
	} else {
		add(hbyte(hbyte(hbyte(htmpl(fPrior0), 255), mode), ti.cap))
	}
	return out
}

// ctxFeats appends the features of token i that look at its neighbours,
// its position or the gazetteer.
func (lx *lexicon) ctxFeats(s *scratch, i int, mode byte, out []uint64) []uint64 {
	add := func(h uint64) { out = append(out, finish(h)) }
	ti := &s.info[i]
	n := len(s.info)
	// Word features combine the words' hashes, computed once per token.
	hm1, hp1 := s.wordHash(i-1), s.wordHash(i+1)
	add(hm1 ^ salt(fWm1))
	add(hp1 ^ salt(fWp1))
	add(s.wordHash(i-2) ^ salt(fWm2))
	add(s.wordHash(i+2) ^ salt(fWp2))
	add(bits.RotateLeft64(hm1, 29) ^ ti.hw ^ salt(fWm1W0))
	add(bits.RotateLeft64(ti.hw, 29) ^ hp1 ^ salt(fW0Wp1))
	if mode == modeMixed {
		add(s.shape(htmpl(fShapem1), i-1))
		add(s.shape(htmpl(fShapep1), i+1))
		add(s.shape(bits.RotateLeft64(hm1, 29)^salt(fWm1Shape0), i))
	}
	add(hbyte(hbyte(hbyte(hbyte(htmpl(fCapPat), mode), s.capc(i-1)), s.capc(i)), s.capc(i+1)))
	if i == 0 {
		add(hbyte(hbyte(htmpl(fFirst), mode), ti.cap))
	}
	if i > 0 && s.info[i-1].known {
		c := s.info[i-1].class.cluster
		add(hbyte(hbyte(htmpl(fClassm1), byte(c)), byte(c>>8)))
	}
	if i+1 < n && s.info[i+1].known {
		c := s.info[i+1].class.cluster
		add(hbyte(hbyte(htmpl(fClassp1), byte(c)), byte(c>>8)))
	}
	for l, g := range ti.gaz {
		if g != 0 {
			add(hbyte(hbyte(htmpl(fGaz), byte(l)), g))
		}
	}
	return out
}
