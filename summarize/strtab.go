package summarize

import "hash/maphash"

// strSeed seeds the hash of strtab. It is set once, when the package is
// initialised, and only read after.
var strSeed = maphash.MakeSeed()

func strHash(s string) uint64 { return maphash.String(strSeed, s) }

// strtab numbers distinct strings 0, 1, 2, … in order of insertion: an
// open-addressing hash table, faster than a map for the vocabulary of one
// text, which is looked up for every word. The zero value is not usable:
// use newStrtab.
type strtab struct {
	slots []uint64 // high 32 bits: hash tag; low 32 bits: 1 + number (0: empty)
	keys  []string
	mask  uint64
	w     *scratch // where the slots come from
}

// newStrtab returns a table for about n strings, in w's memory.
func newStrtab(n int, w *scratch) *strtab {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &strtab{slots: w.u64.make(size, size), keys: w.strs.make(0, n), mask: uint64(size - 1), w: w}
}

// find returns the number of s, hashed to h, or -1.
func (t *strtab) find(s string, h uint64) int {
	tag := h &^ 0xFFFFFFFF
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := t.slots[i]
		if e == 0 {
			return -1
		}
		if e&^0xFFFFFFFF == tag && t.keys[uint32(e)-1] == s {
			return int(uint32(e)) - 1
		}
	}
}

// add numbers s, hashed to h, which must not be in t, and returns its
// number.
func (t *strtab) add(s string, h uint64) int {
	if 2*(len(t.keys)+1) > len(t.slots) {
		t.grow()
	}
	t.keys = append(t.keys, s)
	t.put(h, len(t.keys))
	return len(t.keys) - 1
}

func (t *strtab) put(h uint64, v int) {
	i := h & t.mask
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = h&^0xFFFFFFFF | uint64(v)
}

// grow doubles the table.
func (t *strtab) grow() {
	t.slots = t.w.u64.make(2*len(t.slots), 2*len(t.slots))
	t.mask = uint64(len(t.slots) - 1)
	for i, k := range t.keys {
		t.put(strHash(k), i+1)
	}
}
