package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/kabar-id/kabar"
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

func evalTokenize(e *env, args []string) int { return notYet(e, "eval tokenize") }
