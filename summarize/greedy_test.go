package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestGreedyMatchesReference: the selection of greedy.go, by scanning and
// lazily from a heap, picks what the scanning loops of mmr and expectedF1
// picked before it (kept below as mmrRef and expectedF1Ref), on random
// texts of many similar sentences with tied, NaN and infinite values,
// budgets and every lambda kind. It fails if a tie goes another way, if a
// similarity update is missed, or if the weak, never or budget rules
// change.
func TestGreedyMatchesReference(t *testing.T) {
	s := newT(t)
	r := rand.New(rand.NewPCG(7, 11))
	trials := 400
	if testing.Short() {
		trials = 100
	}
	for trial := range trials {
		in := s.Prepare(randomText(r, 1+r.IntN(90)))
		m := s.model(in)
		if m.n == 0 {
			continue
		}
		words := 0
		for _, w := range m.words {
			words += w
		}
		vals := make([]float64, m.n)
		for i := range vals {
			switch x := r.IntN(40); {
			case x == 0:
				vals[i] = math.NaN()
			case x == 1:
				vals[i] = math.Inf(1)
			case x == 2:
				vals[i] = math.Inf(-1)
			default:
				vals[i] = float64(r.IntN(6)) / 5 // ties
			}
		}
		if trial%3 == 0 {
			for i := range vals {
				vals[i] = r.Float64()
			}
		}
		for _, lambda := range []float64{0, 0.35, 0.7, 1} {
			maxN := 1 + r.IntN(m.n+2)
			if r.IntN(2) == 0 {
				maxN = 1 + r.IntN(scanPicks+3) // the scanning selection, and just past it
			}
			budget := -1
			if r.IntN(2) == 0 {
				budget = r.IntN(words + 1)
			}
			if got, want := m.mmr(vals, lambda, maxN, budget), m.mmrRef(vals, lambda, maxN, budget); !slices.Equal(got, want) {
				t.Fatalf("trial %d, mmr(λ=%v, maxN=%d, budget=%d) on %d sentences = %v, want %v", trial, lambda, maxN, budget, m.n, got, want)
			}
			p := make([]float64, m.n)
			for i, v := range vals {
				p[i] = math.Abs(v) / 2 // probabilities, NaN and +Inf kept
			}
			refLen := float64(r.IntN(60))
			if got, want := m.expectedF1(p, lambda, refLen, maxN, budget), m.expectedF1Ref(p, lambda, refLen, maxN, budget); !slices.Equal(got, want) {
				t.Fatalf("trial %d, expectedF1(λ=%v, maxN=%d, budget=%d) on %d sentences = %v, want %v", trial, lambda, maxN, budget, m.n, got, want)
			}
			// the lazy selection alone, also for a few picks
			weak, never := m.weak()
			g := m.newGreedy(weak, never, maxN, budget, true, r.IntN(2) == 0)
			value := func(i int) float64 { return lambda*vals[i] - (1-lambda)*g.maxSim[i] }
			g.reset()
			scan := g.scan(value)
			g.reset()
			if lazy := g.lazy(value); !slices.Equal(lazy, scan) {
				t.Fatalf("trial %d, λ=%v, maxN=%d, budget=%d: lazy picked %v, scan %v", trial, lambda, maxN, budget, lazy, scan)
			}
		}
	}
}

// randomText returns n sentences over a small vocabulary, so that many
// share terms: some short (weak), some headlines alone in their paragraph,
// sometimes a dateline first.
func randomText(r *rand.Rand, n int) string {
	words := strings.Fields("pemerintah harga beras naik pasar warga bank bunga kredit presiden menteri rapat banjir hujan sungai jalan sekolah guru siswa ujian kota desa listrik air laut kapal ikan petani panen pupuk")
	var b strings.Builder
	if r.IntN(4) == 0 {
		b.WriteString("JAKARTA, KOMPAS.com - ")
	}
	for i := range n {
		k := 1 + r.IntN(12)
		if r.IntN(8) == 0 {
			k = 1 + r.IntN(3)
		}
		for j := range k {
			w := words[r.IntN(len(words))]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
		switch r.IntN(10) {
		case 0:
			b.WriteString("\n\n") // a headline, alone
		case 1:
			b.WriteString(".\n\n")
		default:
			b.WriteString(". ")
		}
		_ = i
	}
	return b.String()
}

func (m *model) mmrRef(rel []float64, lambda float64, maxN, budget int) []int {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range rel {
		lo, hi = min(lo, v), max(hi, v)
	}
	span := hi - lo
	norm := m.w.f64.make(m.n, m.n)
	if span > 0 && !math.IsInf(span, 0) && !math.IsNaN(span) {
		for i, v := range rel {
			norm[i] = (v - lo) / span
		}
	}
	maxSim := m.w.f64.make(m.n, m.n)
	done := m.w.bools.make(m.n, m.n)
	picked := make([]int, 0, min(maxN, m.n))
	used := 0
	weak, never := m.weak()
	strong := 0 // strong sentences not picked yet
	for _, w := range weak {
		if !w {
			strong++
		}
	}
	for len(picked) < maxN {
		best, bestV := -1, math.Inf(-1)
		for i := 0; i < m.n; i++ {
			if done[i] || never[i] || (weak[i] && strong > 0) {
				continue
			}
			if budget >= 0 && used+m.words[i] > budget {
				continue
			}
			v := lambda*norm[i] - (1-lambda)*maxSim[i]
			if v > bestV {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		done[best] = true
		if !weak[best] {
			strong--
		}
		used += m.words[best]
		picked = append(picked, best)
		if len(picked) == maxN {
			break
		}
		m.scatter(best)
		for i := 0; i < m.n; i++ {
			if !done[i] {
				maxSim[i] = max(maxSim[i], m.gather(i))
			}
		}
		m.unscatter(best)
	}
	slices.Sort(picked)
	return picked
}

func (m *model) expectedF1Ref(p []float64, lambda, refLen float64, maxN, budget int) []int {
	weak, never := m.weak()
	strongN := 0
	for _, w := range weak {
		if !w {
			strongN++
		}
	}
	maxSim := m.w.f64.make(m.n, m.n)
	done := m.w.bools.make(m.n, m.n)
	sims := make(map[int][]float64, maxN)
	pick := func(t float64) ([]int, float64) {
		clear(maxSim)
		clear(done)
		picked := make([]int, 0, min(maxN, m.n))
		strong, used := strongN, 0
		num, den := 0.0, refLen
		for len(picked) < maxN {
			best, bestV, bestA := -1, math.Inf(-1), 0.0
			for i := 0; i < m.n; i++ {
				if done[i] || never[i] || (weak[i] && strong > 0) || (budget >= 0 && used+m.words[i] > budget) {
					continue
				}
				w := float64(m.words[i])
				a := p[i] * w * (1 - (1-lambda)*maxSim[i])
				if v := a - t*w; v > bestV {
					best, bestV, bestA = i, v, a
				}
			}
			if best < 0 {
				break
			}
			done[best] = true
			if !weak[best] {
				strong--
			}
			used += m.words[best]
			num += bestA
			den += float64(m.words[best])
			picked = append(picked, best)
			if lambda < 1 && len(picked) < maxN {
				// The similarities of a picked sentence to all others,
				// kept: the next rounds of Dinkelbach's method pick the
				// same sentences more often than not.
				// (Long texts compute them each time, as rows of all
				// their sentences would take much memory.)
				row := sims[best]
				if row == nil && m.n <= maxSimRows {
					row = m.w.f64.make(m.n, m.n)
					m.scatter(best)
					for i := range row {
						row[i] = m.gather(i)
					}
					m.unscatter(best)
					sims[best] = row
				}
				if row == nil {
					m.scatter(best)
					for i := 0; i < m.n; i++ {
						if !done[i] {
							maxSim[i] = max(maxSim[i], m.gather(i))
						}
					}
					m.unscatter(best)
				}
				for i := 0; row != nil && i < m.n; i++ {
					if !done[i] {
						maxSim[i] = max(maxSim[i], row[i])
					}
				}
			}
		}
		if den <= 0 {
			return picked, 0
		}
		return picked, num / den
	}
	picked, t := pick(0)
	for iter := 0; iter < 20; iter++ {
		next, nt := pick(t)
		if !(nt > t+1e-12) {
			break
		}
		picked, t = next, nt
	}
	slices.Sort(picked)
	return picked
}

// TestGreedyMatchesReferenceIndoSum: on 512 KB of IndoSum articles joined
// into one text (4,110 sentences), the selections pick what the old
// loops pick for summaries that grow with the text, by each method's own
// scores. Skipped without ../shared.
func TestGreedyMatchesReferenceIndoSum(t *testing.T) {
	text := longText(t, 512<<10)
	for _, method := range []Method{Learned, TFIDF, LexRank} {
		s := newT(t, WithMethod(method))
		in := s.Prepare(text)
		m := s.model(in)
		rel := s.scores(m)
		for _, l := range []Length{Ratio(0.2), Words(len(text) / 40), Sentences(20)} {
			maxN, budget := l.limits(m.n)
			var got, want []int
			if method == Learned {
				got, want = m.expectedF1(rel, s.lambda, s.weights.refLen, maxN, budget), m.expectedF1Ref(rel, s.lambda, s.weights.refLen, maxN, budget)
			} else {
				got, want = m.mmr(rel, s.lambda, maxN, budget), m.mmrRef(rel, s.lambda, maxN, budget)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%v, %v on %d sentences: picked %d sentences, the old loops %d; first difference at %d", method, l, m.n, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

func firstDiff(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
