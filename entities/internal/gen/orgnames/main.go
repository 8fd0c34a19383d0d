package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/internal/eval/nereval"
)

// MinORG is how often the training corpora must label a name ORG.
const MinORG = 2

func main() {
	dir := flag.String("ner", "../shared/data/ner", "directory of the NER corpora")
	out := flag.String("o", "entities/data/orgnames.txt", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "orgnames:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	exs, err := nereval.TrainingData(dir)
	if err != nil {
		return err
	}
	org, per := map[string]int{}, map[string]int{}
	for _, ex := range exs {
		for _, sp := range ex.Spans {
			name := strings.ToLower(strings.Join(ex.Words[sp.Start:sp.End], " "))
			switch sp.Label {
			case entities.ORG:
				org[name]++
			case entities.PER:
				per[name]++
			}
		}
	}
	var names []string
	for name, n := range org {
		if n >= MinORG && per[name] == 0 && !strings.ContainsAny(name, "\t\n") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("# Organisation names for kabar's entity post-processing: a person mention\n")
	b.WriteString("# that is exactly one of them is relabelled ORG. Lower-cased mention texts\n")
	fmt.Fprintf(&b, "# that the training corpora label ORG at least %d times and PER never.\n", MinORG)
	b.WriteString("# Made by: go run ./entities/internal/gen/orgnames -o entities/data/orgnames.txt\n")
	b.WriteString("# From: idner-news-2k train (MIT); NER-UI and NER-UGM, training nine tenths\n")
	b.WriteString("# (as distributed with IndoLEM); NERGRIT train (Apache-2.0, via IndoNLU).\n")
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
