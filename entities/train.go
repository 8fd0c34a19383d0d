package entities

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TrainConfig configures Train. The zero value uses the defaults.
type TrainConfig struct {
	// Epochs is the number of passes over the training data (default 12).
	Epochs int
	// Seed seeds the shuffling of the examples before each epoch. Training
	// is deterministic: the same examples, config and seed give the same
	// model, byte for byte.
	Seed uint64
	// Runs trains the model this many times, with the seeds Seed, Seed+1,
	// …, and keeps the mean of their averaged weights (default 5). The
	// order of the examples moves a single run's scores by about half a
	// point of F1; the mean of several runs depends less on it, scores
	// higher (also because each run takes other case copies: CaseCopies)
	// and has fewer features above MinWeight. Without Progress, up to
	// GOMAXPROCS runs train at once, each with weights of its own (memory
	// grows with them); the model is the same either way.
	Runs int
	// CaseCopies adds a lower-case copy and an upper-case copy (as in
	// headlines) of every Nth example, so that the model learns to work
	// without case (default 3; negative disables): run r takes the copies
	// of the examples i with i%N == r%N, so that the runs together cover
	// them all.
	CaseCopies int
	// MinWeight drops features whose largest averaged weight is below it
	// in absolute value, in perceptron updates, to keep the model small
	// (default 0.6).
	MinWeight float64
	// Quantum is the weight resolution of the stored model (default 1/64).
	Quantum float64
	// Info is free text stored in the model: sources, licences, command,
	// scores. Load makes it available as Recognizer.Info.
	Info string
	// Classes maps lower-cased words to distributional word classes, as
	// read by ReadWordClasses; nil for none.
	Classes *WordClasses
	// Gazetteer lists names whose membership the model may use as a
	// feature (not forced matches: see WithGazetteer for those).
	Gazetteer []GazetteerEntry
	// Progress, if not nil, receives one line per epoch.
	Progress io.Writer
	// Dev, if not nil, is scored after each epoch and reported to Progress.
	Dev []Example
}

// GazetteerEntry is a name with its label.
type GazetteerEntry struct {
	Name  string
	Label Label
}

// Model is a trained entity model, ready to be written with WriteTo and
// read back with Load.
type Model struct{ m *model }

// WriteTo writes the model in kabar's binary model format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	err := m.m.encode(cw)
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Features returns the number of features with weights in the model.
func (m *Model) Features() int { return len(m.m.rowOff) - 1 }

// Train trains a model on the examples: an averaged structured perceptron
// (Collins 2002) over BIO tags, decoded by Viterbi. The entity types are
// those that occur in train. It returns an error when train holds no
// entity or ctx is done.
func Train(ctx context.Context, train []Example, cfg TrainConfig) (*Model, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 12
	}
	if cfg.CaseCopies == 0 {
		cfg.CaseCopies = 3
	}
	if cfg.MinWeight == 0 {
		cfg.MinWeight = 0.6
	}
	if cfg.Runs <= 0 {
		cfg.Runs = 5
	}
	if cfg.Quantum <= 0 {
		cfg.Quantum = 1.0 / 64
	}
	var types []Label
	for _, ex := range train {
		for _, sp := range ex.Spans {
			if sp.Label != None && sp.Label < numLabels && !slices.Contains(types, sp.Label) {
				types = append(types, sp.Label)
			}
		}
	}
	if len(types) == 0 {
		return nil, ErrNoData
	}
	slices.Sort(types)
	m := &model{types: types, ntags: 2*len(types) + 1, info: cfg.Info}
	if cfg.Classes != nil {
		m.lex.classes = cfg.Classes.m
	} else {
		m.lex.classes = map[string]wordClass{}
	}
	var ge []gazEntry
	for _, e := range cfg.Gazetteer {
		ge = append(ge, gazEntry{e.Name, e.Label})
	}
	m.lex.gaz = newGazetteer(ge)

	// Every sentence gets a lower- and an upper-case copy; run r trains on
	// the copies of the sentences i with i%CaseCopies == r%CaseCopies.
	data := train
	var group []int // group[k]: the case-copy group of data[k], -1 for the originals
	if cfg.CaseCopies > 0 {
		data = slices.Clip(slices.Clone(train))
		group = make([]int, len(train), 3*len(train))
		for i := range group {
			group[i] = -1
		}
		for i, ex := range train {
			data = append(data, caseCopy(ex, strings.ToLower), caseCopy(ex, strings.ToUpper))
			group = append(group, i%cfg.CaseCopies, i%cfg.CaseCopies)
		}
	}

	// Extract the features of every token once.
	index := map[uint64]int32{}
	var keys []uint64
	var aux []bool // aux[id]: a domain-specific copy, not kept in the model
	prep := make([]prepared, len(data))
	var s scratch
	for k, ex := range data {
		if len(ex.Words) == 0 {
			continue
		}
		m.lex.extract(ex.Words, &s)
		p := prepared{offs: make([]int32, len(s.offs))}
		intern := func(f uint64, isAux bool) int32 {
			id, ok := index[f]
			if !ok {
				id = int32(len(keys))
				index[f] = id
				keys = append(keys, f)
				aux = append(aux, isAux)
			}
			return id
		}
		for i := range len(s.offs) - 1 {
			p.offs[i] = int32(len(p.feats))
			for _, f := range s.feats[s.offs[i]:s.offs[i+1]] {
				p.feats = append(p.feats, intern(f, false))
				if ex.Domain != 0 {
					p.feats = append(p.feats, intern(finish(hbyte(f, ex.Domain)), true))
				}
			}
		}
		p.offs[len(s.offs)-1] = int32(len(p.feats))
		p.gold = m.goldTags(ex)
		prep[k] = p
		if k%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
	}
	// Without progress output, as many runs at once as there are CPUs;
	// with it, one at a time, each epoch reported with the dev score of
	// the mean so far. The runs are summed in run order either way, so
	// that the model does not depend on which finished first.
	runs := cfg.Runs
	batch := 1
	if cfg.Progress == nil {
		batch = max(1, min(runs, runtime.GOMAXPROCS(0)))
	}
	type result struct {
		wa, ta []float64
		err    error
	}
	res := make([]result, batch)
	var sum, tsum []float64 // the finished runs' averaged weights, summed
	for first := 0; first < runs; first += batch {
		n := min(batch, runs-first)
		var wg sync.WaitGroup
		for k := range n {
			run := first + k
			var snapshot func(wa, ta []float64) *model
			if cfg.Progress != nil {
				if runs > 1 {
					fmt.Fprintf(cfg.Progress, "run %d of %d (seed %d)\n", run+1, runs, cfg.Seed+uint64(run))
				}
				snapshot = func(wa, ta []float64) *model {
					return m.finish(keys, aux, meanOf(sum, wa, run+1), meanOf(tsum, ta, run+1), cfg)
				}
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := &res[k]
				r.wa, r.ta, r.err = m.perceptron(ctx, prep, runExamples(group, len(prep), run, cfg.CaseCopies), len(keys), cfg.Seed+uint64(run), cfg, snapshot)
			}()
		}
		wg.Wait()
		for k := range n {
			if res[k].err != nil {
				return nil, res[k].err
			}
			sum, tsum = addTo(sum, res[k].wa), addTo(tsum, res[k].ta)
			res[k] = result{}
		}
	}
	return &Model{m.finish(keys, aux, meanOf(sum, nil, runs), meanOf(tsum, nil, runs), cfg)}, nil
}

// runExamples returns the indexes of the examples that run trains on: the
// originals and the case copies of its group.
func runExamples(group []int, n, run, caseCopies int) []int {
	var order []int
	for k := range n {
		if group == nil || group[k] < 0 || group[k] == run%caseCopies {
			order = append(order, k)
		}
	}
	return order
}

// addTo adds w to sum element by element and returns sum (w itself when
// sum is nil).
func addTo(sum, w []float64) []float64 {
	if sum == nil {
		return w
	}
	for i, v := range w {
		sum[i] += v
	}
	return sum
}

// meanOf returns (sum + w) / n element by element; a nil sum or w counts
// as zeros. Dividing by 1 is exact, so one run keeps its weights.
func meanOf(sum, w []float64, n int) []float64 {
	out := make([]float64, max(len(sum), len(w)))
	for i := range out {
		var v float64
		if sum != nil {
			v = sum[i]
		}
		if w != nil {
			v += w[i]
		}
		out[i] = v / float64(n)
	}
	return out
}

// prepared is a training example's features and gold tags.
type prepared struct {
	feats []int32
	offs  []int32
	gold  []uint8
}

// perceptron runs one averaged structured perceptron over the examples,
// shuffled with seed before each epoch, and returns its averaged feature
// and transition weights. When cfg.Progress is not nil it reports each
// epoch, with the dev score of the model that snapshot makes of the
// weights so far (snapshot is not called when cfg.Progress is nil).
func (m *model) perceptron(ctx context.Context, prep []prepared, order []int, nf int, seed uint64, cfg TrainConfig, snapshot func(wa, ta []float64) *model) (wa, ta []float64, err error) {
	T := m.ntags
	var s scratch
	w := make([]int32, nf*T) // current weights
	u := make([]int64, nf*T) // sum of c × update, for averaging
	tw := make([]int32, (T+1)*T)
	tu := make([]int64, (T+1)*T)
	c := int64(1)
	rng := rand.New(rand.NewPCG(seed, 0x6b61626172))
	em := make([]float32, 0)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, k := range order {
			p := &prep[k]
			n := len(p.gold)
			if n == 0 {
				continue
			}
			if cap(em) < n*T {
				em = make([]float32, n*T)
			}
			em = em[:n*T]
			clear(em)
			for i := range n {
				row := em[i*T : i*T+T]
				for _, f := range p.feats[p.offs[i]:p.offs[i+1]] {
					ws := w[int(f)*T : int(f)*T+T]
					for t, v := range ws {
						row[t] += float32(v)
					}
				}
			}
			viterbi(em, n, T, tw, &s)
			pred := s.tags
			wrong := false
			for i := range n {
				g, q := p.gold[i], pred[i]
				gp, qp := T, T // previous tag (start row)
				if i > 0 {
					gp, qp = int(p.gold[i-1]), int(pred[i-1])
				}
				if g != q {
					wrong = true
					for _, f := range p.feats[p.offs[i]:p.offs[i+1]] {
						w[int(f)*T+int(g)]++
						u[int(f)*T+int(g)] += c
						w[int(f)*T+int(q)]--
						u[int(f)*T+int(q)] -= c
					}
				}
				if g != q || gp != qp {
					tw[gp*T+int(g)]++
					tu[gp*T+int(g)] += c
					tw[qp*T+int(q)]--
					tu[qp*T+int(q)] -= c
				}
			}
			if wrong {
				errs++
			}
			c++
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if cfg.Progress != nil {
			line := fmt.Sprintf("epoch %d: %d of %d sentences wrong", epoch, errs, len(order))
			if cfg.Dev != nil {
				mm := snapshot(averaged(w, u, c), averaged(tw, tu, c))
				p, r, f := scoreExamples(mm, cfg.Dev)
				line += fmt.Sprintf("; dev P %.2f R %.2f F1 %.2f (%d features)", 100*p, 100*r, 100*f, len(mm.rowOff)-1)
			}
			fmt.Fprintln(cfg.Progress, line)
		}
	}
	return averaged(w, u, c), averaged(tw, tu, c), nil
}

// averaged returns the averaged perceptron's weights: w minus the sum of
// the updates weighted by when they came (u), divided by the count c.
func averaged(w []int32, u []int64, c int64) []float64 {
	out := make([]float64, len(w))
	for i := range w {
		out[i] = float64(w[i]) - float64(u[i])/float64(c)
	}
	return out
}

// finish averages, prunes and quantises the weights into a usable model.
func (m *model) finish(keys []uint64, aux []bool, wa, ta []float64, cfg TrainConfig) *model {
	T := m.ntags
	out := &model{info: m.info, types: m.types, ntags: T, lex: m.lex}
	q := cfg.Quantum
	out.scale = float32(q)
	quant := func(v float64) int32 { return int32(math.Round(v / q)) }
	out.trans = make([]int32, len(ta))
	for i, v := range ta {
		out.trans[i] = quant(v)
	}
	type kept struct {
		key uint64
		f   int
	}
	var ks []kept
	for f, k := range keys {
		if aux[f] {
			continue
		}
		big := false
		for t := range T {
			if math.Abs(wa[f*T+t]) >= cfg.MinWeight && quant(wa[f*T+t]) != 0 {
				big = true
				break
			}
		}
		if big {
			ks = append(ks, kept{k, f})
		}
	}
	slices.SortFunc(ks, func(a, b kept) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	sorted := make([]uint64, len(ks))
	for r, k := range ks {
		sorted[r] = k.key
		out.rowOff = append(out.rowOff, int32(len(out.w)))
		for t := range T {
			if v := quant(wa[k.f*T+t]); v != 0 {
				v = max(min(v, maxWeight), -maxWeight)
				out.w = append(out.w, v<<5|int32(t))
			}
		}
	}
	out.rowOff = append(out.rowOff, int32(len(out.w)))
	out.buildTable(sorted)
	out.buildFast()
	return out
}

// goldTags returns the BIO tags of an example for this model's types.
func (m *model) goldTags(ex Example) []uint8 {
	tags := make([]uint8, len(ex.Words))
	for _, sp := range ex.Spans {
		k := slices.Index(m.types, sp.Label)
		if k < 0 || sp.Start < 0 || sp.End > len(tags) || sp.Start >= sp.End {
			continue
		}
		tags[sp.Start] = uint8(1 + 2*k)
		for i := sp.Start + 1; i < sp.End; i++ {
			tags[i] = uint8(2 + 2*k)
		}
	}
	return tags
}

// tagWords labels pre-tokenized words with the bare model (no rules, no
// post-processing) and returns the entity spans.
func (m *model) tagWords(words []string, s *scratch) []TokenSpan {
	if len(words) == 0 {
		return nil
	}
	m.lex.extract(words, s)
	m.decode(s)
	return m.spans(s.tags)
}

// spans turns a tag sequence into entity spans.
func (m *model) spans(tags []uint8) []TokenSpan { return m.appendSpans(nil, tags) }

// appendSpans appends the entity spans of a tag sequence to out.
func (m *model) appendSpans(out []TokenSpan, tags []uint8) []TokenSpan {
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		k := (tags[i] - 1) / 2
		j := i + 1
		for j < len(tags) && tags[j] == 2+2*k {
			j++
		}
		out = append(out, TokenSpan{Start: i, End: j, Label: m.types[k]})
		i = j
	}
	return out
}

// scoreExamples returns micro precision, recall and F1 of the bare model.
func scoreExamples(m *model, exs []Example) (p, r, f float64) {
	var s scratch
	var tp, np, ng int
	for _, ex := range exs {
		pred := m.tagWords(ex.Words, &s)
		gold := map[TokenSpan]bool{}
		for _, g := range ex.Spans {
			if slices.Contains(m.types, g.Label) {
				gold[g] = true
			}
		}
		ng += len(gold)
		np += len(pred)
		for _, q := range pred {
			if gold[q] {
				tp++
			}
		}
	}
	return prf(tp, np, ng)
}

func prf(tp, np, ng int) (p, r, f float64) {
	if np > 0 {
		p = float64(tp) / float64(np)
	}
	if ng > 0 {
		r = float64(tp) / float64(ng)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func caseCopy(ex Example, f func(string) string) Example {
	out := Example{Words: make([]string, len(ex.Words)), Spans: ex.Spans}
	for i, w := range ex.Words {
		out.Words[i] = f(w)
	}
	return out
}

// WordClasses maps words to distributional classes and capitalisation
// priors, for the model's features.
type WordClasses struct{ m map[string]wordClass }

// ReadWordClasses reads a word class table: lines "word<TAB>cluster<TAB>prior"
// with cluster a number below 65536 (coarse class in the high byte) and
// prior the eighths of the word's occurrences that are capitalised inside
// a sentence (0–8); lines starting with # are comments.
func ReadWordClasses(r io.Reader) (*WordClasses, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("entities: reading word classes: %w", err)
	}
	wc := &WordClasses{m: map[string]wordClass{}}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		var word string
		var cl, pr int
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("entities: word classes line %d: want 3 tab-separated fields", n+1)
		}
		word = f[0]
		if _, err := fmt.Sscan(f[1], &cl); err != nil || cl < 0 || cl > 0xffff {
			return nil, fmt.Errorf("entities: word classes line %d: bad cluster %q", n+1, f[1])
		}
		if _, err := fmt.Sscan(f[2], &pr); err != nil || pr < 0 || pr > 8 {
			return nil, fmt.Errorf("entities: word classes line %d: bad prior %q", n+1, f[2])
		}
		if !utf8.ValidString(word) || word == "" || len(word) > 255 || strings.IndexFunc(word, unicode.IsSpace) >= 0 {
			return nil, fmt.Errorf("entities: word classes line %d: bad word %q", n+1, word)
		}
		wc.m[lower(word)] = wordClass{cluster: uint16(cl), prior: uint8(pr)}
	}
	return wc, nil
}

// SetInfo replaces the description stored in the model.
func (m *Model) SetInfo(info string) { m.m.info = info }

// Recognizer returns a Recognizer that uses the model.
func (m *Model) Recognizer(opts ...Option) (*Recognizer, error) { return build(m.m, opts) }
