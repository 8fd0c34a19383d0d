// Package kabar analyses Indonesian news text in one call: sentences and
// tokens, stems and stopwords, named entities, an extractive summary and
// keywords, as a [Document] that marshals to a stable JSON shape.
//
//	a, err := kabar.New()              // build once: loads the embedded data
//	d, err := a.Analyze(ctx, text)     // then analyse any number of texts
//
// # Pipeline
//
// [Analyzer.Analyze] runs the stages of the sub-packages in this order, each
// reading the previous stage's output so that nothing is tokenized twice:
//
//  1. [tokenize]: sentences and tokens as byte spans into the text;
//  2. [entities]: person, organisation and place mentions (statistical
//     model) and dates, times, amounts and percentages (rules), then the
//     mentions of one entity grouped per document;
//  3. [stem]: the root of each word token (Enhanced Confix Stripping) and
//     whether it is a stopword. Proper nouns are protected: a word inside a
//     PER, ORG or LOC mention, or capitalised where it does not start a
//     sentence or a clause, is only lower-cased ([stem.Stemmer.StemName]),
//     so that Bekasi does not become bekas. [WithoutNameProtection] turns
//     this off. Entities run before stems for this reason;
//  4. [summarize]: the summary sentences and the keywords, from the stems.
//     The summariser's embedded IDF table and weights were learned from
//     stems made by the same capitalisation rule ([summarize.Summarizer.Prepare],
//     which has no entity mentions), so the pipeline looks its terms up in
//     the table's term space;
//  5. statistics ([Stats]).
//
// [WithStages] selects stages (tokenization always runs; entities also run,
// unreported, when name protection needs them). Other options set the
// stages' data: [WithStemDictionary], [WithEntityModel], [WithGazetteer],
// [WithSummaryLength], [WithSummarySize], [WithSummarizerOptions],
// [WithKeywords], or supply whole stage values
// ([WithTokenizer], [WithStemmer], [WithRecognizer], [WithSummarizer]).
//
// # JSON output
//
// A Document's JSON field names are a contract shared by every kabar
// subcommand and by the Beam pipeline: id, sentences, tokens, entities,
// groups, summary, keywords, stats and, on records that failed, line and
// error. The JSON Schema (draft 2020-12) is schema/document.schema.json,
// also served by package [github.com/kabar-id/kabar/schema]; the README
// documents every field.
//
// For JSONL archives, [Analyzer.AnalyzeLine] turns one input line
// {"id":…,"text":…,…} into one output line: the id, the other input fields
// unchanged and in input order (renamed by [OutputKey] where they would
// clash with the output's own fields), then the Document's fields. A bad
// line still yields one output line, {"id":…,"line":…,"error":…}, so that
// every input record has exactly one output record. [FileRecord] makes the
// record of a plain-text file, whose id is its path.
//
// # Offsets
//
// Every span (sentence, token, entity, group mention, summary sentence)
// carries Start and End, byte offsets into the analysed text:
// text[Start:End] == Text. Stems are separate fields; the surface text is
// never changed.
//
// # Concurrency and cancellation
//
// An Analyzer is immutable after [New] and safe for concurrent use by
// multiple goroutines; build it once (start-up loads the embedded model and
// tables) and share it. Its only per-call state lives in pools
// (internal/pool, which unlike sync.Pool keeps its values across garbage
// collections, at most twice GOMAXPROCS of them, and hands a caller the
// value last used on its own CPU, whose memory that CPU's caches still
// hold): a cache of the stems and stopword flags of the words of earlier
// texts (up to 65,536 words, copies, never the texts), one per goroutine
// at a time, which saves half
// the stemming time and does not change the output; working slices; and
// the sentences and tokens of the Documents that [Result.Release] gives
// back, which `kabar batch` does once a record is written, halving what a
// batch run allocates.
// Analyze looks at its context between stages (tokens, entities, stems,
// summary and keywords, statistics, the Document's tokens) and every few
// thousand tokens within the stemming and the Document's tokens, and
// returns an error wrapping ctx.Err() when it is done. The entity and
// summary stages, which take no context, run to their end once started,
// so a cancellation takes effect after the one in progress.
//
// # Invalid input
//
// Text that is not valid UTF-8 is an [*InvalidUTF8Error] naming the byte
// offset of the first bad byte; nothing is replaced silently. Inside JSONL,
// raw invalid bytes in the line are reported the same way (encoding/json
// would otherwise turn them into U+FFFD); escaped lone surrogates such as
// \ud800 are valid JSON and are decoded to U+FFFD as JSON specifies. Texts
// over the [WithMaxBytes] limit are [ErrTooLarge]. Analysis never panics;
// an empty text gives an empty Document.
//
// # Limits
//
// The whole text and its analysis are held in memory: a Document (and its
// JSON) is about ten times the size of its text. Accuracy and speed are
// those of the stages; the README gives the measured numbers with the
// commands that produce them.
package kabar
