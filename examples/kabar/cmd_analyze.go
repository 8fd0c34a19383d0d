package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/internal/batch"
	"github.com/kabar-id/kabar/internal/columnar"
)

// analyzerFlags are the flags that configure the Analyzer of analyze and batch.
type analyzerFlags struct {
	stages     *string
	summary    *int
	keywords   *int
	dict       *string
	model      *string
	gazetteers multiFlag
	noNames    *bool
	maxBytes   *int
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func addAnalyzerFlags(fs *flag.FlagSet, maxBytes int) *analyzerFlags {
	f := &analyzerFlags{
		stages:   fs.String("stages", "all", "comma-separated stages to run and report: tokens,stems,entities,summary,keywords,stats, or all (without tokens, sentences and tokens are left out of the output)"),
		summary:  fs.Int("summary", 3, "number of summary sentences"),
		keywords: fs.Int("keywords", 10, "number of keywords"),
		dict:     fs.String("dict", "", "stem with the root words in this file (one per line) instead of the embedded dictionary"),
		model:    fs.String("model", "", "entity model file instead of the embedded one"),
		noNames:  fs.Bool("no-name-protection", false, "stem proper nouns too (default: names are only lower-cased)"),
		maxBytes: fs.Int("max-bytes", maxBytes, "texts longer than this many bytes are errors (0: no limit)"),
	}
	fs.Var(&f.gazetteers, "gazetteer", "LABEL:FILE, names (one per line) always recognised as LABEL (PER, ORG, LOC, …); repeatable")
	return f
}

var stageNames = map[string]kabar.Stage{
	"tokens": kabar.StageTokens, "stems": kabar.StageStems, "entities": kabar.StageEntities,
	"summary": kabar.StageSummary, "keywords": kabar.StageKeywords, "stats": kabar.StageStats,
	"all": kabar.AllStages,
}

// analyzer builds the Analyzer the flags describe.
func (f *analyzerFlags) analyzer() (*kabar.Analyzer, error) {
	var st kabar.Stage
	for _, s := range strings.Split(*f.stages, ",") {
		v, ok := stageNames[strings.TrimSpace(s)]
		if !ok {
			return nil, fmt.Errorf("unknown stage %q (want tokens, stems, entities, summary, keywords, stats or all)", s)
		}
		st |= v
	}
	opts := []kabar.Option{kabar.WithStages(st), kabar.WithSummaryLength(*f.summary), kabar.WithKeywords(*f.keywords), kabar.WithMaxBytes(*f.maxBytes)}
	if *f.noNames {
		opts = append(opts, kabar.WithoutNameProtection())
	}
	if *f.dict != "" {
		b, err := os.ReadFile(*f.dict)
		if err != nil {
			return nil, err
		}
		opts = append(opts, kabar.WithStemDictionary(bytes.NewReader(b)))
	}
	if *f.model != "" {
		b, err := os.ReadFile(*f.model)
		if err != nil {
			return nil, err
		}
		opts = append(opts, kabar.WithEntityModel(bytes.NewReader(b)))
	}
	for _, g := range f.gazetteers {
		name, file, ok := strings.Cut(g, ":")
		label := parseLabel(name)
		if !ok || label == entities.None {
			return nil, fmt.Errorf("--gazetteer %q: want LABEL:FILE with LABEL one of PER, ORG, LOC, DATE, TIME, MONEY, PERCENT, QUANTITY", g)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				names = append(names, l)
			}
		}
		opts = append(opts, kabar.WithGazetteer(label, names))
	}
	return kabar.New(opts...)
}

func parseLabel(s string) entities.Label {
	for l := entities.Label(1); l.String() != "?"; l++ {
		if strings.EqualFold(l.String(), s) {
			return l
		}
	}
	return entities.None
}

func runAnalyze(e *env, args []string) int {
	fs := newFlagSet(e, "analyze", "analyze [flags] [FILE]")
	asJSONL := fs.Bool("jsonl", false, `read JSONL records {"id","text",…}; write one analysed record per line`)
	indent := fs.Bool("indent", false, "indent the JSON document")
	af := addAnalyzerFlags(fs, 0)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	a, err := af.analyzer()
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar analyze: %v\n", err)
		return 2
	}
	if *asJSONL {
		return runJSONL(e, a, pos)
	}
	text, err := readText(e, pos, false)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar analyze: %v\n", err)
		return 1
	}
	rec := kabar.Record{Line: 1, Text: text}
	if len(pos) == 1 && pos[0] != "-" {
		rec = kabar.FileRecord(pos[0], []byte(text))
	}
	r := a.AnalyzeRecord(e.ctx, rec)
	if r.Err != nil {
		fmt.Fprintf(e.stderr, "kabar analyze: %v\n", r.Err)
		return 1
	}
	out := r.AppendJSON(nil)
	if *indent {
		var b bytes.Buffer
		json.Indent(&b, out, "", "  ")
		out = b.Bytes()
	}
	e.stdout.Write(append(out, '\n'))
	return 0
}

func runBatch(e *env, args []string) int {
	fs := newFlagSet(e, "batch", "batch [flags] [INPUT…]\n\n"+
		"INPUT is a JSONL file (*.jsonl, *.ndjson, *.json) of records {\"id\",\"text\",…},\n"+
		"a directory (its *.txt files, each one record whose id is its path), or\n"+
		"another file (one text record). No INPUT or \"-\": JSONL from stdin.")
	out := fs.String("o", "", "write the JSONL output to this file instead of stdout")
	workers := fs.Int("workers", runtime.NumCPU(), "records analysed in parallel")
	resume := fs.Bool("resume", false, "continue an interrupted run into the -o file: keep its complete lines and skip as many input records (the input must be unchanged)")
	pq := fs.String("parquet", "", "also write documents.parquet and mentions.parquet into this directory (without -o, no JSONL is written)")
	list := fs.String("files-from", "", `read more input paths from this file, one per line ("-": stdin)`)
	af := addAnalyzerFlags(fs, 10<<20)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(e.stderr, "kabar batch: "+format+"\n", a...)
		return code
	}
	if *resume && *out == "" {
		return fail(2, "--resume needs -o FILE")
	}
	if *workers < 1 {
		return fail(2, "--workers must be at least 1")
	}
	a, err := af.analyzer()
	if err != nil {
		return fail(2, "%v", err)
	}
	ins, err := batch.Resolve(pos, *list, e.stdin)
	if err != nil {
		return fail(1, "%v", err)
	}

	var sinks []batch.Sink
	var skip int64
	var outFile *os.File
	if name := sameFile(*out, ins); name != "" {
		return fail(2, "-o %s is the input %s: writing would destroy it", *out, name)
	}
	if *out != "" {
		if *resume {
			outFile, err = os.OpenFile(*out, os.O_RDWR|os.O_CREATE, 0o644)
		} else {
			outFile, err = os.Create(*out)
		}
		if err != nil {
			return fail(1, "%v", err)
		}
		defer outFile.Close()
	}
	var pw *columnar.Writer
	if *pq != "" {
		if pw, err = columnar.Create(*pq); err != nil {
			return fail(1, "%v", err)
		}
		defer pw.Close()
	}
	var failedBefore int64 // records that failed in the run resumed
	if *resume {
		each := func(line []byte) error {
			if batch.FailedRecord(line) {
				failedBefore++
			}
			if pw != nil {
				return pw.WriteJSON(line)
			}
			return nil
		}
		if skip, err = batch.Resume(outFile, each); err != nil {
			return fail(1, "resuming %s: %v", *out, err)
		}
		fmt.Fprintf(e.stderr, "kabar batch: resuming after %d records already in %s (%d failed)\n", skip, *out, failedBefore)
	}
	var jw *bufio.Writer
	switch {
	case outFile != nil:
		jw = bufio.NewWriterSize(outFile, 1<<16)
	case pw == nil:
		jw = bufio.NewWriterSize(e.stdout, 1<<16)
	}
	if jw != nil {
		sinks = append(sinks, batch.JSONLSink(jw))
	}
	if pw != nil {
		sinks = append(sinks, pw)
	}

	cnt := new(batch.Counters)
	stopProgress := startProgress(e, cnt, batch.TotalBytes(ins))
	sum, runErr := batch.Run(e.ctx, a, ins, batch.Config{Workers: *workers, Skip: skip, Counters: cnt}, sinks...)
	stopProgress()
	if jw != nil {
		if err := jw.Flush(); err != nil && runErr == nil {
			runErr = err
		}
	}
	if pw != nil {
		if err := pw.Close(); err != nil && runErr == nil {
			runErr = err
		}
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil && runErr == nil {
			runErr = err
		}
	}
	secs := sum.Elapsed.Seconds()
	fmt.Fprintf(e.stderr, "kabar batch: %d records, %d errors, %.1f MB in %.1fs (%.0f records/s, %.2f MB/s)",
		sum.Records, sum.Errors, float64(sum.Bytes)/1e6, secs, float64(sum.Records)/secs, float64(sum.Bytes)/1e6/secs)
	if sum.Skipped > 0 {
		fmt.Fprintf(e.stderr, "; %d skipped (resume)", sum.Skipped)
	}
	fmt.Fprintln(e.stderr)
	switch {
	case errors.Is(runErr, context.Canceled) || errors.Is(runErr, batch.ErrInterrupted):
		if *out != "" {
			return fail(1, "interrupted: %s holds the first %d records, complete; run the same command with --resume to continue", *out, skip+sum.Records)
		}
		return fail(1, "interrupted after %d records; write to a file with -o to be able to --resume", sum.Records)
	case runErr != nil:
		return fail(1, "%v", runErr)
	case sum.Skipped < skip:
		return fail(1, "%s holds %d records but the input has only %d: was it written from another input?", *out, skip, sum.Skipped)
	case sum.Errors+failedBefore > 0:
		return fail(1, "%d record(s) failed (see their \"error\" and \"line\" fields)", sum.Errors+failedBefore)
	}
	return 0
}

// sameFile returns the name of the input that is the file at path, if
// any: an output written there would truncate its own input.
func sameFile(path string, ins []batch.Input) string {
	if path == "" {
		return ""
	}
	st, err := os.Stat(path)
	if err != nil {
		return "" // no such file yet: not an input
	}
	for _, in := range ins {
		if in.Size < 0 {
			continue // stdin or a pipe
		}
		if ist, err := os.Stat(in.Name); err == nil && os.SameFile(st, ist) {
			return in.Name
		}
	}
	return ""
}

// startProgress draws a progress line on stderr while a batch runs, when
// stderr is a terminal. The returned function stops it and clears the line.
func startProgress(e *env, cnt *batch.Counters, total int64) func() {
	f, ok := e.stderr.(*os.File)
	if !ok {
		return func() {}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	start := time.Now()
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-t.C:
				fmt.Fprint(f, "\r\033[K"+progressLine(cnt, total, time.Since(start)))
			}
		}
	}()
	return func() { close(done); <-stopped }
}

// progressLine renders the counters: records, rate, and with a known total
// a bar and the time left.
func progressLine(cnt *batch.Counters, total int64, elapsed time.Duration) string {
	n, errs, b := cnt.Records.Load(), cnt.Errors.Load(), cnt.Bytes.Load()
	secs := max(elapsed.Seconds(), 1e-3)
	s := fmt.Sprintf("%d records (%d errors)  %.0f records/s  %.2f MB/s", n, errs, float64(n)/secs, float64(b)/1e6/secs)
	if total > 0 {
		doneB := b + cnt.SkipB.Load()
		frac := min(float64(doneB)/float64(total), 1)
		const width = 20
		bar := strings.Repeat("#", int(frac*width)) + strings.Repeat(".", width-int(frac*width))
		s = fmt.Sprintf("[%s] %3.0f%%  %s", bar, 100*frac, s)
		if b > 0 {
			left := time.Duration(float64(total-doneB) / (float64(b) / secs) * float64(time.Second))
			s += "  ETA " + left.Round(time.Second).String()
		}
	}
	return s
}
