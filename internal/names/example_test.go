package names_test

import (
	"fmt"

	"github.com/kabar-id/kabar/internal/names"
)

func ExampleCapitals() {
	var c names.Capitals
	c.Sentence()
	for _, t := range []string{"Warga", "Bekasi", "berkata", ":", "Kami", "senang"} {
		if t == ":" {
			c.Other(t)
			continue
		}
		fmt.Println(t, c.Word(t))
	}
	// Output:
	// Warga false
	// Bekasi true
	// berkata false
	// Kami false
	// senang false
}
