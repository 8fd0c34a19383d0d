package sumeval_test

import (
	"fmt"

	"github.com/kabar-id/kabar/internal/eval/sumeval"
)

func ExampleScore() {
	cand := [][]string{sumeval.RougeTokens("Haftar menolak gencatan senjata.")}
	ref := [][]string{sumeval.RougeTokens("Jenderal Haftar menolak gencatan senjata di Libya.")}
	r := sumeval.Score(cand, ref)
	fmt.Printf("ROUGE-1 P %.2f R %.2f F %.2f\n", r.R1.P, r.R1.R, r.R1.F)
	fmt.Printf("ROUGE-2 F %.2f, ROUGE-L F %.2f\n", r.R2.F, r.RL.F)
	// Output:
	// ROUGE-1 P 1.00 R 0.57 F 0.73
	// ROUGE-2 F 0.67, ROUGE-L F 0.73
}

func ExampleRougeTokens() {
	fmt.Printf("%q\n", sumeval.RougeTokens("Rp1,5 triliun (29/11) di Jl. Thamrin"))
	// Output:
	// ["rp1" "5" "triliun" "29" "11" "di" "jl" "thamrin"]
}
