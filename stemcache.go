package kabar

import (
	"hash/maphash"
	"strings"

	"github.com/kabar-id/kabar/internal/pool"
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
	// tab is an open-addressing table of entries (hash 0: an empty slot),
	// its length a power of two, at most half full: a lookup that finds
	// its word reads one entry, the word itself held in the entry when it
	// is short, rather than an index, then an entry, then the word's bytes.
	tab []stemEnt
	n   int // entries in tab

	// Distinct stems have ids, so that a text's distinct stems are
	// counted by marking ids rather than hashing each word's stem again.
	ids  map[string]int32 // stem -> id
	seen []uint32         // per id: the last text (gen) that counted it
	gen  uint32
}

// shortWord is the length up to which an entry holds its word inline.
const shortWord = 16

type stemEnt struct {
	hash  uint64          // of the word; 0 marks an empty slot
	short [shortWord]byte // the word, when it has at most shortWord bytes
	wlen  uint8           // its length then; longWord for a longer word
	name  bool            // the stem is StemName's with isName set
	stop  bool
	id    int32  // the stem's id, in ids
	word  string // the word, when it is longer than shortWord bytes
	stem  string
}

const longWord = 255

// maxStemCache bounds the entries of a cache; one that has more at the
// start of a text is emptied.
const maxStemCache = 1 << 16

// start readies c for a text.
func (c *stemCache) start() {
	if c.n > maxStemCache {
		// Emptied in place: the table and the map keep their memory for
		// the words to come.
		clear(c.tab)
		clear(c.ids)
		c.n, c.seen = 0, c.seen[:0]
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
	h := maphash.String(setSeed, w) | 1 // never 0, the empty slot
	if len(c.tab) > 0 {
		mask := uint64(len(c.tab) - 1)
		for i := h & mask; c.tab[i].hash != 0; i = (i + 1) & mask {
			if e := &c.tab[i]; e.hash == h && e.name == isName && e.is(w) {
				return e
			}
		}
	}
	s, stop := st.StemName(w, isName), st.IsStopword(w)
	e := stemEnt{hash: h, name: isName, stop: stop, wlen: longWord}
	if len(w) <= shortWord {
		e.wlen = uint8(copy(e.short[:], w))
	} else {
		e.word = strings.Clone(w)
	}
	if s == w && e.word != "" {
		s = e.word
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
	e.id, e.stem = id, s
	if 2*(c.n+1) > len(c.tab) {
		c.grow()
	}
	c.n++
	return c.place(e)
}

// is reports whether e is the entry of word w.
func (e *stemEnt) is(w string) bool {
	if e.wlen == longWord {
		return e.word == w
	}
	return int(e.wlen) == len(w) && string(e.short[:e.wlen]) == w
}

// place puts e into the table, which has room for it, and returns it there.
func (c *stemCache) place(e stemEnt) *stemEnt {
	mask := uint64(len(c.tab) - 1)
	i := e.hash & mask
	for c.tab[i].hash != 0 {
		i = (i + 1) & mask
	}
	c.tab[i] = e
	return &c.tab[i]
}

// grow doubles the table (1024 slots at first) and places every entry
// again.
func (c *stemCache) grow() {
	old := c.tab
	c.tab = make([]stemEnt, max(1024, 2*len(old)))
	pool.Touch(c.tab) // probed below: see its doc
	for i := range old {
		if old[i].hash != 0 {
			c.place(old[i])
		}
	}
}
