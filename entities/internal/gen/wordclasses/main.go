package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/kabar-id/kabar/entities/internal/wordclass"
)

// corpora whose text (not labels) is read; evaluation splits are left out.
var corpora = []string{"idner-news-2k.train.tsv", "nergrit.train.tsv", "nerp.train.tsv"}

func main() {
	shared := flag.String("shared", "../shared", "the shared data directory")
	out := flag.String("o", "entities/data/wordclasses.tsv", "output file")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordclasses:", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	var sents [][]string
	var cased []bool
	f, err := os.Open(filepath.Join(shared, "data/indosum/indosum-dev.jsonl"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var doc struct {
			Paragraphs [][][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return err
		}
		for _, p := range doc.Paragraphs {
			for _, s := range p {
				sents = append(sents, s)
				cased = append(cased, hasUpper(s))
			}
		}
	}
	f.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	for _, c := range corpora {
		f, err := os.Open(filepath.Join(shared, "data/ner", c))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		var cur []string
		flush := func() {
			if len(cur) > 0 {
				sents = append(sents, cur)
				cased = append(cased, hasUpper(cur))
			}
			cur = nil
		}
		for sc.Scan() {
			line := sc.Text()
			if strings.TrimSpace(line) == "" {
				flush()
				continue
			}
			if i := strings.IndexByte(line, '\t'); i > 0 {
				cur = append(cur, line[:i])
			}
		}
		flush()
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	es := wordclass.Build(sents, cased, wordclass.Config{})
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	header := fmt.Sprintf(`Word classes for kabar's entity model: word, cluster (coarse<<8|fine), capitalisation prior (eighths).
Made by: go run ./entities/internal/gen/wordclasses -shared ../shared -o entities/data/wordclasses.tsv
From: IndoSum indosum-dev.jsonl (CC BY-SA 4.0) and the text of %s.
Licence: CC BY-SA 4.0 (derived from IndoSum). %d sentences, %d words.`, strings.Join(corpora, ", "), len(sents), len(es))
	if err := wordclass.Write(w, header, es); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func hasUpper(s []string) bool {
	for _, w := range s {
		for _, r := range w {
			if unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}
