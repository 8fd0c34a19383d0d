// Command gensum learns the embedded data of package summarize from the
// IndoSum development articles: the IDF table (idf.txt) and the weights of
// the Learned method (weights.txt). Run it from the summarize directory with
// go generate, or:
//
//	go run ./summarize/internal/gensum -data ../shared/data/indosum/indosum-dev.jsonl -out summarize
//
// The output is deterministic: running it twice gives the same bytes.
package main
