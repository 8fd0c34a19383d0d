package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/kabar-id/kabar"
)

// ErrOptions reports options Build cannot run with.
var ErrOptions = errors.New("pipeline: bad options")

// Options describe one run of the whole pipeline: read, analyse, write the
// records and the corpus tables.
type Options struct {
	// Inputs are globs of JSONL files (local paths, or gs://, s3:// … when
	// that Beam file system is linked in). At least one is needed.
	Inputs []string
	// Output is the directory (or object prefix) the results are written
	// under; see the Output* methods for the file names.
	Output string
	// Shards is the number of record files. 0, the default, lets the
	// runner decide: one file per bundle of work, with no shuffle of the
	// records (see WriteSharded).
	Shards int
	// MinDF drops from the IDF table the terms seen in fewer documents;
	// values below 1 mean 1.
	MinDF int
	// Analysis configures the analyser.
	Analysis Config
}

// OutputRecords returns the name of record shard i of n. With
// Options.Shards 0, n is known after the run only: list
// Output/records-*-of-*.jsonl.
func (o Options) OutputRecords(i, n int) string {
	return ShardName(joinPath(o.Output, "records"), ".jsonl", i, n)
}

// OutputIDF returns the name of the IDF table file.
func (o Options) OutputIDF() string { return joinPath(o.Output, "idf.txt") }

// OutputEntities returns the name of the entity table file.
func (o Options) OutputEntities() string { return joinPath(o.Output, "entities.jsonl") }

// Result holds the PCollections of a built pipeline, for tests and for
// callers that add their own steps.
type Result struct {
	Records  beam.PCollection // PCollection<string>: every output record
	DF       beam.PCollection // PCollection<DocFreq>, before MinDF pruning
	Entities beam.PCollection // PCollection<EntityDocs>
}

// Build adds the whole kabar pipeline to s: ReadLines over o.Inputs, Analyze,
// WriteSharded of the records, WriteIDF and WriteEntities of the tables. It
// returns an error wrapping ErrOptions when o cannot work.
func Build(s beam.Scope, o Options) (Result, error) {
	if len(o.Inputs) == 0 {
		return Result{}, fmt.Errorf("%w: no input", ErrOptions)
	}
	for _, in := range o.Inputs {
		if strings.TrimSpace(in) == "" {
			return Result{}, fmt.Errorf("%w: empty input glob", ErrOptions)
		}
	}
	if strings.TrimSpace(o.Output) == "" {
		return Result{}, fmt.Errorf("%w: no output", ErrOptions)
	}
	if f := o.Analysis.SourceField; f != "" && kabar.OutputKey(f) != f {
		return Result{}, fmt.Errorf("%w: source field %q is one of kabar's output keys", ErrOptions, f)
	}
	if o.Shards < 0 {
		return Result{}, fmt.Errorf("%w: %d shards", ErrOptions, o.Shards)
	}
	// Building the analyser here reports bad options before the run, and
	// costs nothing later: the process-wide analyser is reused.
	if _, err := o.Analysis.Analyzer(); err != nil {
		return Result{}, fmt.Errorf("%w: %w", ErrOptions, err)
	}
	var r Result
	lines := ReadLines(s, o.Inputs...)
	r.Records, r.DF, r.Entities = Analyze(s, o.Analysis, lines)
	WriteSharded(s, joinPath(o.Output, "records"), ".jsonl", o.Shards, r.Records)
	header := []string{
		"IDF table learned by kabar-beam (github.com/kabar-id/kabar/beam) from " + strings.Join(o.Inputs, " "),
		"terms: stems of word tokens that are not stopwords; df: number of documents containing the term",
	}
	WriteIDF(s, o.OutputIDF(), header, o.MinDF, r.DF)
	WriteEntities(s, o.OutputEntities(), r.Entities)
	return r, nil
}
