package summarize

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kabar-id/kabar/internal/readerr"
)

// Weights are the parameters of the Learned method, a small neural network
// with a linear part: a sentence's logit is
//
//	Bias + Σ weight(f)·x(f) + Σ_units Out·tanh(Bias_u + Σ W_u(f)·x(f))
//
// over the features x named by FeatureNames; σ(logit), σ the logistic
// function, is the probability p that the sentence belongs in the summary.
// Sentences are then picked to maximise the expected ROUGE-1 F1 (see
// RefLen and Lambda). Without units it is a logistic regression.
// Weights are immutable.
type Weights struct {
	bias   float64
	w      []float64 // aligned with featureNames
	units  []Unit    // hidden units, each with len(w) weights
	refLen float64
	lambda float64
	// The units' weights feature by feature: unitW[f*len(units)+u] is
	// units[u].W[f], so that scoreNonzero runs the units side by side.
	unitW []float64
}

// Unit is a hidden unit of the Learned model: it adds
// Out·tanh(Bias + Σ W[f]·feature(f)) to a sentence's logit, W in the order
// of FeatureNames.
type Unit struct {
	Out, Bias float64
	W         []float64
}

// NewWeights returns weights with the given bias and one weight per feature
// name. Features missing from w weigh 0; unknown names are an error.
func NewWeights(bias float64, w map[string]float64) (*Weights, error) {
	out := &Weights{bias: bias, w: make([]float64, numFeatures), lambda: 1}
	for name, v := range w {
		i := featureIndex(name)
		if i < 0 {
			return nil, fmt.Errorf("%w: unknown feature %q", ErrBadWeights, name)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: feature %q has weight %v", ErrBadWeights, name, v)
		}
		out.w[i] = v
	}
	if math.IsNaN(bias) || math.IsInf(bias, 0) {
		return nil, fmt.Errorf("%w: bias %v", ErrBadWeights, bias)
	}
	return out, nil
}

// WithSelection returns a copy of w with the reference length refLen (in
// words, ≥ 0) and the redundancy trade-off lambda (in [0, 1]).
func (w *Weights) WithSelection(refLen, lambda float64) (*Weights, error) {
	if !(refLen >= 0 && refLen <= 1e6) {
		return nil, fmt.Errorf("%w: reflen %v not in [0, 1e6]", ErrBadWeights, refLen)
	}
	if !(lambda >= 0 && lambda <= 1) {
		return nil, fmt.Errorf("%w: lambda %v not in [0, 1]", ErrBadWeights, lambda)
	}
	c := *w
	c.refLen, c.lambda = refLen, lambda
	return &c, nil
}

// WithUnits returns a copy of w with the given hidden units.
func (w *Weights) WithUnits(units []Unit) (*Weights, error) {
	c := *w
	c.units = make([]Unit, len(units))
	for i, u := range units {
		if len(u.W) != numFeatures {
			return nil, fmt.Errorf("%w: unit %d has %d weights, want %d", ErrBadWeights, i, len(u.W), numFeatures)
		}
		for _, v := range append([]float64{u.Out, u.Bias}, u.W...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("%w: unit %d has weight %v", ErrBadWeights, i, v)
			}
		}
		c.units[i] = Unit{Out: u.Out, Bias: u.Bias, W: slices.Clone(u.W)}
	}
	c.unitW = make([]float64, numFeatures*len(units))
	for u, unit := range c.units {
		for f, v := range unit.W {
			c.unitW[f*len(units)+u] = v
		}
	}
	return &c, nil
}

// Units returns the number of hidden units.
func (w *Weights) Units() int { return len(w.units) }

// RefLen returns the expected length of a reference summary, in words, of
// the expected-F1 selection: the Learned method picks the sentences S that
// maximise Σ p·words / (Σ words + RefLen) over S.
func (w *Weights) RefLen() float64 { return w.refLen }

// Lambda returns the redundancy trade-off the Learned method uses unless the
// Summarizer was built WithLambda: the expected matches p·words of a
// sentence are discounted by (1−Lambda)·(its largest cosine similarity to a
// sentence already picked), as in MMR.
func (w *Weights) Lambda() float64 { return w.lambda }

// Bias returns the intercept.
func (w *Weights) Bias() float64 { return w.bias }

// Weight returns the weight of the named feature (0 for unknown names).
func (w *Weights) Weight(name string) float64 {
	if i := featureIndex(name); i >= 0 {
		return w.w[i]
	}
	return 0
}

// Score returns the logit of a sentence's relevance for its feature vector
// x, in the order of FeatureNames.
func (w *Weights) Score(x []float64) float64 {
	x = x[:min(len(x), len(w.w))]
	s := w.bias
	for i, v := range x {
		s += w.w[i] * v
	}
	for _, u := range w.units {
		a := u.Bias
		for i, v := range x {
			a += u.W[i] * v
		}
		s += u.Out * math.Tanh(a)
	}
	return s
}

// scoreNonzero is Score(x), nz the indexes below len(w.w) of the
// features that are not zero: the zero features are left out of the sums,
// which, the weights being finite (NewWeights and WithUnits see to it),
// changes no sum but the sign of a zero, and so no σ(logit). The units run
// side by side, each adding its terms in the order Score does.
func (w *Weights) scoreNonzero(x []float64, nz []int) float64 {
	s := w.bias
	for _, i := range nz {
		s += w.w[i] * x[i]
	}
	nu := len(w.units)
	var buf [16]float64
	if nu > len(buf) {
		for _, u := range w.units {
			a := u.Bias
			for _, i := range nz {
				a += u.W[i] * x[i]
			}
			s += u.Out * math.Tanh(a)
		}
		return s
	}
	a := buf[:nu]
	for u := range a {
		a[u] = w.units[u].Bias
	}
	for _, i := range nz {
		xi := x[i]
		row := w.unitW[i*nu : i*nu+nu]
		for u := range a {
			a[u] += row[u] * xi
		}
	}
	for u := range a {
		s += w.units[u].Out * math.Tanh(a[u])
	}
	return s
}

// Write writes the weights as text: header lines as "# " comments, then
// "reflen V", "lambda V", "bias V", one "feature V" line per feature in
// FeatureNames order, and one "unit OUT BIAS W..." line per hidden unit
// with its weights in FeatureNames order.
func (w *Weights) Write(wr io.Writer, header []string) error {
	bw := bufio.NewWriter(wr)
	writeHeader(bw, header)
	fmt.Fprintf(bw, "reflen %s\nlambda %s\n", ff(w.refLen), ff(w.lambda))
	fmt.Fprintf(bw, "bias %s\n", ff(w.bias))
	for i, name := range featureNames {
		fmt.Fprintf(bw, "%s %s\n", name, ff(w.w[i]))
	}
	for _, u := range w.units {
		fmt.Fprintf(bw, "unit %s %s", ff(u.Out), ff(u.Bias))
		for _, v := range u.W {
			fmt.Fprintf(bw, " %s", ff(v))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// ff formats a weight exactly (the shortest form that reads back the same).
func ff(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// ReadWeights reads weights in the format written by Weights.Write. Every
// feature must be present once, so that a stale file is caught.
func ReadWeights(r io.Reader) (_ *Weights, err error) {
	rr := &readerr.Reader{R: r}
	defer rr.Fix(&err, "%w: reading: %w", ErrBadWeights)
	sc := bufio.NewScanner(rr)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	m := map[string]float64{}
	var units []Unit
	bias, hasBias := 0.0, false
	sel := map[string]float64{}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		name, num, ok := strings.Cut(s, " ")
		if name == "unit" {
			f := strings.Fields(num)
			u := Unit{W: make([]float64, 0, len(f))}
			for k, x := range f {
				v, err := strconv.ParseFloat(x, 64)
				if err != nil {
					return nil, fmt.Errorf("%w: line %d: bad number %q", ErrBadWeights, line, x)
				}
				switch k {
				case 0:
					u.Out = v
				case 1:
					u.Bias = v
				default:
					u.W = append(u.W, v)
				}
			}
			if len(f) != numFeatures+2 {
				return nil, fmt.Errorf("%w: line %d: unit has %d numbers, want %d", ErrBadWeights, line, len(f), numFeatures+2)
			}
			units = append(units, u)
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%w: line %d: want \"name value\", got %q", ErrBadWeights, line, s)
		}
		if name == "reflen" || name == "lambda" {
			if _, dup := sel[name]; dup {
				return nil, fmt.Errorf("%w: line %d: duplicate %s", ErrBadWeights, line, name)
			}
			sel[name] = v
			continue
		}
		if name == "bias" {
			if hasBias {
				return nil, fmt.Errorf("%w: line %d: duplicate bias", ErrBadWeights, line)
			}
			bias, hasBias = v, true
			continue
		}
		if featureIndex(name) < 0 {
			return nil, fmt.Errorf("%w: line %d: unknown feature %q", ErrBadWeights, line, name)
		}
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("%w: line %d: duplicate feature %q", ErrBadWeights, line, name)
		}
		m[name] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %w", ErrBadWeights, line+1, err)
	}
	if !hasBias {
		return nil, fmt.Errorf("%w: no bias line", ErrBadWeights)
	}
	for _, name := range featureNames {
		if _, ok := m[name]; !ok {
			return nil, fmt.Errorf("%w: feature %q missing", ErrBadWeights, name)
		}
	}
	for _, name := range []string{"reflen", "lambda"} {
		if _, ok := sel[name]; !ok {
			return nil, fmt.Errorf("%w: no %s line", ErrBadWeights, name)
		}
	}
	w, err := NewWeights(bias, m)
	if err != nil {
		return nil, err
	}
	if w, err = w.WithUnits(units); err != nil {
		return nil, err
	}
	return w.WithSelection(sel["reflen"], sel["lambda"])
}

//go:embed weights.txt
var weightsText string

var defaultWeights = sync.OnceValues(func() (*Weights, error) {
	w, err := ReadWeights(strings.NewReader(weightsText))
	if err != nil {
		return nil, fmt.Errorf("embedded weights.txt: %w", err)
	}
	return w, nil
})

// DefaultWeights returns the embedded weights of the Learned method, learned
// from the IndoSum oracle labels (see the package documentation).
func DefaultWeights() (*Weights, error) { return defaultWeights() }
