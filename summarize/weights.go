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

// Weights are the coefficients of the Learned method: a sentence's relevance
// is the logistic function of Bias + Σ weight(f)·feature(f) over the
// features named by FeatureNames. Weights are immutable.
type Weights struct {
	bias float64
	w    []float64 // aligned with featureNames
}

// NewWeights returns weights with the given bias and one weight per feature
// name. Features missing from w weigh 0; unknown names are an error.
func NewWeights(bias float64, w map[string]float64) (*Weights, error) {
	out := &Weights{bias: bias, w: make([]float64, numFeatures)}
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
// "bias V" and one "feature V" line per feature in FeatureNames order.
func (w *Weights) Write(wr io.Writer, header []string) error {
	bw := bufio.NewWriter(wr)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
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
	return NewWeights(bias, m)
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
