package kabar_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/tokenize"
)

// Example_pipeline analyses a short news text with every stage and prints
// parts of the Document.
func Example_pipeline() {
	a, err := kabar.New(kabar.WithSummaryLength(1), kabar.WithKeywords(3))
	if err != nil {
		log.Fatal(err)
	}
	text := "Presiden Joko Widodo meresmikan jembatan di Bekasi pada Senin (4/3). " +
		"Jembatan itu menghubungkan permukiman warga dengan pasar."
	d, err := a.Analyze(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range d.Sentences {
		fmt.Printf("sentence %d-%d: %s\n", s.Start, s.End, s.Text)
	}
	first := d.Sentences[0]
	for _, t := range d.Tokens[first.FirstToken : first.FirstToken+first.Tokens] {
		if t.Kind == tokenize.Word {
			fmt.Printf("  %-11s stem=%-9s stop=%v\n", t.Text, t.Stem, t.Stop)
		}
	}
	for _, m := range d.Entities {
		fmt.Printf("entity %s %q\n", m.Label, m.Text)
	}
	for _, s := range d.Summary {
		fmt.Printf("summary: %s\n", s.Text)
	}
	for _, k := range d.Keywords {
		fmt.Printf("keyword: %s\n", k.Text)
	}
	fmt.Printf("%d words, %d stopwords\n", d.Stats.Words, d.Stats.Stopwords)
	// Output:
	// sentence 0-68: Presiden Joko Widodo meresmikan jembatan di Bekasi pada Senin (4/3).
	// sentence 69-126: Jembatan itu menghubungkan permukiman warga dengan pasar.
	//   Presiden    stem=presiden  stop=false
	//   Joko        stem=joko      stop=false
	//   Widodo      stem=widodo    stop=false
	//   meresmikan  stem=resmi     stop=false
	//   jembatan    stem=jembatan  stop=false
	//   di          stem=di        stop=true
	//   Bekasi      stem=bekasi    stop=false
	//   pada        stem=pada      stop=true
	//   Senin       stem=senin     stop=false
	// entity PER "Joko Widodo"
	// entity LOC "Bekasi"
	// entity DATE "Senin (4/3)"
	// summary: Presiden Joko Widodo meresmikan jembatan di Bekasi pada Senin (4/3).
	// keyword: jembatan
	// keyword: permukiman
	// keyword: Bekasi
	// 16 words, 4 stopwords
}

// ExampleAnalyzer_AnalyzeLine turns one JSONL input record into one output
// record, as kabar batch does; the passthrough field "category" is kept.
func ExampleAnalyzer_AnalyzeLine() {
	a, err := kabar.New(kabar.WithStages(kabar.StageTokens | kabar.StageStats))
	if err != nil {
		log.Fatal(err)
	}
	out, err := a.AnalyzeLine(context.Background(), []byte(`{"id":"a1","category":"nasional","text":"Hujan turun."}`), 1)
	if err != nil {
		log.Fatal(err)
	}
	os.Stdout.Write(append(out, '\n'))
	out, err = a.AnalyzeLine(context.Background(), []byte(`{"id":"a2","txt":"salah"}`), 2)
	fmt.Printf("%s\n%v\n", out, err)
	// Output:
	// {"id":"a1","category":"nasional","sentences":[{"text":"Hujan turun.","start":0,"end":12,"first_token":0,"n_tokens":3}],"tokens":[{"text":"Hujan","start":0,"end":5,"kind":"word","sentence":0},{"text":"turun","start":6,"end":11,"kind":"word","sentence":0},{"text":".","start":11,"end":12,"kind":"punct","sentence":0}],"stats":{"bytes":12,"chars":12,"sentences":1,"tokens":3,"words":2,"numbers":0,"stopwords":0,"unique_stems":0,"entities":0,"groups":0}}
	// {"id":"a2","txt":"salah","line":2,"error":"no \"text\" field"}
	// line 2: no "text" field
}
