package sumeval

import (
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/kabar-id/kabar/summarize"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

func trainList(x [][]float64, y []float64, groups []int) *summarize.Weights {
	d := len(x[0])
	loss := func(p, grad []float64) float64 {
		w := p[:d]
		if grad != nil {
			clear(grad)
		}
		total := 0.0
		ng := 0
		for g := 0; g+1 < len(groups); g++ {
			a, b := groups[g], groups[g+1]
			pos := 0.0
			for i := a; i < b; i++ {
				pos += y[i]
			}
			if pos == 0 {
				continue
			}
			ng++
			mx := math.Inf(-1)
			s := make([]float64, b-a)
			for i := a; i < b; i++ {
				s[i-a] = floats.Dot(w, x[i])
				mx = max(mx, s[i-a])
			}
			z := 0.0
			for i := range s {
				z += math.Exp(s[i] - mx)
			}
			lz := math.Log(z) + mx
			for i := a; i < b; i++ {
				t := y[i] / pos
				total -= t * (s[i-a] - lz)
				if grad != nil {
					pi := math.Exp(s[i-a] - lz)
					floats.AddScaled(grad[:d], pi-t, x[i])
				}
			}
		}
		total /= float64(ng)
		total += 1e-3 / 2 * floats.Dot(w, w)
		if grad != nil {
			floats.Scale(1/float64(ng), grad)
			floats.AddScaled(grad[:d], 1e-3, w)
		}
		return total
	}
	res, _ := optimize.Minimize(optimize.Problem{Func: func(p []float64) float64 { return loss(p, nil) }, Grad: func(g, p []float64) { loss(p, g) }}, make([]float64, d), &optimize.Settings{GradientThreshold: 1e-7, MajorIterations: 1000}, &optimize.LBFGS{})
	names := summarize.FeatureNames()
	m := map[string]float64{}
	for i := range names {
		m[names[i]] = res.X[i]
	}
	w, _ := summarize.NewWeights(0, m)
	return w
}

func TestZZList(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	arts, _ := ReadFile("../../../../shared/data/indosum/indosum-dev.jsonl")
	s, _ := Preparer()
	docs := Prepare(s, arts)
	for _, alpha := range []float64{0, 0.25, 0.5, 0.75, 1} {
		var point, list acc
		for f := 0; f < Folds; f++ {
			keep := func(k int) bool { return k%Folds != f }
			idf := summarize.LearnIDF(inputs(docs, keep), MinDF)
			fs, _ := summarize.New(summarize.WithIDF(idf))
			var x [][]float64
			var y []float64
			groups := []int{0}
			for k, d := range docs {
				if !keep(k) {
					continue
				}
				x = append(x, fs.Features(d.In)...)
				for _, l := range d.Labels {
					y = append(y, b2f(l))
				}
				groups = append(groups, len(x))
			}
			pw, _ := Train(x, y)
			pw, _ = pw.WithSelection(alpha, 1)
			lw := trainList(x, y, groups)
			lw, _ = lw.WithSelection(alpha, 1)
			ps, _ := summarize.New(summarize.WithIDF(idf), summarize.WithWeights(pw))
			ls, _ := summarize.New(summarize.WithIDF(idf), summarize.WithWeights(lw))
			for k := f; k < len(docs); k += Folds {
				d := docs[k]
				point.add(Score(summaryTokens(ps.Summarize(d.In, summarize.Sentences(3))), d.Ref))
				list.add(Score(summaryTokens(ls.Summarize(d.In, summarize.Sentences(3))), d.Ref))
			}
		}
		fmt.Println("alpha", alpha, point.row("point", ""), list.row("list", ""))
	}
}
