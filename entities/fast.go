package entities

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/pool"
)

// The fast path computes the same emission scores as the features of
// features.go looked up one by one (the reference path, which training
// uses), with far fewer lookups:
//
//   - A feature that depends only on a word (its own word, prefix, suffix
//     and class features, and the features that look at it from a
//     neighbour's position) is looked up once per distinct word of a
//     Recognize call, or once at load time for the words of the model's
//     lexicon, and its weights are kept summed per word.
//   - A feature with few possible keys (the case mode, capitalisation
//     class, length, coarse class and prior features) is looked up at
//     load time into small tables.
//   - Per token, only the features of two adjacent words (the bigrams and
//     the previous word with this word's shape) are looked up.
//
// The sums are taken in int32 and converted once. That gives the same
// float32 scores as the reference path's float32 sums only if every
// partial sum is exact, so the fast path is used only when maxAbs ×
// maxTokenFeats ≤ 2^24 (true of the embedded model by a wide margin,
// whose weights are below 3,000 in magnitude); other models take the
// reference path. TestFastEmissions compares the two.

// vec holds summed weights, one per tag; the fast path serves models with
// at most 8 tags (3 entity types).
type vec [8]int32

func (a *vec) add(b *vec) {
	a[0] += b[0]
	a[1] += b[1]
	a[2] += b[2]
	a[3] += b[3]
	a[4] += b[4]
	a[5] += b[5]
	a[6] += b[6]
	a[7] += b[7]
}

// maxTokenFeats bounds the number of features of one token (12 own, at
// most 14 context and 8 gazetteer features), with room to spare.
const maxTokenFeats = 64

// Indexes of the case modes and capitalisation classes in the tables.
const (
	numModes = 3
	numCaps  = 7
	capEdge  = numCaps // the '_' of a sentence boundary in capPat
)

var modeBytes = [numModes]byte{modeMixed, modeUpper, modeLower}

var capBytes = [numCaps + 1]byte{capLower, capTitle, capUpper, capMixed, capDigit, capOther, capSingle, '_'}

func capIndex(c byte) uint8 {
	switch c {
	case capLower:
		return 0
	case capTitle:
		return 1
	case capUpper:
		return 2
	case capMixed:
		return 3
	case capDigit:
		return 4
	case capOther:
		return 5
	}
	return 6 // capSingle
}

// Word vectors that depend only on the lower-cased word (and its class).
const (
	wvLex = iota // W0, prefixes, suffixes, fine class
	wvM1         // as the previous word: Wm1, Classm1
	wvP1         // as the next word: Wp1, Classp1
	wvM2         // two before: Wm2
	wvP2         // two after: Wp2
	numWV
)

// fastTables are the fast path's precomputed sums, built at load time.
// They are immutable.
type fastTables struct {
	tokMax  int64 // bounds the magnitude of a token's summed weights
	bias    [numModes]vec
	shapeNM [numModes][numCaps]vec // Shape0 in a sentence without case
	length  [7][numCaps]vec
	class0  [256][numModes]vec
	prior   [9 + 1][numModes][numCaps]vec // priors 0–8, then 255 (no class)
	first   [numModes][numCaps]vec
	capPat  [numModes][numCaps + 1][numCaps][numCaps + 1]vec
	gaz     [numLabels][3]vec // 'B', 'I', 'U'
	// word features at the sentence boundaries
	bosM1, eosP1, bosM2, eosP2 vec
	bosShape, eosShape         vec // Shapem1 of "<s>", Shapep1 of "</s>"
	// the lexicon's words: their word vectors, by hash of the lower-cased word
	vocab     []vocabEnt
	vocabKeys []vocabKey // vocabKeys[k] is vocab[k]'s key, compact for probing
	vocabSlot []int32    // index+1 into vocab, 0 empty
	vocabMask uint64
	// the shapes of the lexicon's words in lower case, capitalised and in
	// capitals, and of numbers: their shape vectors, by hash of the shape
	shapes    []shapeEnt
	shapeSlot []int32
	shapeMask uint64
}

// vocabKey is what findVocab compares: the hash of a lexicon word and,
// for a word of up to 23 bytes, its bytes.
type vocabKey struct {
	hw    uint64
	n     uint8 // len(low) if at most 23, else 0xff
	bytes [23]byte
}

type vocabEnt struct {
	index    int32 // in vocab
	low      string
	hw       uint64
	class    wordClass
	flags    uint8 // wfLetter, wfEnglish
	gazStart bool  // the model's gazetteer may match from this word (startsKey)
	gazFound bool
	gazK     int32
	wv       [numWV]vec
}

// shapeEnt holds the summed weights of a shape's features (Shape0,
// Shapem1, Shapep1) in sentences with case.
type shapeEnt struct {
	shape string
	h     uint64
	sv    [3]vec
}

// addKey adds the weights of the feature with the (unfinished) hash h.
func (m *model) addKey(v *vec, h uint64) {
	if r := m.lookup(finish(h)); r >= 0 {
		v.add((*vec)(m.dense[int(r)*8:]))
	}
}

func (m *model) keyVec(h uint64) vec {
	var v vec
	m.addKey(&v, h)
	return v
}

// buildFast fills m.fast when the model qualifies for the fast path.
func (m *model) buildFast() {
	m.fast, m.tr7, m.itr7 = nil, nil, nil
	if m.ntags == 7 {
		m.tr7 = foldTrans7(m.trans)
		m.itr7 = intTrans7(m.tr7)
	}
	if m.ntags > 8 || m.stride != 8 {
		return
	}
	var maxAbs int64
	for _, v := range m.dense {
		maxAbs = max(maxAbs, int64(v), -int64(v))
	}
	if maxAbs*maxTokenFeats > 1<<24 {
		return
	}
	f := &fastTables{tokMax: maxAbs * maxTokenFeats}
	for mi, mode := range modeBytes {
		f.bias[mi] = m.keyVec(hbyte(htmpl(fBias), mode))
		for ci := range numCaps {
			c := capBytes[ci]
			f.shapeNM[mi][ci] = m.keyVec(hbyte(hbyte(htmpl(fShape0), mode), c))
			f.first[mi][ci] = m.keyVec(hbyte(hbyte(htmpl(fFirst), mode), c))
			for p := range 9 {
				f.prior[p][mi][ci] = m.keyVec(hbyte(hbyte(hbyte(htmpl(fPrior0), byte(p)), mode), c))
			}
			f.prior[9][mi][ci] = m.keyVec(hbyte(hbyte(hbyte(htmpl(fPrior0), 255), mode), c))
		}
		for c := range 256 {
			f.class0[c][mi] = m.keyVec(hbyte(hbyte(htmpl(fClass0), byte(c)), mode))
		}
		for a := range numCaps + 1 {
			for b := range numCaps {
				for c := range numCaps + 1 {
					f.capPat[mi][a][b][c] = m.keyVec(hbyte(hbyte(hbyte(hbyte(htmpl(fCapPat), mode), capBytes[a]), capBytes[b]), capBytes[c]))
				}
			}
		}
	}
	for l := range 7 {
		for ci := range numCaps {
			f.length[l][ci] = m.keyVec(hbyte(hbyte(htmpl(fLen), byte(l)), capBytes[ci]))
		}
	}
	for l := range numLabels {
		for k, g := range []byte{'B', 'I', 'U'} {
			f.gaz[l][k] = m.keyVec(hbyte(hbyte(htmpl(fGaz), byte(l)), g))
		}
	}
	f.bosM1 = m.keyVec(hashBOS ^ salt(fWm1))
	f.bosM2 = m.keyVec(hashBOS ^ salt(fWm2))
	f.eosP1 = m.keyVec(hashEOS ^ salt(fWp1))
	f.eosP2 = m.keyVec(hashEOS ^ salt(fWp2))
	f.bosShape = m.keyVec(hstr(htmpl(fShapem1), "<s>"))
	f.eosShape = m.keyVec(hstr(htmpl(fShapep1), "</s>"))

	words := m.lex.words // ascending, as encode writes them
	if len(words) != len(m.lex.classes) {
		words = make([]string, 0, len(m.lex.classes))
		for w := range m.lex.classes {
			words = append(words, w)
		}
		slices.Sort(words)
	}
	size := 1
	for size < 2*len(words)+1 {
		size <<= 1
	}
	f.vocab = make([]vocabEnt, len(words))
	f.vocabKeys = make([]vocabKey, len(words))
	f.vocabSlot = make([]int32, size)
	f.vocabMask = uint64(size - 1)
	for k, w := range words {
		e := &f.vocab[k]
		c, ok := m.lex.classAt(k, w)
		if !ok {
			c = m.lex.classes[w]
		}
		e.index, e.low, e.hw, e.class = int32(k), w, hstr(fnvOffset, w), c
		vk := &f.vocabKeys[k]
		vk.hw, vk.n = e.hw, 0xff
		if len(w) <= len(vk.bytes) {
			vk.n = uint8(copy(vk.bytes[:], w))
		}
		e.flags = wordFlags(w)
		gk, found, ok := m.lex.gaz.startsKey(w)
		e.gazK, e.gazFound, e.gazStart = int32(gk), found, ok
		m.wordVecs(&e.wv, w, e.hw, e.class, true)
		i := finish(e.hw) & f.vocabMask
		for f.vocabSlot[i] != 0 {
			i = (i + 1) & f.vocabMask
		}
		f.vocabSlot[i] = int32(k + 1)
	}
	// Shapes, in a deterministic order: a cache, so any set will do.
	seen := map[string]bool{}
	var shapes []string
	var buf []byte
	for _, w := range append(words[:len(words):len(words)], "0", "0.0", "0,0", "0/0", "0-0", "0:0", "0.0.0", "0,0.0", ".", ",", "(", ")", "\"", "-", ":") {
		for upper := range 3 {
			buf = shapeOfCased(w, upper, buf[:0])
			if !seen[string(buf)] {
				seen[string(buf)] = true
				shapes = append(shapes, string(buf))
			}
		}
	}
	size = 1
	for size < 2*len(shapes)+1 {
		size <<= 1
	}
	f.shapes = make([]shapeEnt, len(shapes))
	f.shapeSlot = make([]int32, size)
	f.shapeMask = uint64(size - 1)
	for k, sh := range shapes {
		e := &f.shapes[k]
		e.shape, e.h = sh, hstr(fnvOffset, sh)
		m.shapeVecs(&e.sv, []byte(sh))
		i := finish(e.h) & f.shapeMask
		for f.shapeSlot[i] != 0 {
			i = (i + 1) & f.shapeMask
		}
		f.shapeSlot[i] = int32(k + 1)
	}
	m.fast = f
}

// shapeOfCased appends the shape of w to buf (see shapeOf), read with its
// first letter (upper 1) or all its letters (upper 2) in upper case, or as
// it is (upper 0).
func shapeOfCased(w string, upper int, buf []byte) []byte {
	var last byte
	n := 0
	for i, r := range w {
		if upper == 2 || upper == 1 && i == 0 {
			r = unicode.ToUpper(r)
		}
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if c != last {
			buf = append(buf, c)
			last = c
			n++
		}
		if n >= 12 {
			break
		}
	}
	return buf
}

// shapeVecs computes the shape vectors of shape.
func (m *model) shapeVecs(sv *[3]vec, shape []byte) {
	*sv = [3]vec{}
	m.addKey(&sv[0], hbytes(htmpl(fShape0), shape))
	m.addKey(&sv[1], hbytes(htmpl(fShapem1), shape))
	m.addKey(&sv[2], hbytes(htmpl(fShapep1), shape))
}

// findShape returns the shape vectors of shape, or nil when the table
// does not have them.
func (f *fastTables) findShape(shape []byte) *[3]vec {
	h := hbytes(fnvOffset, shape)
	for i := finish(h) & f.shapeMask; ; i = (i + 1) & f.shapeMask {
		k := f.shapeSlot[i]
		if k == 0 {
			return nil
		}
		if e := &f.shapes[k-1]; e.h == h && e.shape == string(shape) {
			return &e.sv
		}
	}
}

// wordFlags returns the wfLetter and wfEnglish flags of a lower-cased word.
func wordFlags(low string) uint8 {
	var fl uint8
	if startsLetter(low) {
		fl |= wfLetter
	}
	if englishWords[low] {
		fl |= wfEnglish
	}
	return fl
}

// findVocab returns the lexicon entry of the lower-cased word low (whose
// hash is hw), or nil.
func (f *fastTables) findVocab(low []byte, hw uint64) *vocabEnt {
	for i := finish(hw) & f.vocabMask; ; i = (i + 1) & f.vocabMask {
		k := f.vocabSlot[i]
		if k == 0 {
			return nil
		}
		if vk := &f.vocabKeys[k-1]; vk.hw == hw {
			if vk.n <= uint8(len(vk.bytes)) {
				if int(vk.n) == len(low) && string(vk.bytes[:vk.n]) == string(low) {
					return &f.vocab[k-1]
				}
			} else if f.vocab[k-1].low == string(low) {
				return &f.vocab[k-1]
			}
		}
	}
}

// wordVecs computes the word vectors of the lower-cased word low, as
// selfFeats and ctxFeats would look them up.
func (m *model) wordVecs(wv *[numWV]vec, low string, hw uint64, c wordClass, known bool) {
	*wv = [numWV]vec{}
	lex := &wv[wvLex]
	m.addKey(lex, hw^salt(fW0))
	if p := prefix(low, 2); p != "" {
		m.addKey(lex, hstr(htmpl(fPre2), p))
	}
	if p := prefix(low, 3); p != "" {
		m.addKey(lex, hstr(htmpl(fPre3), p))
	}
	if p := suffix(low, 2); p != "" {
		m.addKey(lex, hstr(htmpl(fSuf2), p))
	}
	if p := suffix(low, 3); p != "" {
		m.addKey(lex, hstr(htmpl(fSuf3), p))
	}
	if p := suffix(low, 4); p != "" {
		m.addKey(lex, hstr(htmpl(fSuf4), p))
	}
	m.addKey(&wv[wvM1], hw^salt(fWm1))
	m.addKey(&wv[wvP1], hw^salt(fWp1))
	m.addKey(&wv[wvM2], hw^salt(fWm2))
	m.addKey(&wv[wvP2], hw^salt(fWp2))
	if known {
		cl := c.cluster
		m.addKey(lex, hbyte(hbyte(htmpl(fClassFine0), byte(cl)), byte(cl>>8)))
		m.addKey(&wv[wvM1], hbyte(hbyte(htmpl(fClassm1), byte(cl)), byte(cl>>8)))
		m.addKey(&wv[wvP1], hbyte(hbyte(htmpl(fClassp1), byte(cl)), byte(cl>>8)))
	}
}

// wordKey identifies the entry s.ents[k] as s.wkeys[k]: compact, for
// probing the word table.
type wordKey struct {
	key   uint64 // hash of text
	short uint64 // text itself when short (see wordHash), else 0
	text  string
}

// is reports whether the entry's text is w, whose key and packed form are
// key and p (wordHash). A short word is compared in the entry itself,
// without reading the entry's copy of the text elsewhere in memory.
func (wk *wordKey) is(w string, key, p uint64) bool {
	if p != 0 {
		return wk.short == p
	}
	return wk.key == key && wk.text == w
}

// wordHash returns the table's key of w, finish(hstr(fnvOffset, w)), and
// when w has 1 to 7 bytes, its bytes and length packed in one uint64 (a key
// that no other text shares; else 0), in one pass over w.
func wordHash(w string) (key, p uint64) {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := uint64(w[i])
		h ^= c
		h *= fnvPrime
		p |= c << (8 * (i & 7)) // meaningless past 7 bytes, and then dropped
	}
	if len(w) == 0 || len(w) > 7 {
		return finish(h), 0
	}
	return finish(h), p | uint64(len(w))<<56
}

// wordEnt is what the fast path knows about one distinct token text in a
// Recognize call.
type wordEnt struct {
	low        string
	hw         uint64 // FNV-1a hash of low
	shapeStart int32  // s.shapeBuf[shapeStart:shapeEnd] is the compressed shape
	shapeEnd   int32
	lowStart   int32 // s.lowBuf[lowStart:lowEnd] is low while newWords runs
	lowEnd     int32
	class      wordClass
	known      bool
	cap        byte // capitalisation class
	ci         uint8
	length     uint8 // rune count of low, at most 6
	flags      uint8
	ruleSimple bool   // ASCII letters only: one word item for the rules
	ruleFlags  uint32 // and its rule word (ruleWordOf)
	ruleLow    string
	gazStart   bool // the model's gazetteer may match from this word (startsKey)
	gazFound   bool
	gazK       int32
	hasMixed   bool
	call       uint32 // the last Recognize call that used the entry (scratch.call)
	uses       uint8  // the calls that used it, halved by compactWords
	// the word vectors: the lexicon's (wvRef >= 0, its index) or the
	// call's own (s.ownWV[^wvRef]); those of the words two tokens away,
	// read for every token, are copied here
	wvRef  int32
	m2, p2 vec
	mix    [3]vec // self, as previous, as next word, in sentences with case
}

// wordEnt flags.
const (
	wfUpper      = 1 << iota // has an upper-case letter
	wfLower                  // has a lower-case letter
	wfLetter                 // starts with a letter
	wfEnglish                // an English function word
	wfStartUpper             // starts with an upper-case letter
)

// Mixed-mode vectors of an entry.
const (
	mixSelf = iota
	mixM1
	mixP1
)

// docSent is what the document pass reuses of a sentence: its case mode
// and where its tokens' word indexes start in scratch.docEnts.
type docSent struct {
	mode byte // 0: the sentence was skipped
	off  int32
}

// maxWords bounds the word table of one Recognize call; when it is full it
// is emptied between sentences.
const maxWords = 1 << 16

// keptWords bounds the word table kept from one Recognize call to the next:
// a call that starts with more entries keeps only the most used half.
const keptWords = 1 << 14

// keepWords readies the word table for a Recognize call with the fast
// tables f. An entry depends only on its word and on the model, so the
// entries of earlier calls (on other texts) stay valid and save their
// lookups, as long as they were made with the same tables (otherwise the
// table is emptied). When the table has grown past keptWords, only the
// entries of the words used by the most calls are kept.
func (s *scratch) keepWords(f *fastTables) {
	if s.wordsOf != f {
		s.resetWords()
		s.wordsOf = f
	} else if len(s.ents) > keptWords {
		s.compactWords(keptWords / 2)
	}
	s.call++
}

// compactWords keeps at most n entries of the word table, those used by
// the most calls, and halves their use counts so that words no longer seen
// age out.
func (s *scratch) compactWords(n int) {
	var hist [256]int
	for k := range s.ents {
		hist[s.ents[k].uses]++
	}
	// the smallest count t >= 2 such that at most n entries have t or more
	t, kept := 255, hist[255]
	for t > 2 && kept+hist[t-1] <= n {
		t--
		kept += hist[t]
	}
	if kept > n {
		s.resetWords()
		return
	}
	j, shapes, own := 0, 0, 0
	for k := range s.ents {
		if s.ents[k].uses < uint8(t) {
			continue // not copied first: a dropped entry costs one cache line, not four
		}
		e := s.ents[k]
		e.uses /= 2
		shape := s.shapeBuf[e.shapeStart:e.shapeEnd]
		e.shapeStart = int32(shapes)
		shapes += copy(s.shapeBuf[shapes:], shape) // entries' shapes are in entry order
		e.shapeEnd = int32(shapes)
		if e.wvRef < 0 { // and so are their own word vectors
			s.ownWV[own] = s.ownWV[^e.wvRef]
			e.wvRef = ^int32(own)
			own++
		}
		s.ents[j], s.wkeys[j] = e, s.wkeys[k]
		j++
	}
	clear(s.ents[j:])
	s.ents = s.ents[:j]
	clear(s.wkeys[j:])
	s.wkeys = s.wkeys[:j]
	s.shapeBuf = s.shapeBuf[:shapes]
	s.ownWV = s.ownWV[:own]
	if len(s.slots) > 4096 {
		s.slots = nil // regrown below, for what is left
	}
	clear(s.slots)
	if len(s.slots) < 2*(len(s.ents)+1) {
		s.slots = nil
	}
	s.rehashWords()
}

// wordIndex returns the index in s.ents of the entry of token text w,
// adding an empty one if new, and whether it is new (newWords fills it).
func (m *model) wordIndex(w string, s *scratch) (int32, bool) {
	key, p := wordHash(w)
	if len(s.slots) == 0 || 2*(len(s.ents)+1) > len(s.slots) {
		s.growWords()
	}
	mask := uint64(len(s.slots) - 1)
	i := key & mask
	for {
		k := s.slots[i]
		if k == 0 {
			break
		}
		if s.wkeys[k-1].is(w, key, p) {
			return k - 1, false
		}
		i = (i + 1) & mask
	}
	idx := int32(len(s.ents))
	s.slots[i] = idx + 1
	// a copy: the entry outlives the call, and must not keep its text alive
	s.wkeys = appendTouched(s.wkeys, wordKey{key, p, strings.Clone(w)})
	s.ents = appendTouched(s.ents, wordEnt{})
	return idx, true
}

// appendTouched is append(b, e), except that when b must grow its
// capacity doubles and its new room is written first (pool.Touch).
//
// Storing an element that holds pointers reads the slot's old value first
// (the GC's write barrier), and a read of a fresh page followed by a write
// costs a TLB-flush interrupt. append grows a slice of more than 256
// elements by about a quarter: the word table (entries of 256 bytes) then
// grew to its size of a few megabytes by some twenty copies of itself,
// which were a tenth of the simulated L2 misses of a cold pass over the
// IndoSum corpus (bench/instructions.sh).
func appendTouched[E any](b []E, e E) []E {
	if len(b) == cap(b) {
		b = slices.Grow(b, max(len(b), 64))
		pool.Touch(b[len(b):cap(b)])
	}
	return append(b, e)
}

func (s *scratch) growWords() {
	s.slots = make([]int32, max(2*len(s.slots), 1024))
	pool.Touch(s.slots) // probed below: see its doc
	s.rehashWords()
}

// rehashWords fills the empty s.slots with the entries.
func (s *scratch) rehashWords() {
	for len(s.slots) < 2*(len(s.ents)+1) {
		s.slots = make([]int32, max(2*len(s.slots), 1024))
		pool.Touch(s.slots)
	}
	mask := uint64(len(s.slots) - 1)
	for k := range s.wkeys {
		i := s.wkeys[k].key & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = int32(k + 1)
	}
}

// resetWords empties the word table.
func (s *scratch) resetWords() {
	s.resets++
	if len(s.slots) > 4096 {
		s.slots = nil // after a large document; regrown on demand
	}
	clear(s.slots)
	clear(s.ents)
	s.ents = s.ents[:0]
	clear(s.wkeys)
	s.wkeys = s.wkeys[:0]
	s.ownWV = s.ownWV[:0]
	s.shapeBuf = s.shapeBuf[:0]
}

// newWords fills the entries s.pending, in three passes so that the
// lexicon lookups of different words overlap in memory.
func (m *model) newWords(s *scratch) {
	s.lowBuf = s.lowBuf[:0]
	for _, k := range s.pending {
		m.newWordForm(&s.ents[k], s.wkeys[k].text, s)
	}
	f := m.fast
	s.pendVocab = s.pendVocab[:0]
	var touch int32
	for _, k := range s.pending {
		e := &s.ents[k]
		v := f.findVocab(s.lowBuf[e.lowStart:e.lowEnd], e.hw)
		if v != nil {
			// load the entry's lines now, while other words' loads are in flight
			touch += int32(v.class.prior) + v.wv[wvLex][0] + v.wv[wvM1][0] + v.wv[wvP1][4] + v.wv[wvP2][4]
		}
		s.pendVocab = append(s.pendVocab, v)
	}
	s.touch += touch
	for j, k := range s.pending {
		m.newWordVecs(&s.ents[k], s.pendVocab[j], s)
	}
	s.pending = s.pending[:0]
}

// newWordForm fills what e knows from the form of token text w: its case,
// shape and rule word, and its lower-cased text (in s.lowBuf) and hash.
func (m *model) newWordForm(e *wordEnt, w string, s *scratch) {
	e.shapeStart = int32(len(s.shapeBuf))
	e.lowStart = int32(len(s.lowBuf))
	if n := len(s.lowBuf); asciiWord(w, e, s) {
		if e.ruleSimple {
			rw := ruleWordOf(w)
			e.ruleFlags, e.ruleLow = rw.flags, rw.low
		}
		e.hw = hbytes(fnvOffset, s.lowBuf[n:])
	} else {
		e.low = lower(w)
		s.lowBuf = append(s.lowBuf, e.low...)
		e.hw = hstr(fnvOffset, e.low)
		s.shapeBuf = shapeOf(w, s.shapeBuf)
		e.cap = capClass(w)
		for _, r := range w {
			if unicode.IsUpper(r) {
				e.flags |= wfUpper
			} else if unicode.IsLower(r) {
				e.flags |= wfLower
			}
		}
		if startsUpper(w) {
			e.flags |= wfStartUpper
		}
	}
	e.lowEnd = int32(len(s.lowBuf))
	e.shapeEnd = int32(len(s.shapeBuf))
	e.ci = capIndex(e.cap)
}

// newWordVecs fills the rest of e: from the lexicon's entry v, or computed.
func (m *model) newWordVecs(e *wordEnt, v *vocabEnt, s *scratch) {
	if v != nil {
		e.low, e.class, e.known = v.low, v.class, true
		e.wvRef = int32(v.index)
		e.m2, e.p2 = v.wv[wvM2], v.wv[wvP2]
		e.flags |= v.flags
		e.gazStart, e.gazFound, e.gazK = v.gazStart, v.gazFound, v.gazK
	} else {
		if e.low == "" {
			e.low = string(s.lowBuf[e.lowStart:e.lowEnd])
		}
		e.wvRef = ^int32(len(s.ownWV))
		s.ownWV = appendTouched(s.ownWV, [numWV]vec{})
		wv := &s.ownWV[len(s.ownWV)-1]
		m.wordVecs(wv, e.low, e.hw, wordClass{}, false)
		e.m2, e.p2 = wv[wvM2], wv[wvP2]
		e.flags |= wordFlags(e.low)
		gk, found, ok := m.lex.gaz.startsKey(e.low)
		e.gazK, e.gazFound, e.gazStart = int32(gk), found, ok
	}
	e.length = uint8(min(utf8.RuneCountInString(e.low), 6))
}

// asciiInfo gives, for each ASCII byte, its lower-cased form, its shape
// (shapeOf) and its class: 1 upper-case letter, 2 lower-case letter,
// 3 digit, 0 other.
var asciiInfo = func() (t [utf8.RuneSelf]struct{ low, shape, class byte }) {
	for c := range utf8.RuneSelf {
		t[c].low, t[c].shape = byte(c), byte(c)
		switch {
		case 'A' <= c && c <= 'Z':
			t[c].low, t[c].shape, t[c].class = byte(c)+'a'-'A', 'X', 1
		case 'a' <= c && c <= 'z':
			t[c].shape, t[c].class = 'x', 2
		case '0' <= c && c <= '9':
			t[c].shape, t[c].class = 'd', 3
		}
	}
	return t
}()

// asciiWord appends the lower-cased w to s.lowBuf and its shape to
// s.shapeBuf, and sets e's capitalisation class and flags, as lower,
// shapeOf and capClass do, when w is ASCII; otherwise it reports false and
// changes nothing.
func asciiWord(w string, e *wordEnt, s *scratch) bool {
	var cnt [4]int // by asciiInfo class
	shape := s.shapeBuf
	low := s.lowBuf
	var last byte
	runs := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			s.shapeBuf, s.lowBuf = shape[:e.shapeStart], low[:e.lowStart]
			return false
		}
		t := &asciiInfo[c]
		cnt[t.class&3]++
		low = append(low, t.low)
		if t.shape != last && runs < 12 {
			shape = append(shape, t.shape)
			last = t.shape
			runs++
		}
	}
	up, lo, dig := cnt[1], cnt[2], cnt[3]
	firstUp := len(w) > 0 && asciiInfo[w[0]&0x7f].class == 1
	s.shapeBuf, s.lowBuf = shape, low
	letters := up + lo
	e.ruleSimple = letters == len(w) && len(w) > 0
	switch {
	case dig > 0:
		e.cap = capDigit
	case letters == 0:
		e.cap = capOther
	case up == 0:
		e.cap = capLower
	case up == 1 && letters == 1:
		e.cap = capSingle
	case lo == 0:
		e.cap = capUpper
	case firstUp && up == 1:
		e.cap = capTitle
	default:
		e.cap = capMixed
	}
	if up > 0 {
		e.flags |= wfUpper
	}
	if lo > 0 {
		e.flags |= wfLower
	}
	if firstUp {
		e.flags |= wfStartUpper
	}
	return true
}

// wv returns the word vectors of e.
func (s *scratch) wv(f *fastTables, e *wordEnt) *[numWV]vec {
	if e.wvRef >= 0 {
		return &f.vocab[e.wvRef].wv
	}
	return &s.ownWV[^e.wvRef]
}

// selfVec returns the sum of the token's own features in a sentence of
// mode mi, as selfFeats looks them up, given its word vectors wv. The shape
// feature of a sentence with case is not included.
func (f *fastTables) selfVec(e *wordEnt, wv *[numWV]vec, mi int) vec {
	v := wv[wvLex]
	v.add(&f.bias[mi])
	v.add(&f.length[e.length][e.ci])
	if e.known {
		v.add(&f.class0[byte(e.class.cluster>>8)][mi])
		if e.class.prior <= 8 {
			v.add(&f.prior[e.class.prior][mi][e.ci])
		}
	} else {
		v.add(&f.prior[9][mi][e.ci])
	}
	if mi != 0 {
		v.add(&f.shapeNM[mi][e.ci])
	}
	return v
}

// mixVecs fills e.mix, the entry's vectors in sentences with case.
func (m *model) mixVecs(e *wordEnt, s *scratch) {
	f := m.fast
	shape := s.shapeBuf[e.shapeStart:e.shapeEnd]
	var own [3]vec
	sv := f.findShape(shape)
	if sv == nil {
		m.shapeVecs(&own, shape)
		sv = &own
	}
	wv := s.wv(f, e)
	e.mix[mixSelf] = f.selfVec(e, wv, 0)
	e.mix[mixSelf].add(&sv[0])
	if e.known && e.class.prior > 8 {
		// a prior out of the tables' range (not written by the trainer)
		m.addKey(&e.mix[mixSelf], hbyte(hbyte(hbyte(htmpl(fPrior0), e.class.prior), modeMixed), e.cap))
	}
	e.mix[mixM1] = wv[wvM1]
	e.mix[mixM1].add(&sv[1])
	e.mix[mixP1] = wv[wvP1]
	e.mix[mixP1].add(&sv[2])
	e.hasMixed = true
}

// emitFast fills s.info, s.mode and the emission scores s.iem of the
// words, which converted to float32 are those of the reference path
// (extract and addWeights). In a sentence with both cases, s.act marks
// the tokens near a capital (nearCapital) and s.inactive counts the
// others, whose scores it leaves as they were when the model has the
// integer decoder (decodeSegments), unless s.allActive is set.
func (m *model) emitFast(words []string, s *scratch) {
	f := m.fast
	n, T := len(words), m.ntags
	if len(s.ents) >= maxWords {
		s.resetWords()
	}
	s.tokEnt = grow(s.tokEnt, n)
	te := s.tokEnt[:n]
	s.info = grow(s.info, n)[:n]
	nl, up, lo := 0, false, false
	for i, w := range words {
		k, isNew := m.wordIndex(w, s)
		te[i] = k
		if isNew {
			s.pending = append(s.pending, k)
		}
	}
	if len(s.pending) > 0 {
		m.newWords(s)
	}
	for i, k := range te {
		e := &s.ents[k]
		if e.flags&(wfUpper|wfLower) != 0 {
			nl++
		}
		if e.call != s.call {
			e.call = s.call
			if e.uses < 255 {
				e.uses++
			}
		}
		up = up || e.flags&wfUpper != 0
		lo = lo || e.flags&wfLower != 0
		s.info[i] = tokInfo{low: e.low, cap: e.cap, class: e.class, known: e.known, entry: k, hw: e.hw}
	}
	mode, mi := modeMixed, 0
	switch {
	case nl < 2:
	case !lo:
		mode, mi = modeUpper, 1
	case !up:
		mode, mi = modeLower, 2
	}
	s.mode = mode
	m.lex.markGazetteer(s.info, s)
	s.act = grow(s.act, n)[:n]
	s.inactive = 0
	if mi == 0 {
		s.markActive(words)
	} else {
		for i := range s.act {
			s.act[i] = true
		}
	}
	// only decodeSegments can do without the others' scores
	all := s.allActive || s.inactive == 0 || m.itr7 == nil
	if mi == 0 {
		for i, k := range te {
			// the scored tokens read the mixed vectors of their neighbours
			if e := &s.ents[k]; !e.hasMixed && (all || s.act[i] || i > 0 && s.act[i-1] || i+1 < n && s.act[i+1]) {
				m.mixVecs(e, s)
			}
		}
	}

	s.scores = grow(s.scores, n*T)
	s.iem = grow(s.iem, n*T)
	em := s.iem[:n*T]
	ents := s.ents
	for i := range n {
		if !all && !s.act[i] {
			continue
		}
		e := &ents[te[i]]
		var v vec
		var prev, next *wordEnt
		hm1, hp1 := hashBOS, hashEOS
		pc, nc := uint8(capEdge), uint8(capEdge)
		if i > 0 {
			prev = &ents[te[i-1]]
			hm1, pc = prev.hw, prev.ci
		}
		if i+1 < n {
			next = &ents[te[i+1]]
			hp1, nc = next.hw, next.ci
		}
		if mi == 0 {
			v = e.mix[mixSelf]
			if prev != nil {
				v.add(&prev.mix[mixM1])
			} else {
				v.add(&f.bosM1)
				v.add(&f.bosShape)
			}
			if next != nil {
				v.add(&next.mix[mixP1])
			} else {
				v.add(&f.eosP1)
				v.add(&f.eosShape)
			}
			m.addKey(&v, hbytes(bits.RotateLeft64(hm1, 29)^salt(fWm1Shape0), s.shapeBuf[e.shapeStart:e.shapeEnd]))
		} else {
			v = f.selfVec(e, s.wv(f, e), mi)
			if e.known && e.class.prior > 8 {
				m.addKey(&v, hbyte(hbyte(hbyte(htmpl(fPrior0), e.class.prior), mode), e.cap))
			}
			if prev != nil {
				v.add(&s.wv(f, prev)[wvM1])
			} else {
				v.add(&f.bosM1)
			}
			if next != nil {
				v.add(&s.wv(f, next)[wvP1])
			} else {
				v.add(&f.eosP1)
			}
		}
		if i >= 2 {
			v.add(&ents[te[i-2]].m2)
		} else {
			v.add(&f.bosM2)
		}
		if i+2 < n {
			v.add(&ents[te[i+2]].p2)
		} else {
			v.add(&f.eosP2)
		}
		m.addKey(&v, bits.RotateLeft64(hm1, 29)^e.hw^salt(fWm1W0))
		m.addKey(&v, bits.RotateLeft64(e.hw, 29)^hp1^salt(fW0Wp1))
		v.add(&f.capPat[mi][pc][e.ci][nc])
		if i == 0 {
			v.add(&f.first[mi][e.ci])
		}
		if gz := &s.info[i].gaz; *gz != [numLabels]byte{} {
			for l, g := range gz {
				switch g {
				case 'B':
					v.add(&f.gaz[l][0])
				case 'I':
					v.add(&f.gaz[l][1])
				case 'U':
					v.add(&f.gaz[l][2])
				}
			}
		}
		copy(em[i*T:i*T+T], v[:T])
	}
}

// lowerOf returns the lower-cased w, from the word table when w is in it.
func (s *scratch) lowerOf(w string) string {
	if len(s.slots) > 0 {
		key, p := wordHash(w)
		mask := uint64(len(s.slots) - 1)
		for i := key & mask; s.slots[i] != 0; i = (i + 1) & mask {
			if k := s.slots[i] - 1; s.wkeys[k].is(w, key, p) {
				return s.ents[k].low
			}
		}
	}
	return lower(w)
}

// markActive sets s.act and s.inactive for the tokens of words, whose
// entries are in s.tokEnt (nearCapital).
func (s *scratch) markActive(words []string) {
	for i, k := range s.tokEnt[:len(words)] {
		s.act[i] = s.ents[k].flags&wfUpper != 0
	}
	s.inactive = nearCapital(s.act, words)
}

// nearCapital turns act[i], set for the tokens that have an upper-case
// letter, into whether token i has one or is next to one that has, across
// a hyphen too ("Son Wan - ho", "U - 22"), and returns how many tokens it
// left unset. In text with both cases, the corpora label almost nothing
// else: 257 of the 28,166 tokens inside names (TestNamesNearCapitals in
// internal/eval/nereval). The decoders take the tokens left unset to be
// outside every name (decodeSegments, forceO), which spares their scores:
// half of the tokens of news text.
func nearCapital(act []bool, words []string) int {
	n := len(act)
	off := 0
	up1, up2 := false, false // tokens i-1 and i-2 have a capital
	for i := range n {
		up := act[i]
		a := up || up1 || i+1 < n && act[i+1]
		if !a {
			a = i >= 2 && up2 && words[i-1] == "-" || i+2 < n && act[i+2] && words[i+1] == "-"
		}
		act[i] = a
		if !a {
			off++
		}
		up2, up1 = up1, up
	}
	return off
}
