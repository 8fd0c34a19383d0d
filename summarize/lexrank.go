package summarize

import (
	"math"
	"slices"

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
	out := make([]float64, m.n)
	m.lexCache = out
	nodes := make([]int, m.n)
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
	t := mat.NewDense(g, g, nil)
	raw := t.RawMatrix()
	for a, i := range nodes {
		m.scatter(i)
		for b := a + 1; b < g; b++ {
			if sim := m.gather(nodes[b]); sim >= lexThreshold {
				raw.Data[a*raw.Stride+b] = sim
				raw.Data[b*raw.Stride+a] = sim
			}
		}
		m.unscatter(i)
	}
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
		next.MulVec(t.T(), p)
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
