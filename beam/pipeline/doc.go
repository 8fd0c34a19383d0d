// Package pipeline runs kabar's analysis of JSONL news archives on Apache
// Beam (the Go SDK, github.com/apache/beam/sdks/v2), so that an archive too
// large for one machine can be analysed on Flink, Spark or Google Cloud
// Dataflow, and developed and tested locally on Beam's Prism runner.
//
// It lives in its own module, github.com/kabar-id/kabar/beam, so that users
// of the kabar library do not inherit Beam's dependencies.
//
// # Steps
//
// [Build] assembles the whole pipeline from these transforms, each usable on
// its own:
//
//   - [ReadLines] matches file globs on any Beam file system and reads each
//     file line by line, numbering lines from 1 per file, with a splittable
//     DoFn over the file's byte range, so that a runner can split one big
//     file between workers;
//   - [Analyze] turns each line into one output record with
//     [github.com/kabar-id/kabar.Analyzer.AnalyzeLine], the function kabar
//     batch uses, so a record is byte-for-byte what kabar batch writes for
//     the same line (unless [Config.SourceField] asks for provenance), and
//     counts, per bundle, the corpus-level tables, summed per key by a Beam
//     combine: document frequencies of content stems and the number of
//     documents mentioning each entity ([CorpusCounts] computes the same
//     tables from records written earlier);
//   - [WriteSharded] writes the records to JSONL files: by default one per
//     bundle, written where the bundle ran, so the records are never
//     shuffled; or a fixed number of shards;
//   - [WriteIDF] writes the document frequencies in the IDF table format of
//     package summarize (docs N, mindf M, term<TAB>df sorted by term), so
//     that a summariser can use IDF learned from the user's own archive;
//   - [WriteEntities] writes the entity table as JSONL, most frequent first.
//
// The command github.com/kabar-id/kabar/beam/cmd/kabar-beam runs Build with
// flags; the runner is chosen with Beam's own --runner flag.
//
// # Records, bad input and line numbers
//
// Every input line yields exactly one output record; nothing is dropped.
// A line that is not a JSON object with a string "text" (malformed JSON, a
// blank line, a missing or non-string text) becomes an error record
// {"id":…,"line":N,"error":"…"} with its passthrough fields, exactly as in
// kabar batch; the counters kabar/records and kabar/records_failed report
// how many records there were and how many failed.
//
// Lines are numbered per file: for a single input file the numbers are those
// of kabar batch; with several files, "line" in an error record is the line
// in its own file, so two files can both have a line 3. Set
// [Config.SourceField] to add {"file":…,"line":…} to every record when the
// provenance of each record matters.
//
// # Order and determinism
//
// Beam does not keep input order, and neither do the record files. With one
// file per bundle (Options.Shards 0) which records share a file depends on
// how the runner cut the work; with a fixed number of shards a record's
// shard depends on its bytes only, so the set of records in each shard is
// the same on every run with the same input and shard count. Within a file,
// records come in the order the runner delivered them. To restore input
// order, sort by the input's "id" (if ids are ordered), or run with
// [Config.SourceField] and sort by file and line. The records themselves,
// as a set, and the corpus tables, which are sorted, are the same bytes on
// every run.
//
// # Workers and concurrency
//
// Each worker process builds one kabar.Analyzer per [Config] (DoFn Setup
// calls [Config.Analyzer], a build-once cache), and all DoFn instances and
// bundles of that process share it: an Analyzer is immutable and safe for
// concurrent use. With [Config.Workers] above 1, a DoFn instance analyses
// that many records at once in goroutines of its own and emits their
// results from the bundle's goroutine, as Beam requires; the partial counts
// of the corpus tables are kept per DoFn instance and emitted when the
// bundle ends.
//
// # Runners
//
// Prism, the default runner, runs the whole pipeline in the calling process
// over loopback gRPC and needs no network or Docker; it is for development,
// tests and small archives. It splits a file between bundles only when a
// bundle's output stalls, so on one machine [Config.Workers] is what puts
// every CPU to work. Portable runners (Flink, Spark) take --endpoint
// of their job service and run the Go workers in Docker (the
// apache/beam_go_sdk image) or as a cross-compiled linux/amd64
// --worker_binary; Dataflow needs --project, --region, --staging_location and
// --temp_location on gs://. Inputs and outputs must then be on a file system
// every worker can reach (gs://, s3://, or a shared mount). Cross-language
// (Java) transforms are not used: they would download JARs at run time.
//
// # Known limits
//
// A worker that takes over the second part of a split file reads the file
// from its start to count the lines before its part; .gz files are not
// split at all. Each corpus table is written by one worker and sorted in its
// memory: about a hundred bytes per distinct term or entity. The corpus
// tables come from the tokens (with their stems) and entity groups of each
// Document, so they are empty when those stages are switched off in
// [Config.Stages]. Record files of the same name pattern from an earlier run
// in the output directory are removed: the directory belongs to the run.
package pipeline
