package summarize

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
)

// Weights are the parameters of the Learned method: a sentence's relevance
// is σ(Bias + Σ weight(f)·feature(f)) · (words+1)^Alpha over the features
// named by FeatureNames, σ the logistic function; sentences are then picked
// by MMR with Lambda. Weights are immutable.
type Weights struct {
	bias   float64
	w      []float64 // aligned with featureNames
	alpha  float64
	lambda float64
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

// WithSelection returns a copy of w with the length exponent alpha (≥ 0) and
// the MMR trade-off lambda (in [0, 1]).
func (w *Weights) WithSelection(alpha, lambda float64) (*Weights, error) {
	if !(alpha >= 0 && alpha <= 10) {
		return nil, fmt.Errorf("%w: alpha %v not in [0, 10]", ErrBadWeights, alpha)
	}
	if !(lambda >= 0 && lambda <= 1) {
		return nil, fmt.Errorf("%w: lambda %v not in [0, 1]", ErrBadWeights, lambda)
	}
	c := *w
	c.alpha, c.lambda = alpha, lambda
	return &c, nil
}

// Alpha returns the length exponent: relevance is multiplied by (words+1)^Alpha.
func (w *Weights) Alpha() float64 { return w.alpha }

// Lambda returns the MMR trade-off the Learned method uses unless the
// Summarizer was built WithLambda.
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

// Score returns Bias + Σ weight·x for a feature vector x in the order of
// FeatureNames (the logit of the sentence's relevance).
func (w *Weights) Score(x []float64) float64 {
	s := w.bias
	for i, v := range x[:min(len(x), len(w.w))] {
		s += w.w[i] * v
	}
	return s
}

// Write writes the weights as text: header lines as "# " comments, then
// "alpha V", "lambda V", "bias V" and one "feature V" line per feature in
// FeatureNames order.
func (w *Weights) Write(wr io.Writer, header []string) error {
	bw := bufio.NewWriter(wr)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintf(bw, "alpha %s\nlambda %s\n", strconv.FormatFloat(w.alpha, 'f', -1, 64), strconv.FormatFloat(w.lambda, 'f', -1, 64))
	fmt.Fprintf(bw, "bias %s\n", strconv.FormatFloat(w.bias, 'f', 6, 64))
	for i, name := range featureNames {
		fmt.Fprintf(bw, "%s %s\n", name, strconv.FormatFloat(w.w[i], 'f', 6, 64))
	}
	return bw.Flush()
}

// ReadWeights reads weights in the format written by Weights.Write. Every
// feature must be present once, so that a stale file is caught.
func ReadWeights(r io.Reader) (*Weights, error) {
	sc := bufio.NewScanner(r)
	m := map[string]float64{}
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
		v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("%w: line %d: want \"name value\", got %q", ErrBadWeights, line, s)
		}
		if name == "alpha" || name == "lambda" {
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
	for _, name := range []string{"alpha", "lambda"} {
		if _, ok := sel[name]; !ok {
			return nil, fmt.Errorf("%w: no %s line", ErrBadWeights, name)
		}
	}
	w, err := NewWeights(bias, m)
	if err != nil {
		return nil, err
	}
	return w.WithSelection(sel["alpha"], sel["lambda"])
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
