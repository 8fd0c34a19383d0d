package tokeneval_test

import (
	"fmt"

	"github.com/kabar-id/kabar/internal/eval/tokeneval"
)

func ExampleAlign() {
	text := "Dia datang. Kami pulang."
	for _, s := range tokeneval.Align(text, []string{"Dia datang.", "Kami pulang.", "hilang"}) {
		fmt.Println(s)
	}
	// Output:
	// {0 11}
	// {12 24}
	// {-1 -1}
}
