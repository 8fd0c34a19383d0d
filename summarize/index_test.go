package summarize

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// validTermRef is the definition validTerm implements in one pass.
func validTermRef(term string) bool {
	letter := false
	for _, r := range term {
		letter = letter || unicode.IsLetter(r)
	}
	return utf8.RuneCountInString(term) >= 2 && letter && !strings.ContainsAny(term, " \t\n\r")
}

// TestValidTerm: two runes or more, a letter, no white space.
func TestValidTerm(t *testing.T) {
	for _, c := range []struct {
		term string
		want bool
	}{
		{"", false}, {"a", false}, {"ab", true}, {"a1", true}, {"12", false}, {"é", false}, {"éa", true},
		{"1é", true}, {"a b", false}, {"ab\t", false}, {"ab\n", false}, {"ab\r", false}, {"4g", true},
		{"\xffa", true}, {"\xff\xff", false}, {"日本", true}, {"--", false}, {"a\u00a0", true}, {"١٢", false},
	} {
		if got := validTerm(c.term); got != c.want || got != validTermRef(c.term) {
			t.Errorf("validTerm(%q) = %v, want %v (reference %v)", c.term, got, c.want, validTermRef(c.term))
		}
	}
}

// FuzzValidTerm: validTerm agrees with its definition on any string.
func FuzzValidTerm(f *testing.F) {
	for _, s := range []string{"ab", "a b", "\xffa", "日本", "1é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validTerm(s) != validTermRef(s) {
			t.Errorf("validTerm(%q) = %v, definition says %v", s, validTerm(s), validTermRef(s))
		}
	})
}

// TestSimilaritiesMatchGather: the inverted index gives every pair's
// similarity bit for bit as scatter and gather do, and skips only pairs
// of similarity zero.
func TestSimilaritiesMatchGather(t *testing.T) {
	s := newT(t)
	for _, text := range []string{seedText(t), article600(t), bigDocument(t, 300)} {
		m := s.model(s.Prepare(text))
		nodes := make([]int, m.n)
		for i := range nodes {
			nodes[i] = i
		}
		got := map[[2]int]float64{}
		m.similarities(nodes, func(a, b int, sim float64) { got[[2]int{a, b}] = sim })
		for a := range nodes {
			m.scatter(a)
			for b := a + 1; b < m.n; b++ {
				want := m.gather(b)
				sim, ok := got[[2]int{a, b}]
				if !ok && want != 0 || ok && math.Float64bits(sim) != math.Float64bits(want) {
					t.Fatalf("sentences %d, %d: similarity %v (visited %v), gather says %v", a, b, sim, ok, want)
				}
			}
			m.unscatter(a)
		}
	}
}

// TestIdfTab: every term added is found with its weight, short or long,
// and others are not.
func TestIdfTab(t *testing.T) {
	tab := newIdfTab(1000)
	want := map[string]float64{}
	for i := 0; i < 1000; i++ {
		term := strings.Repeat("ab", i%15) + string(rune('a'+i%26)) + strconv.Itoa(i)
		want[term] = float64(i) / 7
		tab.add(term, strHash(term), want[term])
	}
	for term, w := range want {
		if got, ok := tab.find(term, strHash(term)); !ok || got != w {
			t.Errorf("find(%q) = %v, %v; want %v", term, got, ok, w)
		}
		if _, ok := tab.find(term+"x", strHash(term+"x")); ok {
			t.Errorf("find(%q) found a term never added", term+"x")
		}
	}
}

// TestScoreNonzero: the units side by side over the non-zero features
// give σ(logit) bit for bit as Score does.
func TestScoreNonzero(t *testing.T) {
	w, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	x := make([]float64, numFeatures)
	for trial := 0; trial < 10000; trial++ {
		var nz []int
		for f := range x {
			x[f] = 0
			if r.IntN(2) == 0 {
				x[f] = r.NormFloat64() * math.Pow(10, float64(r.IntN(7)-3))
				nz = append(nz, f)
			}
		}
		sig := func(s float64) float64 { return 1 / (1 + math.Exp(-s)) }
		if got, want := sig(w.scoreNonzero(x, nz)), sig(w.Score(x)); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("x %v: σ %v, Score gives %v", x, got, want)
		}
	}
}
