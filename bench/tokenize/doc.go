// Package tokenizebench compares kabar's tokenizer and sentence splitter
// with prose/v2's on the same text: accuracy on the UD Indonesian
// treebanks (TestAccuracy, needs ../shared) and speed on the seed article
// (the benchmarks).
//
//	cd bench && go test ./tokenize -run TestAccuracy -v
//	cd bench && go test ./tokenize -run '^$' -bench . -cpu 1
package tokenizebench
