// Package sumeval evaluates kabar's summariser on IndoSum (Kurniawan &
// Louvan 2018, CC BY-SA 4.0): it reads the pre-tokenized articles and joins
// their tokens into plain text (spaces between tokens and sentences, blank
// lines between paragraphs) that kabar tokenizes again, computes ROUGE-1,
// ROUGE-2 and ROUGE-L F1 (Lin 2004) as ROUGE-1.5.5 does without stemming or
// stopword removal (lower case, tokens are runs of letters and digits,
// ROUGE-L is the summary-level union LCS), learns the IDF table and the
// Learned method's weights, and cross-validates them by article.
//
// Articles are prepared by summarize.Prepare (names protected by capitals,
// as the embedded tables are learned); PreparePipeline prepares them with
// the root package's Analyzer instead, as the pipeline gives its stems to
// the summariser, and Config.Test scores those with tables learned from
// the first kind, which is how the shipped tables meet the pipeline.
//
// It backs kabar eval summarize and the generator of the embedded data
// (summarize/internal/gensum). It reads ../shared data only when asked and
// never copies it into the module.
package sumeval
