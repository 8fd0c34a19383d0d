package sumeval

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/kabar-id/kabar/summarize"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
	"gonum.org/v1/gonum/stat"
)

// Training settings of the Learned model: Hidden tanh units beside the
// linear part, an L2 penalty on all weights but the output bias (on
// standardised features: loss = mean log-loss + L2/2·‖w‖²), L-BFGS for at
// most MaxIter iterations from a fixed pseudo-random start (so training is
// deterministic).
const (
	Hidden  = 8
	L2      = 1e-3
	MaxIter = 400
	initSD  = 0.1
)

// Train fits the Learned model to the labels y (in [0, 1]) of the feature
// vectors x (rows, in summarize.FeatureNames order) by minimising the
// log-loss with L-BFGS from gonum/optimize, on standardised features, and
// returns the weights mapped back to raw features. With hidden = 0 it is a
// logistic regression.
func Train(x [][]float64, y []float64, hidden int) (*summarize.Weights, error) {
	n := len(x)
	if n == 0 || n != len(y) {
		return nil, fmt.Errorf("sumeval: train: %d rows, %d labels", len(x), len(y))
	}
	d := len(x[0])
	if d != len(summarize.FeatureNames()) {
		return nil, fmt.Errorf("sumeval: train: %d features, want %d", d, len(summarize.FeatureNames()))
	}
	h := hidden
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
	z := mat.NewDense(n, d, nil)
	for i := range x {
		for f := 0; f < d; f++ {
			if sd[f] > 0 {
				z.Set(i, f, (x[i][f]-mean[f])/sd[f])
			}
		}
	}
	// Parameters: W1 (h×d), b1 (h), w2 (h), wlin (d), b.
	oW1, ob1, ow2, olin, ob := 0, h*d, h*d+h, h*d+2*h, h*d+2*h+d
	np := ob + 1
	var (
		a    = mat.NewDense(n, max(h, 1), nil)
		s    = mat.NewVecDense(n, nil)
		g    = mat.NewVecDense(n, nil)
		tmpN = mat.NewVecDense(n, nil)
	)
	loss := func(p, grad []float64) float64 {
		lin := mat.NewVecDense(d, p[olin:ob])
		s.MulVec(z, lin)
		if h > 0 {
			w1 := mat.NewDense(h, d, p[oW1:ob1])
			a.Mul(z, w1.T())
			ar := a.RawMatrix()
			for i := 0; i < n; i++ {
				row := ar.Data[i*ar.Stride : i*ar.Stride+h]
				for j := range row {
					row[j] = math.Tanh(row[j] + p[ob1+j])
				}
			}
			tmpN.MulVec(a, mat.NewVecDense(h, p[ow2:olin]))
			s.AddVec(s, tmpN)
		}
		total := 0.0
		sd, gd := s.RawVector().Data, g.RawVector().Data
		for i := 0; i < n; i++ {
			si := sd[i] + p[ob]
			if si > 0 {
				total += si + math.Log1p(math.Exp(-si))
			} else {
				total += math.Log1p(math.Exp(si))
			}
			total -= y[i] * si
			gd[i] = (1/(1+math.Exp(-si)) - y[i]) / float64(n)
		}
		reg := floats.Dot(p[:ob], p[:ob])
		if grad != nil {
			clear(grad)
			grad[ob] = floats.Sum(gd)
			mat.NewVecDense(d, grad[olin:ob]).MulVec(z.T(), g)
			if h > 0 {
				mat.NewVecDense(h, grad[ow2:olin]).MulVec(a.T(), g)
				// Back through tanh: ga[i][j] = g[i]·w2[j]·(1−a[i][j]²).
				ar := a.RawMatrix()
				for i := 0; i < n; i++ {
					row := ar.Data[i*ar.Stride : i*ar.Stride+h]
					for j, v := range row {
						row[j] = gd[i] * p[ow2+j] * (1 - v*v)
					}
				}
				mat.NewDense(h, d, grad[oW1:ob1]).Mul(a.T(), z)
				for j := 0; j < h; j++ {
					sum := 0.0
					for i := 0; i < n; i++ {
						sum += ar.Data[i*ar.Stride+j]
					}
					grad[ob1+j] = sum
				}
			}
			floats.AddScaled(grad[:ob], L2, p[:ob])
		}
		return total/float64(n) + L2/2*reg
	}
	p0 := make([]float64, np)
	r := rand.New(rand.NewPCG(1, 2))
	for i := oW1; i < ob1; i++ {
		p0[i] = r.NormFloat64() * initSD
	}
	for i := ow2; i < olin; i++ {
		p0[i] = r.NormFloat64() * initSD
	}
	prob := optimize.Problem{
		Func: func(p []float64) float64 { return loss(p, nil) },
		Grad: func(gr, p []float64) { loss(p, gr) },
	}
	res, err := optimize.Minimize(prob, p0, &optimize.Settings{GradientThreshold: 1e-6, MajorIterations: MaxIter}, &optimize.LBFGS{})
	if err != nil && !errors.Is(err, optimize.ErrLinesearcherFailure) {
		return nil, fmt.Errorf("sumeval: train: %w", err)
	}
	if res == nil {
		return nil, fmt.Errorf("sumeval: train: no result")
	}
	p := res.X
	// Map back to raw features: v·(x−μ)/σ = (v/σ)·x − v·μ/σ.
	raw := func(v []float64) ([]float64, float64) {
		out := make([]float64, d)
		shift := 0.0
		for f := 0; f < d; f++ {
			if sd[f] > 0 {
				out[f] = v[f] / sd[f]
				shift -= v[f] * mean[f] / sd[f]
			}
		}
		return out, shift
	}
	lin, shift := raw(p[olin:ob])
	names := summarize.FeatureNames()
	m := make(map[string]float64, d)
	for f, name := range names {
		m[name] = lin[f]
	}
	w, err := summarize.NewWeights(p[ob]+shift, m)
	if err != nil {
		return nil, err
	}
	units := make([]summarize.Unit, h)
	for j := 0; j < h; j++ {
		wj, sh := raw(p[oW1+j*d : oW1+(j+1)*d])
		units[j] = summarize.Unit{Out: p[ow2+j], Bias: p[ob1+j] + sh, W: wj}
	}
	return w.WithUnits(units)
}
