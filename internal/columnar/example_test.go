package columnar_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/columnar"
)

// Example writes the tables of two records and reads the documents back.
func Example() {
	dir, err := os.MkdirTemp("", "columnar")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	a, err := kabar.New(kabar.WithStages(kabar.StageTokens | kabar.StageStats))
	if err != nil {
		log.Fatal(err)
	}
	w, err := columnar.Create(dir)
	if err != nil {
		log.Fatal(err)
	}
	for i, line := range []string{`{"id":"a","text":"Harga beras naik.","category":"ekonomi"}`, `{"id":"b"}`} {
		r := a.AnalyzeLineResult(context.Background(), []byte(line), i+1)
		if err := w.Write(r, nil); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	docs, err := parquet.ReadFile[columnar.Doc](filepath.Join(dir, columnar.DocumentsFile))
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range docs {
		fmt.Printf("record %d id %s: %d words", d.Record, *d.ID, d.Words)
		if d.Fields != nil {
			fmt.Printf(", fields %s", *d.Fields)
		}
		if d.Error != nil {
			fmt.Printf(", error %q at line %d", *d.Error, *d.Line)
		}
		fmt.Println()
	}
	// Output:
	// record 1 id a: 3 words, fields {"category":"ekonomi"}
	// record 2 id b: 0 words, error "no \"text\" field" at line 2
}
