package pipeline_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/kabar-id/kabar/beam/pipeline"
)

// Example analyses a small archive of two JSONL files on Prism and lists
// what it wrote: record shards, the IDF table and the entity table.
func Example() {
	dir, err := os.MkdirTemp("", "kabar-beam-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "2024.jsonl"), []byte(
		`{"id":"a","text":"Presiden meresmikan jembatan baru di Jakarta."}`+"\n"+
			`{"id":"b","text":"Jembatan itu menghubungkan dua kota."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2025.jsonl"), []byte(
		`{"id":"c","text":"Harga beras naik lagi."}`+"\n"+
			`{"id":"d","txt":"typo in the field name"}`+"\n"), 0o644)

	o := pipeline.Options{
		Inputs: []string{filepath.Join(dir, "*.jsonl")},
		Output: filepath.Join(dir, "out"),
		Shards: 2,
	}
	p, s := beam.NewPipelineWithRoot()
	if _, err := pipeline.Build(s, o); err != nil {
		fmt.Println(err)
		return
	}
	if err := ptest.Run(p); err != nil { // beam.Run(ctx, "prism", p) outside tests
		fmt.Println(err)
		return
	}

	records, failed := 0, 0
	for i := range 2 {
		f, _ := os.Open(o.OutputRecords(i, 2))
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			records++
			if strings.Contains(sc.Text(), `"error":`) {
				failed++
			}
		}
		f.Close()
	}
	fmt.Printf("%d records, %d with an error\n", records, failed)
	idf, _ := os.ReadFile(o.OutputIDF())
	for l := range strings.Lines(string(idf)) {
		if strings.HasPrefix(l, "docs ") {
			fmt.Print("idf.txt: ", l)
		}
	}
	files, _ := filepath.Glob(filepath.Join(o.Output, "*"))
	for _, f := range files {
		fmt.Println(filepath.Base(f))
	}
	// Output:
	// 4 records, 1 with an error
	// idf.txt: docs 3
	// entities.jsonl
	// idf.txt
	// records-00000-of-00002.jsonl
	// records-00001-of-00002.jsonl
}
