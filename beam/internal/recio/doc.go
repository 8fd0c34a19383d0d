// Package recio holds the Beam-free parts of the kabar Beam pipeline:
// splitting input files, or byte ranges of them, into numbered lines the way
// kabar batch does; adding a provenance field to a record; reading back the
// parts of an output record that the corpus tables count (a JSON scanner
// checked against encoding/json); and a small worker pool. Keeping them
// apart from Beam lets them be race-tested and fuzzed without building Beam.
//
// # Invalid input
//
// Every function taking bytes accepts any bytes without panicking (fuzz
// targets check it). Lines are split on "\n" only, so invalid UTF-8 passes
// through to the analyser, which turns it into an error record.
//
// # Concurrency
//
// The functions hold no shared state. A Pool's methods must be called from
// one goroutine; its work function runs in several.
package recio
