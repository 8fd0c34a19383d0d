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
		a, err := kabar.New(kabar.WithStages(kabar.StageTokens))
		if err != nil {
			fmt.Fprintf(e.stderr, "kabar: %v\n", err)
			return 1
		}
		return runJSONL(e, a, pos)
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
	fs := newFlagSet(e, "eval tokenize", "eval tokenize [--ud DIR] [--assert] [-v N]")
	dir := fs.String("ud", filepath.Join("..", "shared", "data", "ud"), "directory of the UD treebanks (gsd/, csui/)")
	assert := fs.Bool("assert", false, fmt.Sprintf("exit 1 unless tokens F1 >= %.1f and sentences F1 >= %.1f on each treebank (news layout)", tokeneval.TargetTokens, tokeneval.TargetSentences))
	verbose := fs.Int("v", 0, "print up to N missed gold sentences per treebank")
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
	fmt.Fprintf(w, "kabar tokenize on UD Indonesian, documents of %d sentences (F1 %%, exact byte spans)\n", tokeneval.DocSize)
	failed := false
	for _, tb := range tokeneval.Treebanks(*dir) {
		for _, layout := range []tokeneval.Layout{tokeneval.News, tokeneval.RunOn} {
			docs, n, err := tb.Load(layout)
			if err != nil {
				fmt.Fprintf(e.stderr, "kabar eval tokenize: %v\n", err)
				return 1
			}
			sc := tokeneval.Score(docs, tokeneval.Kabar(tokenize.Default()))
			tokeneval.WriteTable(w, fmt.Sprintf("%s (%d sent.) %s", tb.Name, n, layout), sc)
			if layout == tokeneval.News {
				if sc.Tokens.F1() < tokeneval.TargetTokens || sc.Sentences.F1() < tokeneval.TargetSentences {
					failed = true
					fmt.Fprintf(w, "  below target on %s: tokens %.2f (want >= %.1f), sentences %.2f (want >= %.1f)\n",
						tb.Name, sc.Tokens.F1(), tokeneval.TargetTokens, sc.Sentences.F1(), tokeneval.TargetSentences)
				}
				for i, se := range sc.SentenceErrors {
					if i >= *verbose {
						break
					}
					fmt.Fprintf(w, "  missed %s: %q\n", se.ID, se.Gold)
					for _, p := range se.Predicted {
						fmt.Fprintf(w, "      got: %q\n", p)
					}
				}
			}
		}
	}
	fmt.Fprintln(w, "prose/v2 on the same documents: cd bench && go test ./tokenize -run TestAccuracy -v")
	if *assert && failed {
		w.Flush()
		fmt.Fprintln(e.stderr, "kabar eval tokenize: accuracy below target")
		return 1
	}
	return 0
}
