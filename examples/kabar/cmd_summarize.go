package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/eval/sumeval"
	"github.com/kabar-id/kabar/summarize"
)

func runSummarize(e *env, args []string) int {
	fs := newFlagSet(e, "summarize", "summarize [-n 3 | --ratio R | --words W] [--method M] [-k 10] [--json|--jsonl] [--replace-invalid] [FILE]")
	n := fs.Int("n", 3, "number of sentences")
	ratio := fs.Float64("ratio", 0, "fraction of the sentences instead of -n (0 < R ≤ 1)")
	words := fs.Int("words", 0, "word budget instead of -n")
	method := fs.String("method", summarize.Learned.String(), "scoring method: learned, tfidf, lexrank or lead")
	k := fs.Int("k", 10, "number of keywords in --json/--jsonl output")
	asJSON := fs.Bool("json", false, `print {"summary":[{"text","start","end","index","score"}],"keywords":[{"text","score"}]}`)
	asJSONL := fs.Bool("jsonl", false, `read JSONL records {"id","text"}; write {"id","summary","keywords"} per line`)
	replace := fs.Bool("replace-invalid", false, "replace invalid UTF-8 with U+FFFD instead of failing")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	length, err := summaryLength(*n, *ratio, *words)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar summarize: %v\n", err)
		return 2
	}
	if *k < 0 {
		fmt.Fprintf(e.stderr, "kabar summarize: -k %d is negative\n", *k)
		return 2
	}
	m, err := summarize.ParseMethod(*method)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar summarize: %v\n", err)
		return 2
	}
	if *asJSONL {
		return analyzeJSONL(e, pos, kabar.WithStages(kabar.StageSummary|kabar.StageKeywords),
			kabar.WithSummarySize(length), kabar.WithKeywords(*k), kabar.WithSummarizerOptions(summarize.WithMethod(m)))
	}
	s, err := summarize.New(summarize.WithMethod(m))
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar summarize: %v\n", err)
		return 1
	}
	text, err := readText(e, pos, *replace)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar summarize: %v\n", err)
		return 1
	}
	in := s.Prepare(text)
	sum := s.Summarize(in, length)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *asJSON {
		if sum == nil {
			sum = []summarize.Sentence{}
		}
		kw := s.Keywords(in, *k)
		if kw == nil {
			kw = []summarize.Keyword{}
		}
		b, err := json.Marshal(struct {
			Summary  []summarize.Sentence `json:"summary"`
			Keywords []summarize.Keyword  `json:"keywords"`
		}{sum, kw})
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar summarize: %v\n", err)
			return 1
		}
		w.Write(b)
		w.WriteByte('\n')
		return 0
	}
	for _, se := range sum {
		w.WriteString(se.Text)
		w.WriteByte('\n')
	}
	return 0
}

// summaryLength picks the one length flag that was set.
func summaryLength(n int, ratio float64, words int) (summarize.Length, error) {
	switch {
	case ratio != 0 && words != 0:
		return summarize.Length{}, fmt.Errorf("use only one of --ratio and --words")
	case ratio != 0:
		if !(ratio > 0 && ratio <= 1) {
			return summarize.Length{}, fmt.Errorf("--ratio %v not in (0, 1]", ratio)
		}
		return summarize.Ratio(ratio), nil
	case words != 0:
		if words < 0 {
			return summarize.Length{}, fmt.Errorf("--words %d is negative", words)
		}
		return summarize.Words(words), nil
	}
	if n < 0 {
		return summarize.Length{}, fmt.Errorf("-n %d is negative", n)
	}
	return summarize.Sentences(n), nil
}

func runKeywords(e *env, args []string) int {
	fs := newFlagSet(e, "keywords", "keywords [-k 10] [--json] [--replace-invalid] [FILE]")
	k := fs.Int("k", 10, "number of keywords")
	asJSON := fs.Bool("json", false, `print {"keywords":[{"text","score"}]}`)
	replace := fs.Bool("replace-invalid", false, "replace invalid UTF-8 with U+FFFD instead of failing")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	if *k < 0 {
		fmt.Fprintf(e.stderr, "kabar keywords: -k %d is negative\n", *k)
		return 2
	}
	s, err := summarize.New()
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar keywords: %v\n", err)
		return 1
	}
	text, err := readText(e, pos, *replace)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar keywords: %v\n", err)
		return 1
	}
	kw := s.Keywords(s.Prepare(text), *k)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *asJSON {
		if kw == nil {
			kw = []summarize.Keyword{}
		}
		b, err := json.Marshal(struct {
			Keywords []summarize.Keyword `json:"keywords"`
		}{kw})
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar keywords: %v\n", err)
			return 1
		}
		w.Write(b)
		w.WriteByte('\n')
		return 0
	}
	for _, kw := range kw {
		fmt.Fprintf(w, "%.3f\t%s\n", kw.Score, kw.Text)
	}
	return 0
}

func evalSummarize(e *env, args []string) int {
	fs := newFlagSet(e, "eval summarize", "eval summarize [--data FILE] [-n 3] [--lambda L] [--in-sample] [--protect-names=false] [--pipeline] [--assert]")
	data := fs.String("data", filepath.Join("..", "shared", "data", "indosum", "indosum-dev.jsonl"), "IndoSum JSONL file")
	n := fs.Int("n", 3, "summary sentences")
	lambda := fs.Float64("lambda", summarize.DefaultLambda, "MMR lambda")
	inSample := fs.Bool("in-sample", true, "also score the embedded IDF table and weights (learned from the same articles)")
	protect := fs.Bool("protect-names", true, "protect names in summarize.Prepare (false: stem every word, summarize.WithoutNameProtection)")
	pipeline := fs.Bool("pipeline", false, "summarise the articles with the stems the kabar Analyzer gives (entity and capital name protection), learning from summarize.Prepare's stems as the embedded tables do")
	assert := fs.Bool("assert", false, "exit 1 unless the default method beats LEAD-3 by ≥ 4 ROUGE-1 points (CV) and on ROUGE-2 and ROUGE-L")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "kabar eval summarize: unexpected arguments %q\n", pos)
		return 2
	}
	arts, err := sumeval.ReadFile(*data)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval summarize: %v\n", err)
		return 1
	}
	var sumOpts []summarize.Option
	if !*protect {
		sumOpts = append(sumOpts, summarize.WithoutNameProtection())
	}
	s, err := summarize.New(sumOpts...)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval summarize: %v\n", err)
		return 1
	}
	docs := sumeval.Prepare(s, arts)
	cfg := sumeval.Config{N: *n, Lambda: *lambda, InSample: *inSample}
	if *pipeline {
		if cfg.Test, err = sumeval.PreparePipeline(arts); err != nil {
			fmt.Fprintf(e.stderr, "kabar eval summarize: %v\n", err)
			return 1
		}
	}
	rep, err := sumeval.Run(docs, cfg)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar eval summarize: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "ROUGE F1 (%%) of %d-sentence summaries vs the reference summaries of %d articles of %s (%s)\n\n", *n, rep.Articles, filepath.Base(*data), rep.Elapsed.Round(1e6))
	rep.Print(e.stdout)
	if *pipeline {
		diff, nPrep, nPipe, err := sumeval.IDFDiff(docs, cfg.Test)
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar eval summarize: %v\n", err)
			return 1
		}
		fmt.Fprintf(e.stdout, "\npipeline: rows summarise the Analyzer's stems with tables learned from summarize.Prepare's; IDF tables of all articles: %d lines differ (Prepare %d terms, Analyzer %d)\n", diff, nPrep, nPipe)
	}
	if *assert {
		return assertTargets(e, rep)
	}
	return 0
}

func assertTargets(e *env, rep *sumeval.Report) int {
	lead, _ := rep.Find("LEAD-3")
	best, ok := rep.Find(sumeval.DefaultRow)
	if !ok {
		fmt.Fprintf(e.stderr, "kabar eval summarize: no %q row\n", sumeval.DefaultRow)
		return 1
	}
	fail := 0
	check := func(what string, got, want float64) {
		status := "ok"
		if got < want {
			status = "FAIL"
			fail++
		}
		fmt.Fprintf(e.stdout, "%s: %s %.2f, want ≥ %.2f\n", status, what, got, want)
	}
	check(sumeval.DefaultRow+" ROUGE-1", best.R1, lead.R1+4)
	check(sumeval.DefaultRow+" ROUGE-2", best.R2, lead.R2+0.01)
	check(sumeval.DefaultRow+" ROUGE-L", best.RL, lead.RL+0.01)
	if fail > 0 {
		return 1
	}
	return 0
}
