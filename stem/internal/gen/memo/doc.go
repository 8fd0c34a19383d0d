// Command memo writes stem/memo.txt: the most frequent word forms of
// Indonesian news that are not roots, with the stems that package stem's
// Improved mode gives them, so that stemming running text mostly costs one
// table lookup. It counts
// the words of the IndoSum articles beside the checkout
// (../shared/data/indosum/indosum-dev.jsonl, CC BY-SA 4.0) from article
// -skip on (the first articles are left for benchmarks), drops words that
// the embedded lists already hold (roots, lexical words, variants), and
// keeps the -n most frequent, sorted. When IndoSum is absent it says so
// and leaves the file alone.
package main
