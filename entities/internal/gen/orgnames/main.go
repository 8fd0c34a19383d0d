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

func main() {
	dir := flag.String("ner", "../shared/data/ner", "directory of the NER corpora")
	out := flag.String("o", "entities/data/orgnames.txt", "output file")
	label := flag.String("label", "ORG", "the label to list names of (ORG; LOC for experiments)")
	minN := flag.Int("min", 2, "how often the corpora must give a name the label")
	never := flag.String("never", "PER", "comma-separated labels the corpora must never give the name")
	flag.Parse()
	if err := run(*dir, *out, *label, *minN, *never); err != nil {
		fmt.Fprintln(os.Stderr, "orgnames:", err)
		os.Exit(1)
	}
}

func run(dir, out, label string, minN int, never string) error {
	want, err := parseLabel(label)
	if err != nil {
		return err
	}
	var not []entities.Label
	for _, l := range strings.Split(never, ",") {
		nl, err := parseLabel(l)
		if err != nil {
			return err
		}
		not = append(not, nl)
	}
	exs, err := nereval.TrainingData(dir)
	if err != nil {
		return err
	}
	counts := map[string]*[entities.LOC + 1]int{}
	for _, ex := range exs {
		for _, sp := range ex.Spans {
			if sp.Label < entities.PER || sp.Label > entities.LOC {
				continue
			}
			name := strings.ToLower(strings.Join(ex.Words[sp.Start:sp.End], " "))
			if counts[name] == nil {
				counts[name] = new([entities.LOC + 1]int)
			}
			counts[name][sp.Label]++
		}
	}
	var names []string
	for name, c := range counts {
		ok := c[want] >= minN && !strings.ContainsAny(name, "\t\n")
		for _, l := range not {
			ok = ok && c[l] == 0
		}
		if ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("# Names for kabar's entity post-processing: a person mention that is exactly\n")
	fmt.Fprintf(&b, "# one of them is relabelled %s. Lower-cased mention texts that the training\n", want)
	fmt.Fprintf(&b, "# corpora label %s at least %d times and %s never.\n", want, minN, never)
	fmt.Fprintf(&b, "# Made by: go run ./entities/internal/gen/orgnames -label %s -min %d -never %s\n", label, minN, never)
	b.WriteString("# From: idner-news-2k train (MIT); NER-UI and NER-UGM, training nine tenths\n")
	b.WriteString("# (as distributed with IndoLEM); NERGRIT train (Apache-2.0, via IndoNLU).\n")
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

// parseLabel returns the entity label PER, ORG or LOC named s.
func parseLabel(s string) (entities.Label, error) {
	for _, l := range []entities.Label{entities.PER, entities.ORG, entities.LOC} {
		if s == l.String() {
			return l, nil
		}
	}
	return entities.None, fmt.Errorf("label %q: want PER, ORG or LOC", s)
}
