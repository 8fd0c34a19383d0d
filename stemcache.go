package kabar

import (
	"github.com/kabar-id/kabar/internal/pool"
	"hash/maphash"
	"strings"

	"github.com/kabar-id/kabar/stem"
)

// stemCache remembers the stems and stopword flags of the words of earlier
// texts: most words of a text have been seen before, and a lookup here is
// cheaper than the stemmer's. Its entries depend only on the word, the
// name flag and the Analyzer's stemmer, so the output is the same with or
// without it. One goroutine uses a cache at a time: each Analyzer keeps
// them in a pool (internal/pool, which keeps them across garbage
// collections). It holds copies of the words and stems, never the
// text.
type stemCache struct {
	slots []int32 // 1 + index into ents; 0: empty
	ents  []stemEnt

	// Distinct stems have ids, so that a text's distinct stems are
	// counted by marking ids rather than hashing each word's stem again.
	ids  map[string]int32 // stem -> id
	seen []uint32         // per id: the last text (gen) that counted it
	gen  uint32
}

type stemEnt struct {
	hash uint64
	word string
	stem string
	id   int32 // the stem's id, in ids
	name bool  // the stem is StemName's with isName set
	stop bool
}

// maxStemCache bounds the entries of a cache; one that has more at the
// start of a text is emptied.
const maxStemCache = 1 << 16

func newStemCachePool() *pool.Pool[stemCache] {
	return pool.New(0, func() *stemCache { return new(stemCache) })
}

// start readies c for a text.
func (c *stemCache) start() {
	if len(c.ents) > maxStemCache {
		c.slots, c.ents, c.ids, c.seen = nil, nil, nil, nil
	}
	c.gen++
	if c.gen == 0 { // wrapped: marks of old texts could match again
		clear(c.seen)
		c.gen = 1
	}
}

// count reports whether the stem of entry e is counted for the first time
// in the current text (since start).
func (c *stemCache) count(e *stemEnt) bool {
	if c.seen[e.id] == c.gen {
		return false
	}
	c.seen[e.id] = c.gen
	return true
}

// get returns the entry of w and isName, whose stem is st.StemName(w,
// isName) and stop st.IsStopword(w). The entry is valid until the next get.
func (c *stemCache) get(st *stem.Stemmer, w string, isName bool) *stemEnt {
	h := maphash.String(setSeed, w)
	if len(c.slots) > 0 {
		mask := uint64(len(c.slots) - 1)
		for i := h & mask; c.slots[i] != 0; i = (i + 1) & mask {
			if e := &c.ents[c.slots[i]-1]; e.hash == h && e.name == isName && e.word == w {
				return e
			}
		}
	}
	s, stop := st.StemName(w, isName), st.IsStopword(w)
	word := strings.Clone(w)
	if s == w {
		s = word
	} else {
		s = strings.Clone(s) // it may be part of the text
	}
	id, ok := c.ids[s]
	if !ok {
		if c.ids == nil {
			c.ids = make(map[string]int32)
		}
		id = int32(len(c.ids))
		c.ids[s] = id
		c.seen = append(c.seen, 0)
	}
	c.ents = append(c.ents, stemEnt{hash: h, word: word, stem: s, id: id, name: isName, stop: stop})
	if 2*len(c.ents) > len(c.slots) {
		c.rehash()
	} else {
		c.place(len(c.ents) - 1)
	}
	return &c.ents[len(c.ents)-1]
}

// place puts entry k into the slots.
func (c *stemCache) place(k int) {
	mask := uint64(len(c.slots) - 1)
	i := c.ents[k].hash & mask
	for c.slots[i] != 0 {
		i = (i + 1) & mask
	}
	c.slots[i] = int32(k + 1)
}

// rehash makes the slots larger and places every entry again.
func (c *stemCache) rehash() {
	size := 1024
	for size < 4*len(c.ents) {
		size *= 2
	}
	c.slots = make([]int32, size)
	for k := range c.ents {
		c.place(k)
	}
}
