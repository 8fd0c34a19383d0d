package summarize

// idfTab maps terms to weights in one open-addressing array whose slots
// hold short terms inline with their weight, so that a lookup, which
// comes for each new term of a text and finds the table out of the cache
// more often than not, touches one slot and its neighbours rather than a
// slot, a string header, the string and the weight in four places. Terms
// longer than idfInline bytes, rare, are in a map.
type idfTab struct {
	slots []idfSlot
	mask  uint64
	long  map[string]float64
}

const idfInline = 19

type idfSlot struct {
	tag uint32 // the hash's high 32 bits, with the lowest bit set: never 0 in a used slot
	n   uint8  // length of the term
	key [idfInline]byte
	w   float64
}

func newIdfTab(n int) *idfTab {
	size := 16
	for 10*n > 7*size {
		size *= 2
	}
	return &idfTab{slots: make([]idfSlot, size), mask: uint64(size - 1)}
}

func idfTag(h uint64) uint32 { return uint32(h>>32) | 1 }

// add adds term, hashed to h, which must not be in t, with weight w.
func (t *idfTab) add(term string, h uint64, w float64) {
	if len(term) > idfInline {
		if t.long == nil {
			t.long = map[string]float64{}
		}
		t.long[term] = w
		return
	}
	i := h & t.mask
	for t.slots[i].tag != 0 {
		i = (i + 1) & t.mask
	}
	s := &t.slots[i]
	s.tag, s.n, s.w = idfTag(h), uint8(len(term)), w
	copy(s.key[:], term)
}

// find returns the weight of term, hashed to h, and whether it is there.
func (t *idfTab) find(term string, h uint64) (float64, bool) {
	if len(term) > idfInline {
		w, ok := t.long[term]
		return w, ok
	}
	tag := idfTag(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.tag == 0 {
			return 0, false
		}
		if s.tag == tag && int(s.n) == len(term) && string(s.key[:s.n]) == term {
			return s.w, true
		}
	}
}
