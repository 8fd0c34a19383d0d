//go:build ignore

// Measure's helpers for measure.sh.
//
//	go run ./scripts/measure.go corpus [-repeat N] < indosum.jsonl > in.jsonl
//	go run ./scripts/measure.go sequential < in.jsonl > out.jsonl
//
// corpus turns IndoSum articles (pre-tokenized paragraphs) into kabar input
// records {"id","text","category","source"}: tokens joined with spaces,
// paragraphs with a blank line; -repeat N writes the archive N times with
// distinct ids. sequential analyses JSONL records one after another with
// kabar.Analyzer.AnalyzeLine, the baseline while kabar batch is missing.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/beam/internal/recio"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: measure.go corpus|sequential")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "corpus":
		fs := flag.NewFlagSet("corpus", flag.ExitOnError)
		repeat := fs.Int("repeat", 1, "write the archive this many times")
		fs.Parse(os.Args[2:])
		err = corpus(os.Stdin, os.Stdout, *repeat)
	case "sequential":
		err = sequential(os.Stdin, os.Stdout)
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
}

type article struct {
	ID         string       `json:"id"`
	Category   string       `json:"category"`
	Source     string       `json:"source"`
	Paragraphs [][][]string `json:"paragraphs"`
}

func corpus(r io.Reader, w io.Writer, repeat int) error {
	var recs [][]byte
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		paras := make([]string, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			sents := make([]string, len(p))
			for j, s := range p {
				sents[j] = strings.Join(s, " ")
			}
			paras[i] = strings.Join(sents, " ")
		}
		for k := range repeat {
			id := a.ID
			if repeat > 1 {
				id = fmt.Sprintf("%s#%d", a.ID, k)
			}
			b, err := json.Marshal(map[string]string{"id": id, "text": strings.Join(paras, "\n\n"), "category": a.Category, "source": a.Source})
			if err != nil {
				return err
			}
			recs = append(recs, b)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	// Repeats go after one another, like an archive that grew.
	n := len(recs) / max(repeat, 1)
	for k := range repeat {
		for i := range n {
			bw.Write(recs[i*repeat+k])
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

func sequential(r io.Reader, w io.Writer) error {
	a, err := kabar.New()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err = recio.Lines("stdin", r, func(n int, line []byte) {
		out, _ := a.AnalyzeLine(context.Background(), line, n)
		bw.Write(out)
		bw.WriteByte('\n')
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
