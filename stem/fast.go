package stem

import "strings"

// fastSet maps the short words of the known-word table to their results,
// each slot holding its word inline with the result: running text is
// mostly known words, and a lookup then touches one slot (and perhaps its
// neighbours) instead of a slot, a word, its bytes and a result in four
// places that the caches seldom all hold. For a word of at most fastKey
// bytes its answer is the table's; longer words are looked up in the
// table itself.
type fastSet struct {
	slots []fastSlot
	mask  uint64
	// text holds the results one after another; a slot gives its
	// result's place in it, so that the slots hold no pointers and the
	// garbage collector need not scan them (a string per slot made this
	// set most of the stemmer's marking work at every collection).
	text string
}

const fastKey = 11

type fastSlot struct {
	tag uint32 // the hash's high 32 bits with the lowest bit set: never 0 in a used slot
	n   uint8  // length of the word
	key [fastKey]byte
	// the result is text[start:end] (the results of a dictionary's
	// short words are far from 4 GiB)
	start, end uint32
}

func fastTag(h uint64) uint32 { return uint32(h>>32) | 1 }

// newFastSet returns the set of the words of at most fastKey bytes, with
// res[i] the result of words[i]. The words are distinct.
func newFastSet(words, res []string) *fastSet {
	n := 0
	for _, w := range words {
		if len(w) <= fastKey {
			n++
		}
	}
	size := 16
	for 10*n > 7*size {
		size *= 2
	}
	f := &fastSet{slots: make([]fastSlot, size), mask: uint64(size - 1)}
	var text strings.Builder
	for i, w := range words {
		if len(w) > fastKey {
			continue
		}
		h := hashString(w)
		j := h & f.mask
		for f.slots[j].tag != 0 {
			j = (j + 1) & f.mask
		}
		s := &f.slots[j]
		s.tag, s.n = fastTag(h), uint8(len(w))
		copy(s.key[:], w)
		s.start = uint32(text.Len())
		text.WriteString(res[i])
		s.end = uint32(text.Len())
	}
	f.text = text.String()
	return f
}

// getString returns the result of w, of at most fastKey bytes, and whether
// w is a known word.
func (f *fastSet) getString(w string) (string, bool) {
	h := hashString(w)
	tag := fastTag(h)
	for j := h & f.mask; ; j = (j + 1) & f.mask {
		s := &f.slots[j]
		if s.tag == 0 {
			return "", false
		}
		if s.tag == tag && int(s.n) == len(w) && string(s.key[:s.n]) == w {
			return f.text[s.start:s.end], true
		}
	}
}

// get is getString for a word in bytes.
func (f *fastSet) get(b []byte) (string, bool) {
	h := hashBytes(b)
	tag := fastTag(h)
	for j := h & f.mask; ; j = (j + 1) & f.mask {
		s := &f.slots[j]
		if s.tag == 0 {
			return "", false
		}
		if s.tag == tag && int(s.n) == len(b) && string(s.key[:s.n]) == string(b) {
			return f.text[s.start:s.end], true
		}
	}
}

// knownString returns the result of the known word w, and whether it is
// one: what known.findString and res give, by the fast set when w is short.
func (im *improvements) knownString(w string) (string, bool) {
	if len(w) <= fastKey {
		return im.fast.getString(w)
	}
	if i := im.known.findString(w); i >= 0 {
		return im.res[i], true
	}
	return "", false
}

// knownBytes is knownString for a word in bytes.
func (im *improvements) knownBytes(w []byte) (string, bool) {
	if len(w) <= fastKey {
		return im.fast.get(w)
	}
	if i := im.known.find(w); i >= 0 {
		return im.res[i], true
	}
	return "", false
}
