package kabar

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// indosumDev is the IndoSum development set beside the checkout.
const indosumDev = "../shared/data/indosum/indosum-dev.jsonl"

// benchTexts returns the IndoSum development articles (paragraphs joined by
// blank lines, as bench/ rebuilds them), or the texts of
// testdata/articles.jsonl when ../shared is absent.
func benchTexts(b *testing.B) []string {
	b.Helper()
	var texts []string
	read := func(path string, text func([]byte) (string, error)) bool {
		f, err := os.Open(path)
		if err != nil {
			return false
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			t, err := text(sc.Bytes())
			if err != nil {
				b.Fatal(err)
			}
			texts = append(texts, t)
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		return true
	}
	if read(indosumDev, func(line []byte) (string, error) {
		var a struct{ Paragraphs [][][]string }
		if err := json.Unmarshal(line, &a); err != nil {
			return "", err
		}
		var sb strings.Builder
		for i, p := range a.Paragraphs {
			if i > 0 {
				sb.WriteString("\n\n")
			}
			for j, s := range p {
				if j > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(strings.Join(s, " "))
			}
		}
		return sb.String(), nil
	}) {
		return texts
	}
	read("testdata/articles.jsonl", func(line []byte) (string, error) {
		rec, err := ParseRecord(line, 1)
		return rec.Text, err
	})
	return texts
}

// BenchmarkStages measures each step of Analyze and of the JSON encoding
// alone, over the IndoSum development articles (or testdata/articles.jsonl),
// with the default Analyzer: one op is the whole corpus; the ms/MB metric
// is the step's cost per MB of text.
//
//	go test -run - -bench Stages -cpu 1 -count 3 .
func BenchmarkStages(b *testing.B) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	texts := benchTexts(b)
	var mb float64
	for _, t := range texts {
		mb += float64(len(t)) / 1e6
	}
	ctx := context.Background()
	n := len(texts)
	sents := make([][]tokenize.Sentence, n)
	docs := make([]*Document, n)
	mentions := make([][]entities.Mention, n)
	stems := make([][]string, n)
	stop := make([][]bool, n)
	unique := make([]int, n)
	ins := make([]summarize.Input, n)
	for i, t := range texts {
		sents[i] = a.tok.Sentences(t)
		mentions[i] = a.rec.Recognize(t, sents[i])
		docs[i] = &Document{Entities: mentions[i], Groups: entities.GroupMentions(mentions[i])}
		if stems[i], stop[i], unique[i], err = a.stem(ctx, new(scratch), sents[i], mentions[i]); err != nil {
			b.Fatal(err)
		}
		ins[i] = summaryInput(t, sents[i], stems[i], stop[i])
		docs[i].Summary, docs[i].Keywords = a.sum.SummaryAndKeywords(ins[i], a.sumLen, a.nKeywords)
		docs[i].Stats = newStats(t, sents[i], stems[i], stop[i], unique[i], docs[i])
		docs[i].setTokens(ctx, sents[i], stems[i], stop[i], nil)
	}
	run := func(name string, f func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := processCPU()
			for b.Loop() {
				for i := range n {
					f(i)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N)/mb, "ms/MB")
			if c := processCPU() - c0; c0 > 0 {
				b.ReportMetric(c.Seconds()*1000/float64(b.N)/mb, "cpu-ms/MB")
			}
		})
	}
	run("tokenize", func(i int) { a.tok.Sentences(texts[i]) })
	run("entities", func(i int) { a.rec.Recognize(texts[i], sents[i]) })
	run("stem", func(i int) { a.stem(ctx, new(scratch), sents[i], mentions[i]) })
	run("input", func(i int) { summaryInput(texts[i], sents[i], stems[i], stop[i]) })
	run("summary", func(i int) { a.sum.Summarize(ins[i], a.sumLen) })
	run("keywords", func(i int) { a.sum.Keywords(ins[i], a.nKeywords) })
	run("summary+keywords", func(i int) { a.sum.SummaryAndKeywords(ins[i], a.sumLen, a.nKeywords) })
	run("stats", func(i int) { newStats(texts[i], sents[i], stems[i], stop[i], unique[i], docs[i]) })
	run("tokens", func(i int) { new(Document).setTokens(ctx, sents[i], stems[i], stop[i], nil) })
	var buf []byte
	run("encode", func(i int) { buf, _ = appendDocument(buf[:0], docs[i], false) })
	run("analyze+encode", func(i int) {
		r := a.AnalyzeRecord(ctx, Record{Line: 1, Text: texts[i]})
		buf = r.AppendJSON(buf[:0])
		r.Release()
	})
}
