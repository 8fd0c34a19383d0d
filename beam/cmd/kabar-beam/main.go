package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/beam/pipeline"
)

// globs collects repeated --input flags.
type globs []string

func (g *globs) String() string     { return strings.Join(*g, ",") }
func (g *globs) Set(v string) error { *g = append(*g, v); return nil }

func main() {
	var (
		inputs     globs
		output     = flag.String("output", "", "directory (or gs://… prefix) to write the results under (required)")
		shards     = flag.Int("shards", 0, "number of record files; 0: one per bundle of work, as the runner cut it (no shuffle of the records)")
		minDF      = flag.Int("min_df", 2, "keep terms seen in at least this many documents in idf.txt")
		stages     = flag.String("stages", "all", "comma-separated stages to run and report: tokens,stems,entities,summary,keywords,stats, or all (as kabar batch --stages)")
		summary    = flag.Int("summary", 3, "number of summary sentences")
		keywords   = flag.Int("keywords", 10, "number of keywords")
		maxBytes   = flag.Int("max_bytes", 10<<20, "texts longer than this many bytes are error records (0: no limit; as kabar batch --max-bytes)")
		noNames    = flag.Bool("no_name_protection", false, "stem proper nouns too (default: names are only lower-cased)")
		source     = flag.String("source_field", "", "add this field, {\"file\",\"line\"}, to every record (records then differ from kabar batch)")
		workers    = flag.Int("workers", 0, "records each DoFn instance analyses at the same time; 0: one per CPU on the local runners (prism, direct), 1 on the others")
		cpuProfile = flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
		logLevel   = flag.String("log_level", "info", "Beam and Prism log level: debug, info, warn or error")
	)
	flag.Var(&inputs, "input", "glob of JSONL input files; repeat for several (required)")
	helpAll := flag.Bool("help_all", false, "list every flag, Beam's included")
	flag.Usage = usage
	flag.Parse()
	if *helpAll {
		flag.PrintDefaults()
		return
	}
	switch *logLevel {
	case "debug", "info", "warn", "error":
		log.LogLevel = *logLevel
	default:
		fmt.Fprintf(os.Stderr, "kabar-beam: --log_level %q: want debug, info, warn or error\n", *logLevel)
		os.Exit(2)
	}
	// On a cluster the workers run this same binary; beam.Init turns them
	// into Beam workers and never returns there.
	beam.Init()

	ctx := context.Background()
	o := pipeline.Options{
		Inputs: inputs,
		Output: *output,
		Shards: *shards,
		MinDF:  *minDF,
		Analysis: pipeline.Config{
			SummaryLength:    *summary,
			Keywords:         *keywords,
			MaxBytes:         *maxBytes,
			NoNameProtection: *noNames,
			SourceField:      *source,
			Workers:          *workers,
		},
	}
	if *summary == 0 {
		o.Analysis.SummaryLength = -1
	}
	if *keywords == 0 {
		o.Analysis.Keywords = -1
	}
	st, err := parseStages(*stages)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kabar-beam: %v\n", err)
		os.Exit(2)
	}
	o.Analysis.Stages = st
	if *workers == 0 {
		o.Analysis.Workers = 1
		switch flag.Lookup("runner").Value.String() {
		case "", "prism", "PrismRunner", "direct", "DirectRunner":
			o.Analysis.Workers = runtime.NumCPU()
		}
	}
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "kabar-beam: unexpected arguments %q (use --input)\n", flag.Args())
		os.Exit(2)
	}
	if err := checkInputs(ctx, inputs); err != nil {
		fmt.Fprintf(os.Stderr, "kabar-beam: %v\n", err)
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	if _, err := pipeline.Build(s, o); err != nil {
		fmt.Fprintf(os.Stderr, "kabar-beam: %v\n", err)
		if errors.Is(err, pipeline.ErrOptions) {
			os.Exit(2)
		}
		os.Exit(1)
	}
	os.Exit(execute(ctx, p, *output, *cpuProfile))
}

// execute runs p and returns the exit status.
func execute(ctx context.Context, p *beam.Pipeline, output, cpuProfile string) int {
	if cpuProfile != "" {
		if f, err := os.Create(cpuProfile); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	// Beam leaves an empty beamloopbackworker-* file in the temporary
	// directory on every loopback run: give the run a directory of its own.
	if tmp, err := os.MkdirTemp("", "kabar-beam-"); err == nil {
		os.Setenv("TMPDIR", tmp)
		defer os.RemoveAll(tmp)
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "kabar-beam: pipeline failed: %v\n", err)
		return 1
	}
	if res == nil { // --async, or a runner that returns no result
		return 0
	}
	total, failed := counter(res, "records"), counter(res, "records_failed")
	fmt.Fprintf(os.Stderr, "kabar-beam: %d records, %d failed; results in %s\n", total, failed, output)
	if failed > 0 {
		return 1
	}
	return 0
}

var stageNames = map[string]kabar.Stage{
	"tokens": kabar.StageTokens, "stems": kabar.StageStems, "entities": kabar.StageEntities,
	"summary": kabar.StageSummary, "keywords": kabar.StageKeywords, "stats": kabar.StageStats,
	"all": kabar.AllStages,
}

// parseStages reads --stages as kabar batch does.
func parseStages(list string) (kabar.Stage, error) {
	var st kabar.Stage
	for _, s := range strings.Split(list, ",") {
		v, ok := stageNames[strings.TrimSpace(s)]
		if !ok {
			return 0, fmt.Errorf("--stages: unknown stage %q (want tokens, stems, entities, summary, keywords, stats or all)", s)
		}
		st |= v
	}
	return st, nil
}

// ownFlags are kabar-beam's flags; beamFlags the Beam flags the README
// mentions. Beam defines many more.
var (
	ownFlags  = []string{"input", "output", "shards", "min_df", "stages", "summary", "keywords", "max_bytes", "no_name_protection", "source_field", "workers", "log_level", "cpuprofile"}
	beamFlags = []string{"runner", "endpoint", "environment_type", "environment_config", "worker_binary", "job_name", "async",
		"project", "region", "staging_location", "temp_location", "num_workers", "max_num_workers", "worker_machine_type", "parallelism"}
)

func usage() {
	w := flag.CommandLine.Output()
	fmt.Fprintf(w, "usage: kabar-beam --input GLOB --output DIR [--runner prism] [flags]\n\nflags:\n")
	printFlags(w, ownFlags)
	fmt.Fprintf(w, "\nBeam flags (the runner and its options; Beam defines more, listed with -help_all):\n")
	printFlags(w, beamFlags)
}

func printFlags(w io.Writer, names []string) {
	for _, name := range names {
		if f := flag.Lookup(name); f != nil {
			def := ""
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && f.DefValue != "[]" {
				def = fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(w, "  --%s\n    \t%s%s\n", name, f.Usage, def)
		}
	}
}

// checkInputs fails early, before the pipeline starts, on a glob that
// matches no file.
func checkInputs(ctx context.Context, inputs []string) error {
	if len(inputs) == 0 {
		return errors.New("no --input")
	}
	for _, g := range inputs {
		fs, err := filesystem.New(ctx, g)
		if err != nil {
			return err
		}
		files, err := fs.List(ctx, g)
		fs.Close()
		if err != nil {
			return fmt.Errorf("listing %s: %w", g, err)
		}
		if len(files) == 0 {
			return fmt.Errorf("no file matches %s", g)
		}
	}
	return nil
}

// counter returns the committed (or, when the runner has none, attempted)
// value of the kabar counter name.
func counter(res beam.PipelineResult, name string) int64 {
	var n int64
	for _, c := range res.Metrics().Query(func(r metrics.SingleResult) bool {
		return r.Namespace() == "kabar" && r.Name() == name
	}).Counters() {
		if v := c.Committed; v != 0 {
			n += v
		} else {
			n += c.Attempted
		}
	}
	return n
}
