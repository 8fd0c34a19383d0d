// Package columnar writes the results of a kabar batch as two Parquet
// tables with github.com/parquet-go/parquet-go, for archive-wide analysis in
// DuckDB, pandas/pyarrow, Polars or Spark.
//
// # Tables
//
// documents.parquet has one row per output record: record (its 1-based
// position in the batch's JSONL output, the join key), id (a string id as
// is, another id as JSON), fields (the passthrough fields as a JSON object),
// error and line (failed records only), the counts of the record's stats,
// summary (its sentences joined by a space) and keywords (a list, best
// first). mentions.parquet has one row per entity mention: record, id,
// label, text, and start and end, byte offsets into the document's text.
// Tokens and sentences stay in the JSONL, which is the complete record.
//
// # Sources of rows
//
// Rows come from live results ([Writer.Write], a batch.Sink) or from lines
// of a JSONL output already written ([Writer.WriteJSON], used by --resume
// to rebuild the tables); both give the same rows for the same record
// (tested). A test also reads the files back with hyparquet, an independent
// JavaScript reader.
//
// # Format, memory, concurrency
//
// Pages are Snappy-compressed, which every Parquet reader supports. Row
// groups hold at most [DocsPerGroup] documents (and 16 times as many
// mentions), so memory stays bounded on any archive. The files are valid
// only after [Writer.Close], which an interrupted batch also calls. A
// Writer is not safe for concurrent use; the batch engine calls it from
// one goroutine.
package columnar
