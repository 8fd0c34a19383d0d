package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/beam/internal/recio"
)

func init() {
	register.DoFn5x1[context.Context, Line, func(string), func(string, int), func(string, int), error](&analyzeFn{})
	register.Emitter1[string]()
	register.Emitter2[string, int]()
}

// Config selects how records are analysed. Its zero value means kabar's
// defaults (kabar.New without options). Config travels with the pipeline to
// the workers, so it holds plain values only.
type Config struct {
	// Stages are the analysis stages to run; 0 means kabar.AllStages.
	Stages kabar.Stage
	// SummaryLength is the number of summary sentences; 0 means kabar's
	// default, negative means none.
	SummaryLength int
	// Keywords is the number of keywords; 0 means kabar's default, negative
	// means none.
	Keywords int
	// MaxBytes makes texts longer than this many bytes error records
	// (kabar.WithMaxBytes); 0 means no limit, kabar's default. kabar batch
	// and kabar-beam default to 10 MiB.
	MaxBytes int
	// NoNameProtection stems proper nouns too (kabar.WithoutNameProtection).
	NoNameProtection bool
	// SourceField, when not empty, adds a field of that name to every output
	// record, first, holding {"file":…,"line":…}: the input file and the
	// 1-based line number the record came from. It lets a user restore input
	// order across several files. Records are then no longer byte-identical
	// to kabar batch output. A record whose passthrough fields already hold
	// that name fails the pipeline, rather than write the key twice. It must
	// not be one of kabar's own output keys. Empty by default.
	SourceField string
	// Workers is how many records each DoFn instance analyses at the same
	// time, in goroutines of its own; 0 and 1 mean one at a time. Cluster
	// runners already run many bundles at once per worker, so leave it
	// there; Prism often gives a whole file to one bundle, and Workers set
	// to the number of CPUs makes it use them all.
	Workers int
}

func (c Config) options() []kabar.Option {
	var opts []kabar.Option
	if c.Stages != 0 {
		opts = append(opts, kabar.WithStages(c.Stages))
	}
	switch {
	case c.SummaryLength > 0:
		opts = append(opts, kabar.WithSummaryLength(c.SummaryLength))
	case c.SummaryLength < 0:
		opts = append(opts, kabar.WithSummaryLength(0))
	}
	switch {
	case c.Keywords > 0:
		opts = append(opts, kabar.WithKeywords(c.Keywords))
	case c.Keywords < 0:
		opts = append(opts, kabar.WithKeywords(0))
	}
	if c.MaxBytes > 0 {
		opts = append(opts, kabar.WithMaxBytes(c.MaxBytes))
	}
	if c.NoNameProtection {
		opts = append(opts, kabar.WithoutNameProtection())
	}
	return opts
}

// analyzerKey identifies the options an Analyzer was built with.
type analyzerKey struct {
	stages                      kabar.Stage
	summary, keywords, maxBytes int
	noNames                     bool
}

// analyzers holds one build-once Analyzer per configuration in this process.
// Beam makes one DoFn instance per concurrently running bundle; they all share
// the Analyzer, which is immutable and safe for concurrent use.
var analyzers sync.Map // analyzerKey → func() (*kabar.Analyzer, error)

// Analyzer returns the process-wide kabar.Analyzer for c, building it on the
// first call. Every worker process builds it once, however many bundles and
// DoFn instances it runs.
func (c Config) Analyzer() (*kabar.Analyzer, error) {
	k := analyzerKey{c.Stages, c.SummaryLength, c.Keywords, c.MaxBytes, c.NoNameProtection}
	f, ok := analyzers.Load(k)
	if !ok {
		f, _ = analyzers.LoadOrStore(k, sync.OnceValues(func() (*kabar.Analyzer, error) {
			return kabar.New(c.options()...)
		}))
	}
	return f.(func() (*kabar.Analyzer, error))()
}

// Analyze analyses every line as one JSONL record with kabar's
// Analyzer.AnalyzeLineResult and Result.AppendJSON, which is what
// Analyzer.AnalyzeLine and kabar batch do. It returns all output records as a
// PCollection<string>, one per input line, without trailing newline: bad
// records become error records {"id","line","error"} with their
// passthrough fields; nothing is dropped. It also returns the corpus tables
// over the records whose analysis succeeded, df as PCollection<DocFreq> and
// ents as PCollection<EntityDocs>, as [CorpusCounts] computes them from
// records, but counted by the analysing DoFn itself, per bundle, from each
// record's Document, without reading the JSON back.
//
// The counters kabar/records and kabar/records_failed count the records and
// the error records among them.
func Analyze(s beam.Scope, cfg Config, lines beam.PCollection) (records, df, ents beam.PCollection) {
	s = s.Scope("kabar.Analyze")
	records, terms, names := beam.ParDo3(s, &analyzeFn{Cfg: cfg}, lines)
	df, ents = sumCounts(s, terms, names)
	return records, df, ents
}

type analyzeFn struct {
	Cfg Config `json:"cfg"`

	a             *kabar.Analyzer
	total, failed beam.Counter
	counts        bundleCounts
	pool          *recio.Pool[Line, analysed]
}

// analysed is the analysis of one line, made by any goroutine; emit turns
// it into output on the bundle's goroutine.
type analysed struct {
	line  Line
	out   []byte
	doc   *kabar.Document // nil for an error record
	fatal error           // the bundle must fail
}

func (f *analyzeFn) Setup() error {
	a, err := f.Cfg.Analyzer()
	if err != nil {
		return fmt.Errorf("kabar: building the analyzer: %w", err)
	}
	f.a = a
	f.total = beam.NewCounter("kabar", "records")
	f.failed = beam.NewCounter("kabar", "records_failed")
	return nil
}

func (f *analyzeFn) analyse(ctx context.Context, l Line) analysed {
	res := f.a.AnalyzeLineResult(ctx, l.Data, l.Number)
	if cerr := ctx.Err(); cerr != nil {
		// The bundle is being cancelled: fail it rather than write an
		// error record that says so; the runner retries or stops.
		return analysed{fatal: cerr}
	}
	if f.Cfg.SourceField != "" {
		for _, x := range res.Extra {
			if kabar.OutputKey(x.Key) == f.Cfg.SourceField {
				return analysed{fatal: fmt.Errorf("kabar: %s line %d has a field %q, the name chosen for the source field: choose another name", l.File, l.Number, f.Cfg.SourceField)}
			}
		}
	}
	return analysed{line: l, out: res.AppendJSON(nil), doc: res.Doc}
}

func (f *analyzeFn) emit(ctx context.Context, r analysed, record func(string)) error {
	if r.fatal != nil {
		return r.fatal
	}
	f.total.Inc(ctx, 1)
	if r.doc == nil {
		f.failed.Inc(ctx, 1)
	} else {
		f.counts.addDoc(r.doc)
	}
	out := r.out
	if f.Cfg.SourceField != "" {
		out = recio.AddSource(out, f.Cfg.SourceField, r.line.File, r.line.Number)
	}
	record(string(out))
	return nil
}

func (f *analyzeFn) StartBundle(_ context.Context, _ func(string), _, _ func(string, int)) {
	if f.pool != nil { // left by a failed bundle
		f.pool.Stop()
		f.pool = nil
	}
}

func (f *analyzeFn) ProcessElement(ctx context.Context, l Line, record func(string), _, _ func(string, int)) error {
	if f.Cfg.Workers <= 1 {
		return f.emit(ctx, f.analyse(ctx, l), record)
	}
	if f.pool == nil {
		f.pool = recio.NewPool(f.Cfg.Workers, func(l Line) analysed { return f.analyse(ctx, l) })
	}
	for r := range f.pool.Put(l) {
		if err := f.emit(ctx, r, record); err != nil {
			f.pool.Stop()
			f.pool = nil
			return err
		}
	}
	return nil
}

func (f *analyzeFn) FinishBundle(ctx context.Context, record func(string), term, entity func(string, int)) error {
	if f.pool != nil {
		p := f.pool
		f.pool = nil
		for r := range p.Finish() {
			if err := f.emit(ctx, r, record); err != nil {
				p.Stop()
				return err
			}
		}
	}
	f.counts.flush(term, entity)
	return nil
}
