package summarize

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTopK: topK gives the first k of the full sort of the phrases and
// terms by byScore (the old way, with pdqsort), also when a phrase ties
// with the term of its last word.
func TestTopK(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 2000; trial++ {
		nt := 1 + r.IntN(40)
		x := &index{idf: make([]float64, nt), start: []int{0, 50, 120, 200}}
		for i := range x.idf {
			x.idf[i] = float64(1 + r.IntN(4)) // few distinct values: ties in score
		}
		uni := make([]kwUni, nt)
		for i := range uni {
			uni[i] = kwUni{count: 1 + r.IntN(5), first: i * 3}
			if r.IntN(4) == 0 {
				uni[i].claimed = r.IntN(uni[i].count + 1)
			}
		}
		var cands []kwTerm
		for c := 0; c < r.IntN(5); c++ {
			a, b := int32(r.IntN(nt)), int32(r.IntN(nt))
			p := kwTerm{ids: [maxPhrase]int32{a, b}, n: 2, count: 2, first: 1000 + c}
			if r.IntN(2) == 0 { // first seen where its last word was
				p.first = uni[b].first
			}
			p.score = float64(p.count) * (x.idf[a] + x.idf[b])
			cands = append(cands, p)
		}
		k := 1 + r.IntN(12)
		var want []kwRank
		for c := range cands {
			want = append(want, kwRank{score: cands[c].score, first: cands[c].first, i: int32(c)})
		}
		for id := range uni {
			if c := uni[id].count - uni[id].claimed; c > 0 {
				want = append(want, kwRank{score: float64(c) * x.idf[id], first: uni[id].first, i: ^int32(id)})
			}
		}
		slices.SortFunc(want, byScore)
		want = want[:min(k, len(want))]
		if got := topK(cands, uni, x, k); !slices.Equal(got, want) {
			t.Fatalf("trial %d: topK\n%v\nwant\n%v", trial, got, want)
		}
	}
}
