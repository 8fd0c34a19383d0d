package summarize

// scratch holds the working memory of one call of Summarize, Keywords or
// SummaryAndKeywords: slices carved from arenas that later calls reuse
// (each Summarizer keeps a pool of them), so that a call allocates little
// more than its result. Nothing carved from a scratch outlives the call.
type scratch struct {
	ints    arena[int]
	i32     arena[int32]
	f64     arena[float64]
	bools   arena[bool]
	u64     arena[uint64]
	strs    arena[string]
	uni     arena[kwUni]
	phrases arena[phraseEntry]
	posts   arena[posting]
}

// scratchKeep is the size, in elements of one arena, above which a
// scratch is not kept for reuse: a long text's working memory is given
// back to the garbage collector.
const scratchKeep = 1 << 16

// getScratch returns working memory for one call.
func (s *Summarizer) getScratch() *scratch {
	if s.scratch == nil { // a Summarizer not made by New
		return new(scratch)
	}
	return s.scratch.Get()
}

// putScratch gives w back for later calls.
func (s *Summarizer) putScratch(w *scratch) {
	clear(w.strs.buf[:w.strs.used]) // drop the references to the strings
	keep := w.ints.reset()
	keep = w.i32.reset() && keep
	keep = w.f64.reset() && keep
	keep = w.bools.reset() && keep
	keep = w.u64.reset() && keep
	keep = w.strs.reset() && keep
	keep = w.uni.reset() && keep
	keep = w.phrases.reset() && keep
	keep = w.posts.reset() && keep
	if keep && s.scratch != nil {
		s.scratch.Put(w)
	}
}

// arena hands out zeroed slices from one backing array, a new larger one
// when it is used up: slices handed out earlier keep the old one.
type arena[T any] struct {
	buf  []T
	used int
	need int // elements handed out since the last reset
}

// make returns a zeroed slice of length n and capacity c (c ≥ n): appends
// beyond c allocate, as for any slice.
func (a *arena[T]) make(n, c int) []T {
	a.need += c
	if a.used+c > len(a.buf) {
		a.buf = make([]T, max(c, 2*len(a.buf), 64))
		a.used = 0
	}
	s := a.buf[a.used : a.used+c : a.used+c]
	a.used += c
	clear(s)
	return s[:n]
}

// reset makes the whole arena free again, in one backing array as large
// as the last call needed, and reports whether it is small enough to keep.
func (a *arena[T]) reset() bool {
	need := a.need
	a.used, a.need = 0, 0
	if need > scratchKeep {
		a.buf = nil
		return false
	}
	if need > len(a.buf) {
		a.buf = make([]T, need)
	}
	return true
}
