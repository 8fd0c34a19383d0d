// Command pipeline compares kabar's full pipeline with prose/v2's on the
// same Indonesian news corpus and prints MB/s, documents/s, start-up time
// and peak memory side by side. Each library runs in its own process, so
// that peak RSS is its own.
//
//	go run ./cmd/pipeline                       # IndoSum dev (../shared) or testdata/articles.jsonl
//	go run ./cmd/pipeline -lib kabar -corpus FILE.jsonl
//	go run ./cmd/pipeline -lib kabar-steady     # the second half after the first (steady state)
//	go run ./cmd/pipeline -lib stages           # what each kabar stage costs
//	go run ./cmd/pipeline -export /tmp/indosum.jsonl              # corpus as kabar batch input
//	go run ./cmd/pipeline -export /tmp/gen.jsonl -generate 100000 # N documents cycling the corpus
//	go run ./cmd/pipeline -export /tmp/big.jsonl -big 50          # one 50 MB document
package main
