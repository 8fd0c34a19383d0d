// Package pipeline compares kabar's full pipeline (sentences, tokens,
// stems, entities, summary, keywords, stats) with prose/v2's full pipeline
// (segmentation, tokens, English part-of-speech tags, entities) on the same
// Indonesian news texts: MB/s, documents/s and peak memory. prose has no
// Indonesian model; it is the anchor for speed, not for accuracy.
//
// The corpus is the IndoSum development articles from ../shared (read at
// run time, never copied; CC BY-SA 4.0), or the ten articles committed in
// testdata/articles.jsonl when ../shared is absent.
package pipeline
