package summarize

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// LexRank parameters (Erkan & Radev 2004): edges between sentences whose
// idf-modified cosine similarity is at least lexThreshold, weighted by the
// similarity (continuous LexRank); teleport probability lexDamping; power
// iteration until the L1 change is below lexTol.
const (
	lexThreshold = 0.1
	lexDamping   = 0.15
	lexTol       = 1e-7
	lexMaxIter   = 200
)

// lexRank returns the LexRank centrality of each sentence, scaled so that
// the mean over the graph's nodes is 1. When the text has more than k
// sentences, only the k most similar to the centroid are nodes (ties by text
// order); the others score 0.
func (m *model) lexRank(k int) []float64 {
	if m.lexCache != nil {
		return m.lexCache
	}
	out := m.w.f64.make(m.n, m.n)
	m.lexCache = out
	nodes := m.w.ints.make(m.n, m.n)
	for i := range nodes {
		nodes[i] = i
	}
	if m.n > k {
		slices.SortStableFunc(nodes, func(a, b int) int {
			switch {
			case m.centSim[a] > m.centSim[b]:
				return -1
			case m.centSim[a] < m.centSim[b]:
				return 1
			}
			return 0
		})
		nodes = nodes[:k]
		slices.Sort(nodes)
	}
	g := len(nodes)
	if g == 0 {
		return out
	}
	// Row-stochastic transition matrix of the similarity graph. The
	// similarity is symmetric: each pair is computed once.
	// The matrix and vectors that gonum sums are allocated as they always
	// were: its assembly sums in an order that depends on their 16-byte
	// alignment, which slices from the scratch arena would change.
	t := mat.NewDense(g, g, nil)
	raw := t.RawMatrix()
	m.similarities(nodes, func(a, b int, sim float64) {
		if sim >= lexThreshold {
			raw.Data[a*raw.Stride+b] = sim
			raw.Data[b*raw.Stride+a] = sim
		}
	})
	for a := 0; a < g; a++ {
		row := raw.Data[a*raw.Stride : a*raw.Stride+g]
		if sum := floats.Sum(row); sum > 0 {
			floats.Scale(1/sum, row)
		} else {
			for b := range row {
				row[b] = 1 / float64(g)
			}
		}
	}
	p := mat.NewVecDense(g, nil)
	for a := 0; a < g; a++ {
		p.SetVec(a, 1/float64(g))
	}
	next := mat.NewVecDense(g, nil)
	tele := lexDamping / float64(g)
	for iter := 0; iter < lexMaxIter; iter++ {
		// next = tᵀ·p, as next.MulVec(t.T(), p) computes it, without its
		// checks and allocation.
		blas64.Gemv(blas.Trans, 1, raw, p.RawVector(), 0, next.RawVector())
		nd := next.RawVector().Data
		floats.Scale(1-lexDamping, nd)
		floats.AddConst(tele, nd)
		floats.Scale(1/floats.Sum(nd), nd)
		diff := floats.Distance(nd, p.RawVector().Data, 1)
		p, next = next, p
		if diff < lexTol || math.IsNaN(diff) {
			break
		}
	}
	pd := p.RawVector().Data
	for a, i := range nodes {
		out[i] = pd[a] * float64(g)
	}
	return out
}

// similarities calls f(a, b, sim) for each pair a < b of nodes (indexes
// into nodes) whose sentences share a term, sim their cosine similarity:
// what gather(nodes[b]) returns after scatter(nodes[a]), bit for bit. It
// goes through an inverted index of the terms: sim is the sum, over the
// terms of b in b's order, of the product of a's and b's weights of the
// term, which gather also adds up in that order, with zeros for the terms
// that a lacks (the weights are positive: leaving the zeros out changes no
// sum). Pairs that share no term, of similarity zero, are not visited.
func (m *model) similarities(nodes []int, f func(a, b int, sim float64)) {
	head := m.w.i32.make(m.nTerms, m.nTerms) // 1 + the first posting of each term
	posts := m.w.posts.make(0, len(m.tid))
	acc := m.w.f64.make(len(nodes), len(nodes))
	seen := m.w.i32.make(len(nodes), len(nodes)) // 1 + the last b that touched a
	touched := m.w.i32.make(0, len(nodes))
	for b, j := range nodes {
		tid, tw := m.terms(j)
		for k, t := range tid {
			for p := head[t]; p != 0; {
				e := &posts[p-1]
				if seen[e.node] != int32(b+1) {
					seen[e.node] = int32(b + 1)
					touched = append(touched, e.node)
				}
				acc[e.node] += e.w * tw[k]
				p = e.next
			}
		}
		for _, a := range touched {
			f(int(a), b, acc[a])
			acc[a] = 0
		}
		touched = touched[:0]
		for k, t := range tid {
			posts = append(posts, posting{node: int32(b), next: head[t], w: tw[k]})
			head[t] = int32(len(posts))
		}
	}
}

// posting is one sentence's weight of a term, in the inverted index of
// similarities.
type posting struct {
	node int32   // index in nodes
	next int32   // 1 + the next posting of the term, 0 at the end
	w    float64 // the node's weight of the term
}
