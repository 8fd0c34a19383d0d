// Package entities compares kabar's entity recogniser with prose/v2's
// named-entity pipeline on the same Indonesian news text (the seed article
// testdata/000_891277e20803d97e.txt, repeated to the benchmark's size). It
// holds only benchmarks:
//
//	cd bench && go test -cpu 1 -bench . ./entities
package entities
