package entities

import (
	"bytes"
	"context"
	"errors"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const tinyCoNLL = `Presiden	O
Joko	B-PER
Widodo	I-PER
tiba	O
di	O
Jakarta	B-LOC
.	O

Sergei	B-PERSON
Lavrov	I-PERSON
bertemu	O
PBB	B-ORGANIZATION
di	O
Moskow	B-LOCATION

kota	O
manado	I-PLC
dan	O
amos	B-PPL
kenda	I-PPL
pada	O
2011	B-TIME
`

func TestReadCoNLL(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 3 {
		t.Fatalf("got %d sentences, want 3", len(exs))
	}
	want := [][]TokenSpan{
		{{1, 3, PER}, {5, 6, LOC}},
		{{0, 2, PER}, {3, 4, ORG}, {5, 6, LOC}},
		{{1, 2, LOC}, {3, 5, PER}}, // I- without B- starts an entity (NERP); TIME maps to None
	}
	for i, w := range want {
		if len(exs[i].Spans) != len(w) {
			t.Fatalf("sentence %d: spans %v, want %v", i, exs[i].Spans, w)
		}
		for j := range w {
			if exs[i].Spans[j] != w[j] {
				t.Errorf("sentence %d span %d = %v, want %v", i, j, exs[i].Spans[j], w[j])
			}
		}
	}
	if _, err := ReadCoNLL(strings.NewReader("a\tB-FOO\n"), DefaultLabelMap()); !errors.Is(err, ErrUnknownLabel) {
		t.Errorf("unknown type: err = %v, want ErrUnknownLabel", err)
	}
	if _, err := ReadCoNLL(strings.NewReader("a\tX-PER\n"), DefaultLabelMap()); err == nil {
		t.Error("bad tag: no error")
	}
}

// TestTrainDeterministic trains twice on the same data and checks that the
// models are the same bytes and load back.
func TestTrainDeterministic(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	exs[1].Domain = 1
	cfg := TrainConfig{Epochs: 3, Seed: 7, Info: "test model", Gazetteer: []GazetteerEntry{{"Jakarta", LOC}}}
	var bufs [2]bytes.Buffer
	for i := range bufs {
		m, err := Train(context.Background(), exs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&bufs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(bufs[0].Bytes(), bufs[1].Bytes()) {
		t.Fatal("two trainings gave different models")
	}
	r, err := LoadBytes(bufs[0].Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if r.Info() != "test model" || len(r.Types()) != 3 {
		t.Errorf("Info %q Types %v", r.Info(), r.Types())
	}
	if _, err := Train(context.Background(), nil, cfg); !errors.Is(err, ErrNoData) {
		t.Errorf("no data: err = %v", err)
	}
}

func TestReadWordClasses(t *testing.T) {
	wc, err := ReadWordClasses(strings.NewReader("# c\nRusia\t259\t8\njakarta\t259\t8\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := wc.m["rusia"]; c.cluster != 259 || c.prior != 8 {
		t.Errorf("rusia = %+v", c)
	}
	for _, bad := range []string{"a\t1\n", "a\tx\t1\n", "a\t1\t9\n", "a b\t1\t1\n"} {
		if _, err := ReadWordClasses(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, l := range Labels() {
		var back Label
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("%v round trip: %v %v", l, back, err)
		}
	}
	if _, err := ParseLabel("PERSON"); !errors.Is(err, ErrUnknownLabel) {
		t.Errorf("ParseLabel(PERSON) err = %v", err)
	}
	if s := Label(200).String(); s != "Label(200)" {
		t.Errorf("String = %q", s)
	}
}

// TestTrainRuns checks that Runs averages the runs: every weight of a model
// trained with Runs 2 lies between the weights of the two single runs with
// the same seeds (within the rounding to the weight quantum), and that the
// mean differs from either run.
func TestTrainRuns(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	train := func(seed uint64, runs int) map[[2]uint64]int32 {
		cfg := TrainConfig{Epochs: 3, Seed: seed, Runs: runs, MinWeight: 1e-9, CaseCopies: -1}
		m, err := Train(context.Background(), exs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		w := map[[2]uint64]int32{}
		for r, key := range m.m.fkeys {
			for _, v := range m.m.w[m.m.rowOff[r]:m.m.rowOff[r+1]] {
				w[[2]uint64{key, uint64(v & 31)}] = v >> 5
			}
		}
		for i, v := range m.m.trans {
			w[[2]uint64{0, uint64(i)}] = v
		}
		return w
	}
	a, b, mean := train(3, 1), train(4, 1), train(3, 2)
	if len(a) == 0 || maps.Equal(a, b) {
		t.Fatal("seeds 3 and 4 gave the same model: the test shows nothing")
	}
	if maps.Equal(mean, a) || maps.Equal(mean, b) {
		t.Error("Runs 2 gave the model of one of its runs")
	}
	keys := map[[2]uint64]bool{}
	for _, w := range []map[[2]uint64]int32{a, b, mean} {
		for k := range w {
			keys[k] = true
		}
	}
	for k := range keys {
		lo, hi := min(a[k], b[k]), max(a[k], b[k])
		if mean[k] < lo-1 || mean[k] > hi+1 {
			t.Errorf("weight %v: mean of runs %d, runs %d and %d", k, mean[k], a[k], b[k])
		}
	}
	if !maps.Equal(train(3, 2), mean) {
		t.Error("Runs 2 is not deterministic")
	}
}

// cancelWriter cancels a context at the first line written to it.
type cancelWriter struct{ cancel context.CancelFunc }

func (w cancelWriter) Write(p []byte) (int, error) { w.cancel(); return len(p), nil }

// TestTrainCancel checks that Train stops with the context's error, both
// before it starts and once an epoch has run (the first progress line,
// written before the first epoch, cancels it).
func TestTrainCancel(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, exs, TrainConfig{Epochs: 3}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before: err = %v, want context.Canceled", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	if _, err := Train(ctx, exs, TrainConfig{Epochs: 3, Runs: 2, Progress: cancelWriter{cancel}}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled after an epoch: err = %v, want context.Canceled", err)
	}
}

// TestTrainParallel checks that runs trained side by side (no Progress)
// give the same model, byte for byte, as runs trained one at a time
// (Progress set), whatever the number of CPUs.
func TestTrainParallel(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	model := func(cfg TrainConfig) []byte {
		m, err := Train(context.Background(), exs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	cfg := TrainConfig{Epochs: 3, Seed: 5, Runs: 3, MinWeight: 1e-9}
	want := model(TrainConfig{Epochs: 3, Seed: 5, Runs: 3, MinWeight: 1e-9, Progress: io.Discard})
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		got := model(cfg)
		runtime.GOMAXPROCS(old)
		if !bytes.Equal(got, want) {
			t.Errorf("GOMAXPROCS %d: the runs side by side gave another model than one at a time", procs)
		}
	}
}

// TestRunExamples checks which examples a run trains on: every original
// and the case copies of its group, run r taking group r%CaseCopies.
func TestRunExamples(t *testing.T) {
	group := []int{-1, -1, -1, 0, 0, 1, 1, 2, 2} // 3 sentences, then their two copies each
	for _, c := range []struct {
		run  int
		want []int
	}{
		{0, []int{0, 1, 2, 3, 4}},
		{1, []int{0, 1, 2, 5, 6}},
		{2, []int{0, 1, 2, 7, 8}},
		{4, []int{0, 1, 2, 5, 6}},
	} {
		if got := runExamples(group, len(group), c.run, 3); !slices.Equal(got, c.want) {
			t.Errorf("run %d trains on %v, want %v", c.run, got, c.want)
		}
	}
	if got := runExamples(nil, 4, 2, 0); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("without copies: %v, want all four", got)
	}
}
