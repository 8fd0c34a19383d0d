package entities

import (
	"flag"
	"math"
	"os"
	"testing"
)

var calibrate = flag.Bool("calibrate", false, "fit marginScale on ../shared idner-news-2k.dev and print it")

// TestCalibrate fits the scale of the mention scores by log loss on
// idner-news-2k.dev (go test -run Calibrate -calibrate).
func TestCalibrate(t *testing.T) {
	if !*calibrate {
		t.Skip("run with -calibrate")
	}
	f, err := os.Open("../../shared/data/ner/idner-news-2k.dev.tsv")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	exs, err := ReadCoNLL(f, DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	m, err := defaultModel()
	if err != nil {
		t.Fatal(err)
	}
	type obs struct {
		margin float64
		ok     bool
	}
	var os_ []obs
	var s scratch
	for _, ex := range exs {
		gold := map[TokenSpan]bool{}
		for _, g := range ex.Spans {
			gold[g] = true
		}
		for _, sp := range m.tagCached(ex.Words, &s) {
			lo := math.Inf(1)
			for _, v := range s.margin[sp.Start:sp.End] {
				lo = math.Min(lo, float64(v))
			}
			os_ = append(os_, obs{lo, gold[sp]})
		}
		s.resetWords()
	}
	logLoss := func(c, b float64) float64 {
		var loss float64
		for _, o := range os_ {
			p := 1 / (1 + math.Exp(-(o.margin-b)/c))
			p = math.Min(math.Max(p, 1e-6), 1-1e-6)
			if o.ok {
				loss -= math.Log(p)
			} else {
				loss -= math.Log(1 - p)
			}
		}
		return loss / float64(len(os_))
	}
	best, bestB, bestLoss := 0.0, 0.0, math.Inf(1)
	for _, c := range []float64{64, 128, 256, 512, 1024, 2048, 4096} {
		for _, b := range []float64{-1024, -512, -256, -128, 0, 128, 256, 512, 1024} {
			if loss := logLoss(c, b); loss < bestLoss {
				best, bestB, bestLoss = c, b, loss
			}
		}
	}
	correct := 0
	for _, o := range os_ {
		if o.ok {
			correct++
		}
	}
	t.Logf("best marginScale %v marginBias %v: log loss %.4f (%d mentions, %d correct)", best, bestB, bestLoss, len(os_), correct)
	t.Logf("current marginScale %v marginBias %v: log loss %.4f", float64(marginScale), float64(marginBias), logLoss(marginScale, marginBias))
}
