// Package batch is the engine of `kabar batch`: it analyses the records of
// JSONL streams and text files in parallel and hands the results to sinks
// in input order, one result per record.
//
// # Ordering with bounded memory
//
// One goroutine reads records and numbers them; [Config.Workers] goroutines
// analyse them with one shared [kabar.Analyzer]; the calling goroutine
// writes results in sequence order, holding the ones that finish early. A
// window bounds the records read but not yet written ([Config.Window],
// default 64 per worker) and their input bytes ([Config.WindowBytes],
// default 8 MiB); a record larger than the byte bound is admitted alone.
// The read records wait in a buffered channel, so that a worker that
// finishes never waits for the reader, and the window is deep enough that
// the other workers go on while one is on a long record: with a window of
// 4 records per worker and an unbuffered channel, two workers were busy
// 94% of the time on news articles, with this one 98% (execution trace
// and /usr/bin/time, 10,000 articles).
// So memory does not grow with the archive, and one slow record stalls
// reading once the window is full rather than piling up results. The JSON
// of records over [StreamAbove] bytes is streamed by the sink
// ([kabar.Result.WriteJSON]) instead of being built whole by a worker.
//
// # Bad records
//
// Every record yields exactly one result: malformed JSON, empty lines, a
// missing or non-string text, invalid UTF-8 and texts over the analyser's
// size limit become results with Err set, which the JSONL sink writes as
// {"id":…,"line":…,"error":…}. Line numbers count from 1 in each JSONL
// input; a text file is one record, at line 1. A line ends at \n or \r\n,
// and a UTF-8 byte order mark at the start of a JSONL input is skipped
// ([Line]), so that a file saved by a Windows editor loses no record. Errors reading an input or writing a sink stop the
// run and are returned.
//
// # Interruption and resume
//
// When the context ends, reading stops, records in flight finish quickly
// (analysis checks the context), and the sinks receive every result that
// precedes the first record not finished, so the output is a complete
// prefix of the uninterrupted output; [Run] returns an error wrapping
// [ErrInterrupted]. It does not wait for an input that sends nothing (a
// pipe or a terminal): a read blocked on one is left to end with it.
// [Resume] prepares an output file for continuing: it counts its complete
// lines, truncates a torn last line and returns the number of records to
// skip ([Config.Skip]). This assumes the input is the same, in the same
// order. [FailedRecord] tells the kept lines of failed records, so that a
// resumed run's exit status can count them.
//
// # Inputs
//
// [Resolve] turns command-line arguments into [Input]s: JSONL files
// (*.jsonl, *.ndjson, *.json), directories (their *.txt files, recursively,
// in lexical order; each file's id is its path as given) and other files
// (one text record each), or stdin.
package batch
