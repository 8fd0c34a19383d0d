package wordclass_test

import (
	"fmt"
	"strings"

	"github.com/kabar-id/kabar/entities/internal/wordclass"
)

// Words that share their neighbours share a class; the prior is how often
// a word is capitalised where it does not start a sentence, in eighths.
func ExampleBuild() {
	var sents [][]string
	var cased []bool
	for range 30 {
		sents = append(sents,
			strings.Fields("Presiden Joko tiba di Jakarta kemarin ."),
			strings.Fields("Menteri Retno tiba di Bandung kemarin ."),
			strings.Fields("Presiden Retno pergi ke Jakarta ."))
		cased = append(cased, true, true, true)
	}
	es := wordclass.Build(sents, cased, wordclass.Config{MinCount: 2, Fine: 4, Coarse: 2, Iterations: 3})
	class := map[string]wordclass.Entry{}
	for _, e := range es {
		class[e.Word] = e
	}
	fmt.Println("jakarta and bandung in one cluster:", class["jakarta"].Cluster == class["bandung"].Cluster)
	fmt.Println("priors: jakarta", class["jakarta"].Prior, "tiba", class["tiba"].Prior)
	// Output:
	// jakarta and bandung in one cluster: true
	// priors: jakarta 8 tiba 0
}
