package sumeval

import (
	"errors"
	"fmt"
	"math"

	"github.com/kabar-id/kabar/summarize"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
	"gonum.org/v1/gonum/stat"
)

// L2 is the ridge penalty of the logistic regression, on standardised
// features: loss = mean log-loss + L2/2·‖w‖².
const L2 = 1e-3

// Train fits a logistic regression of the labels on the feature vectors
// (rows of x, in summarize.FeatureNames order) with L-BFGS from
// gonum/optimize, on standardised features, and returns the weights mapped
// back to raw features.
func Train(x [][]float64, y []float64) (*summarize.Weights, error) {
	n := len(x)
	if n == 0 || n != len(y) {
		return nil, fmt.Errorf("sumeval: train: %d rows, %d labels", len(x), len(y))
	}
	d := len(x[0])
	mean := make([]float64, d)
	sd := make([]float64, d)
	col := make([]float64, n)
	for f := 0; f < d; f++ {
		for i := range x {
			col[i] = x[i][f]
		}
		mean[f], sd[f] = stat.MeanStdDev(col, nil)
		if !(sd[f] > 1e-12) {
			sd[f] = 0 // constant feature: weight 0
		}
	}
	z := make([][]float64, n)
	for i := range x {
		z[i] = make([]float64, d)
		for f := 0; f < d; f++ {
			if sd[f] > 0 {
				z[i][f] = (x[i][f] - mean[f]) / sd[f]
			}
		}
	}
	// Parameters: d weights, then the bias.
	loss := func(p, grad []float64) float64 {
		w, b := p[:d], p[d]
		if grad != nil {
			clear(grad)
		}
		total := 0.0
		for i, zi := range z {
			s := floats.Dot(w, zi) + b
			// log(1+e^s) − y·s, computed stably.
			var l float64
			if s > 0 {
				l = s + math.Log1p(math.Exp(-s))
			} else {
				l = math.Log1p(math.Exp(s))
			}
			yi := y[i]
			total += l - yi*s
			if grad != nil {
				g := 1/(1+math.Exp(-s)) - yi
				floats.AddScaled(grad[:d], g, zi)
				grad[d] += g
			}
		}
		inv := 1 / float64(n)
		total = total*inv + L2/2*floats.Dot(w, w)
		if grad != nil {
			floats.Scale(inv, grad)
			floats.AddScaled(grad[:d], L2, w)
		}
		return total
	}
	prob := optimize.Problem{
		Func: func(p []float64) float64 { return loss(p, nil) },
		Grad: func(g, p []float64) { loss(p, g) },
	}
	res, err := optimize.Minimize(prob, make([]float64, d+1), &optimize.Settings{GradientThreshold: 1e-7, MajorIterations: 1000}, &optimize.LBFGS{})
	if err != nil && !errors.Is(err, optimize.ErrLinesearcherFailure) {
		return nil, fmt.Errorf("sumeval: train: %w", err)
	}
	if res == nil {
		return nil, fmt.Errorf("sumeval: train: no result")
	}
	w, b := res.X[:d], res.X[d]
	names := summarize.FeatureNames()
	m := make(map[string]float64, d)
	for f := 0; f < d; f++ {
		if sd[f] == 0 {
			m[names[f]] = 0
			continue
		}
		m[names[f]] = w[f] / sd[f]
		b -= w[f] * mean[f] / sd[f]
	}
	return summarize.NewWeights(b, m)
}
