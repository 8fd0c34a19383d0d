package summarize

import (
	"container/heap"
	"math"
)

// greedy is the selection loop that mmr and expectedF1 share: it picks
// sentences one at a time, each the eligible sentence of largest value (the
// earliest on ties), until maxN are picked or none is eligible. A sentence
// is eligible when it is not picked yet, not never, fits in the word budget
// (when ≥ 0), and is not weak while a strong sentence is left unpicked.
// After each pick but the last, maxSim[i] becomes the largest cosine
// similarity of sentence i to a picked sentence; the values read it, and
// must not grow when it does (MMR's penalty only lowers them).
//
// A summary of a few sentences scans every sentence for each pick (scan).
// A long one, such as a ratio of a long text, would take time in the
// square of the sentences that way; lazy picks the same sentences with a
// heap of values, re-evaluating only a sentence that comes to the top with
// a value computed before the last pick (a value that has not changed since
// is the largest, as the others can only have fallen).
type greedy struct {
	m           *model
	weak, never []bool
	maxN        int
	budget      int
	update      bool // keep maxSim (false when the values ignore it)
	maxSim      []float64
	done        []bool
	simAt       []float64 // per pick of the last run: its maxSim when picked

	// The similarities of each picked sentence to every sentence, kept
	// (when the text is short enough) for scan: expectedF1 runs the
	// selection several times, and picks the same sentences more often
	// than not.
	keep bool
	rows map[int][]float64
}

// scanPicks is the number of picks up to which a selection scans.
const scanPicks = 8

// newGreedy returns the selection of up to maxN sentences within budget;
// update says whether the values read maxSim, keepRows whether scan keeps
// the similarities of its picks for the next runs.
func (m *model) newGreedy(weak, never []bool, maxN, budget int, update, keepRows bool) *greedy {
	g := &greedy{m: m, weak: weak, never: never, maxN: maxN, budget: budget, update: update,
		maxSim: m.w.f64.make(m.n, m.n), done: m.w.bools.make(m.n, m.n)}
	g.keep = update && keepRows && m.n <= maxSimRows
	return g
}

// reset readies g for another selection.
func (g *greedy) reset() {
	clear(g.maxSim)
	clear(g.done)
	g.simAt = g.simAt[:0]
}

// run picks the sentences, by scanning when at most scanPicks are wanted.
func (g *greedy) run(value func(i int) float64) []int {
	g.reset()
	if g.maxN <= scanPicks {
		return g.scan(value)
	}
	return g.lazy(value)
}

// strongLeft counts the strong sentences, none picked yet.
func (g *greedy) strongLeft() int {
	n := 0
	for _, w := range g.weak {
		if !w {
			n++
		}
	}
	return n
}

// picked records the pick of best.
func (g *greedy) picked(best int, picked []int, strong, used *int) []int {
	g.done[best] = true
	g.simAt = append(g.simAt, g.maxSim[best])
	if !g.weak[best] {
		*strong--
	}
	*used += g.m.words[best]
	return append(picked, best)
}

// raise raises maxSim to the similarities to sentence p, just picked, as
// scan needs them: for every sentence.
func (g *greedy) raise(p int) {
	m := g.m
	row := g.rows[p]
	if row == nil && g.keep {
		row = m.w.f64.make(m.n, m.n)
		m.scatter(p)
		for i := range row {
			row[i] = m.gather(i)
		}
		m.unscatter(p)
		if g.rows == nil {
			g.rows = make(map[int][]float64, g.maxN)
		}
		g.rows[p] = row
	}
	if row == nil {
		m.scatter(p)
		for i := 0; i < m.n; i++ {
			if !g.done[i] {
				g.maxSim[i] = max(g.maxSim[i], m.gather(i))
			}
		}
		m.unscatter(p)
		return
	}
	for i := 0; i < m.n; i++ {
		if !g.done[i] {
			g.maxSim[i] = max(g.maxSim[i], row[i])
		}
	}
}

// fits reports whether sentence i fits in what is left of the budget.
func (g *greedy) fits(i, used int) bool { return g.budget < 0 || used+g.m.words[i] <= g.budget }

// scan is run for a few picks: each pick scans every sentence.
func (g *greedy) scan(value func(i int) float64) []int {
	picked := make([]int, 0, min(g.maxN, g.m.n))
	strong, used := g.strongLeft(), 0
	for len(picked) < g.maxN {
		best, bestV := -1, math.Inf(-1)
		for i := 0; i < g.m.n; i++ {
			if g.done[i] || g.never[i] || (g.weak[i] && strong > 0) || !g.fits(i, used) {
				continue
			}
			if v := value(i); v > bestV {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		picked = g.picked(best, picked, &strong, &used)
		if g.update && len(picked) < g.maxN {
			g.raise(best)
		}
	}
	return picked
}

// lazy is run for many picks: the same picks as scan from a heap of values
// (see greedy). It keeps maxSim lazily too: a sentence's similarities to
// the sentences picked since its value was computed are taken when it
// comes to the top of the heap, and only to those that share a term with
// it (pickIndex), so that most sentences, which never come to the top
// again, cost nothing per pick. Weak sentences wait in a heap of their own
// until no strong one is left unpicked. A sentence whose value is NaN or
// −Inf, which scan never picks, or that no longer fits in the budget,
// which only shrinks, leaves the heap for good.
func (g *greedy) lazy(value func(i int) float64) []int {
	m := g.m
	picked := make([]int, 0, min(g.maxN, m.n))
	strong, used := g.strongLeft(), 0
	var hs [2]valueHeap // strong, weak
	for i := 0; i < m.n; i++ {
		if g.never[i] {
			continue
		}
		k := 0
		if g.weak[i] {
			k = 1
		}
		hs[k].push(i, value(i))
	}
	heap.Init(&hs[0])
	heap.Init(&hs[1])
	seen := m.w.i32.make(m.n, m.n) // the picks that maxSim[i] and i's value account for
	var ix *pickIndex
	if g.update {
		ix = newPickIndex(m)
	}
	for len(picked) < g.maxN {
		h := &hs[0]
		if strong == 0 {
			h = &hs[1]
		}
		best := -1
		for h.Len() > 0 {
			top := &h.e[0]
			i := int(top.i)
			if !g.fits(i, used) {
				heap.Pop(h)
				continue
			}
			if !g.update || int(seen[i]) == len(picked) {
				best = i
				heap.Pop(h)
				break
			}
			g.maxSim[i] = ix.raise(i, seen[i], g.maxSim[i])
			seen[i] = int32(len(picked))
			v := value(i)
			if math.IsNaN(v) || v == math.Inf(-1) {
				heap.Pop(h)
				continue
			}
			top.v = v
			heap.Fix(h, 0)
		}
		if best < 0 {
			break
		}
		if g.update {
			ix.add(len(picked), best)
		}
		picked = g.picked(best, picked, &strong, &used)
	}
	return picked
}

// pickIndex is lazy's inverted index of the terms of the sentences picked,
// for their similarities to a sentence.
type pickIndex struct {
	m     *model
	head  []int32    // per term: 1 + its newest posting in posts, 0 for none
	posts []pickPost // a posting per term of each pick, each linking to the one before
	// working memory of raise, per pick
	acc     []float64
	stamp   []int32 // 1 + the last raise that touched the pick
	visits  int32
	touched []int32
}

// pickPost is a term's posting of a pick.
type pickPost struct {
	pick int32   // index in picked
	next int32   // 1 + the term's posting of an earlier pick, 0 for none
	w    float64 // the pick's weight of the term
}

func newPickIndex(m *model) *pickIndex {
	return &pickIndex{m: m, head: m.w.i32.make(m.nTerms, m.nTerms),
		acc: m.w.f64.make(m.n, m.n), stamp: m.w.i32.make(m.n, m.n)}
}

// add adds the terms of sentence s, the k-th pick.
func (x *pickIndex) add(k, s int) {
	tid, tw := x.m.terms(s)
	for j, t := range tid {
		x.posts = append(x.posts, pickPost{pick: int32(k), next: x.head[t], w: tw[j]})
		x.head[t] = int32(len(x.posts))
	}
}

// raise returns cur raised to the similarities of sentence i to the picks
// from the from-th on that share a term with it, as greedy.raise computes
// them (gather(i) after scatter of the pick), bit for bit: the sum over
// i's terms, in i's order, of the products of the two weights, as in
// similarities (the terms the pick lacks add zeros, which change no sum).
func (x *pickIndex) raise(i int, from int32, cur float64) float64 {
	x.visits++
	tid, tw := x.m.terms(i)
	for k, t := range tid {
		for q := x.head[t]; q != 0; {
			pp := &x.posts[q-1]
			if pp.pick < from {
				break // the older picks are accounted for
			}
			if x.stamp[pp.pick] != x.visits {
				x.stamp[pp.pick] = x.visits
				x.acc[pp.pick] = 0
				x.touched = append(x.touched, pp.pick)
			}
			x.acc[pp.pick] += pp.w * tw[k]
			q = pp.next
		}
	}
	for _, p := range x.touched {
		cur = max(cur, x.acc[p])
	}
	x.touched = x.touched[:0]
	return cur
}

// valueHeap is a max-heap of sentences by value, the earliest first on
// ties.
type valueHeap struct{ e []valued }

type valued struct {
	i int32
	v float64
}

// push appends without keeping the heap order (heap.Init restores it);
// NaN and −Inf values, never picked, are left out.
func (h *valueHeap) push(i int, v float64) {
	if math.IsNaN(v) || v == math.Inf(-1) {
		return
	}
	h.e = append(h.e, valued{int32(i), v})
}

func (h *valueHeap) Len() int { return len(h.e) }
func (h *valueHeap) Less(a, b int) bool {
	x, y := h.e[a], h.e[b]
	return x.v > y.v || x.v == y.v && x.i < y.i
}
func (h *valueHeap) Swap(a, b int) { h.e[a], h.e[b] = h.e[b], h.e[a] }
func (h *valueHeap) Push(x any)    { h.e = append(h.e, x.(valued)) }
func (h *valueHeap) Pop() any {
	x := h.e[len(h.e)-1]
	h.e = h.e[:len(h.e)-1]
	return x
}
