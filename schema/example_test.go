package schema_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/kabar-id/kabar/schema"
)

// Example lists the top-level fields the schema describes.
func Example() {
	var s struct {
		Schema     string                     `json:"$schema"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal([]byte(schema.Document()), &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Schema)
	for _, k := range []string{"id", "sentences", "tokens", "entities", "groups", "summary", "keywords", "stats", "line", "error"} {
		_, ok := s.Properties[k]
		fmt.Println(k, ok)
	}
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// id true
	// sentences true
	// tokens true
	// entities true
	// groups true
	// summary true
	// keywords true
	// stats true
	// line true
	// error true
}
