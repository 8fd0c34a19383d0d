// Command kabar analyses Indonesian news text: sentences and tokens, stems,
// named entities, summaries and keywords, for one text or for JSONL batches.
//
//	kabar SUBCOMMAND [flags] [FILE]
//
// FILE defaults to standard input. Output is human-readable text by default,
// --json prints one JSON document, --jsonl reads records {"id":…,"text":…}
// and writes one JSON object per input line. Exit status: 0 on success, 1
// when the input or some record failed, 2 on usage errors.
package main
