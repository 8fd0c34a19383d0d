package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/eval/tokeneval"
	"github.com/kabar-id/kabar/tokenize"
)

func runTokenize(e *env, args []string) int {
	fs := newFlagSet(e, "tokenize", "tokenize [--json|--jsonl] [--replace-invalid] [FILE]")
	asJSON := fs.Bool("json", false, `print {"sentences":[{"text","start","end","tokens":[…]}]}`)
	asJSONL := fs.Bool("jsonl", false, `read JSONL records {"id","text"}; write {"id","sentences","tokens"} per line`)
	replace := fs.Bool("replace-invalid", false, "replace invalid UTF-8 with U+FFFD instead of failing")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	if *asJSONL {
		return analyzeJSONL(e, pos, kabar.WithStages(kabar.StageTokens))
	}
	text, err := readText(e, pos, *replace)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar tokenize: %v\n", err)
		return 1
	}
	sents := tokenize.Sentences(text)
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *asJSON {
		if sents == nil {
			sents = []tokenize.Sentence{}
		}
		b, err := json.Marshal(struct {
			Sentences []tokenize.Sentence `json:"sentences"`
		}{sents})
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar tokenize: %v\n", err)
			return 1
		}
		w.Write(b)
		w.WriteByte('\n')
		return 0
	}
	for i, s := range sents {
		if i > 0 {
			w.WriteByte('\n')
		}
		for _, t := range s.Tokens {
			w.WriteString(t.Text)
			w.WriteByte('\n')
		}
	}
	return 0
}

// evalTokenize scores the tokenizer on the UD Indonesian treebanks; the
// logic is in internal/eval/tokeneval.
func evalTokenize(e *env, args []string) int {
	fs := newFlagSet(e, "eval tokenize", "eval tokenize [--ud DIR] [--assert] [-v N [-clean|-gsd-abbrev|-reseg]]")
	dir := fs.String("ud", filepath.Join("..", "shared", "data", "ud"), "directory of the UD treebanks (gsd/, csui/)")
	assert := fs.Bool("assert", false, fmt.Sprintf("exit 1 unless tokens F1 >= %.1f and sentences F1 >= %.1f on each treebank (news layout), or, for GSD, its regression floors (tokeneval.Floors)", tokeneval.TargetTokens, tokeneval.TargetSentences))
	verbose := fs.Int("v", 0, "print up to N missed gold sentences and N missed gold tokens per treebank")
	cleanMisses := fs.Bool("clean", false, "with -v, print the misses on the lines without treebank artefacts (one sentence per line, capitalised start)")
	abbrevMisses := fs.Bool("gsd-abbrev", false, "with -v, print the misses with kabar's abbreviations scored as word and period, as GSD tokenizes them")
	resegMisses := fs.Bool("reseg", false, "with -v, print the misses against the gold re-segmented at the sentence ends inside lines")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return usageError(err)
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "kabar eval tokenize: unexpected argument %q\n", pos[0])
		return 2
	}
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(e.stderr, "kabar eval tokenize: UD treebanks not found: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	fmt.Fprintf(w, "kabar tokenize on UD Indonesian: documents of %d consecutive treebank lines; F1 %% of exact byte spans\n", tokeneval.DocSize)
	sys := tokeneval.Kabar(tokenize.Default())
	missed := 0
	for _, tb := range tokeneval.Treebanks(*dir) {
		sents, err := tb.Sentences()
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar eval tokenize: %v\n", err)
			return 1
		}
		fmt.Fprintf(w, "%s (%d lines)\n", tb.Name, len(sents))
		var news tokeneval.Scores
		var newsDocs []tokeneval.Doc
		for _, layout := range []tokeneval.Layout{tokeneval.News, tokeneval.RunOn} {
			docs, err := tokeneval.Documents(sents, tokeneval.DocSize, layout)
			if err != nil {
				fmt.Fprintf(e.stderr, "kabar eval tokenize: %v\n", err)
				return 1
			}
			sc := tokeneval.Score(docs, sys)
			tokeneval.WriteTable(w, "  "+layout.String()+" layout", sc)
			if layout == tokeneval.News {
				news, newsDocs = sc, docs
			}
		}
		art := map[tokeneval.Artefact]int{}
		for _, s := range sents {
			art[tokeneval.ArtefactOf(s.Text)]++
		}
		fmt.Fprintf(w, "  %d lines hold a sentence end inside them, %d start in lower case (tokeneval.ArtefactOf)\n", art[tokeneval.TwoOrMore], art[tokeneval.LowerStart])
		if n := art[tokeneval.TwoOrMore] + art[tokeneval.LowerStart]; n > 0 {
			docs, kept, err := tb.Load(tokeneval.News, true)
			if err != nil {
				fmt.Fprintf(e.stderr, "kabar eval tokenize: %v\n", err)
				return 1
			}
			sc := tokeneval.Score(docs, sys)
			tokeneval.WriteTable(w, fmt.Sprintf("  news, other %d lines", kept), sc)
			if *cleanMisses {
				news.SentenceErrors, news.TokenErrors = sc.SentenceErrors, sc.TokenErrors
			}
		}
		if tb.SplitsAbbreviations {
			sc := tokeneval.Score(newsDocs, tokeneval.GSDAbbreviations(sys))
			tokeneval.WriteTable(w, "  news, abbreviations as GSD (Dr. → Dr .)", sc)
			if *abbrevMisses {
				news.SentenceErrors, news.TokenErrors = sc.SentenceErrors, sc.TokenErrors
			}
		}
		if docs, n := tokeneval.Resegment(newsDocs); n > 0 {
			sc := tokeneval.Score(docs, sys)
			tokeneval.WriteTable(w, fmt.Sprintf("  news, gold re-segmented at %d inner ends", n), sc)
			if *resegMisses {
				news.SentenceErrors, news.TokenErrors = sc.SentenceErrors, sc.TokenErrors
			}
		}
		floor, hasFloor := tokeneval.Floors[tb.Name]
		verdict := func(name string, got, want, min float64) string {
			if got >= want {
				return fmt.Sprintf("%s %.2f >= %.1f met", name, got, want)
			}
			if hasFloor && got >= min {
				return fmt.Sprintf("%s %.2f < %.1f MISSED (regression floor %.1f held)", name, got, want, min)
			}
			missed++
			return fmt.Sprintf("%s %.2f < %.1f MISSED", name, got, want)
		}
		fmt.Fprintf(w, "  target (news layout): %s; %s\n", verdict("tokens", news.Tokens.F1(), tokeneval.TargetTokens, floor.Tokens), verdict("sentences", news.Sentences.F1(), tokeneval.TargetSentences, floor.Sentences))
		for i, se := range news.SentenceErrors {
			if i >= *verbose {
				break
			}
			fmt.Fprintf(w, "  missed sentence %s: %q\n", se.ID, se.Gold)
			for _, p := range se.Predicted {
				fmt.Fprintf(w, "      got: %q\n", p)
			}
		}
		for i, te := range news.TokenErrors {
			if i >= *verbose {
				break
			}
			fmt.Fprintf(w, "  missed token %q, got %q in %q\n", te.Gold, te.Predicted, te.Context)
		}
	}
	fmt.Fprintln(w, "prose/v2 on the same documents: cd bench && go test ./tokenize -run TestAccuracy -v")
	if *assert && missed > 0 {
		w.Flush()
		fmt.Fprintf(e.stderr, "kabar eval tokenize: %d accuracy target(s) missed\n", missed)
		return 1
	}
	return 0
}
