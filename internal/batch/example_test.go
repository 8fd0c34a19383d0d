package batch_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/batch"
)

// Example analyses three JSONL records, one of them bad, on two workers:
// one output line each, in input order.
func Example() {
	a, err := kabar.New(kabar.WithStages(kabar.StageTokens | kabar.StageStats))
	if err != nil {
		log.Fatal(err)
	}
	in := strings.NewReader(`{"id":1,"text":"Hujan."}` + "\n" + `{"id":2}` + "\n" + `{"id":3,"text":"Cerah sekali."}` + "\n")
	sum, err := batch.Run(context.Background(), a, []batch.Input{batch.ReaderInput("stdin", in)}, batch.Config{Workers: 2}, &idSink{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d records, %d errors\n", sum.Records, sum.Errors)
	// Output:
	// id 1: 2 tokens
	// id 2: line 2: no "text" field
	// id 3: 3 tokens
	// 3 records, 1 errors
}

// idSink prints a line per result.
type idSink struct{}

func (idSink) Write(r *kabar.Result, _ []byte) error {
	if r.Err != nil {
		fmt.Printf("id %s: %v\n", r.ID, r.Err)
	} else {
		fmt.Printf("id %s: %d tokens\n", r.ID, len(r.Doc.Tokens))
	}
	return nil
}
