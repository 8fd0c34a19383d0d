package main

import (
	"bufio"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

type mention struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// read returns the PER, ORG and LOC mentions of each line of a batch output.
func read(path string) ([]map[mention]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []map[mention]bool
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			Entities []mention `json:"entities"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		ms := map[mention]bool{}
		for _, m := range rec.Entities {
			if m.Label == "PER" || m.Label == "ORG" || m.Label == "LOC" {
				ms[m] = true
			}
		}
		docs = append(docs, ms)
	}
	return docs, sc.Err()
}

type key struct{ label, text string }

type count struct {
	key
	n int
}

// top returns the n keys with the largest counts, then by label and text.
func top(c map[key]int, n int) []count {
	var out []count
	for k, v := range c {
		out = append(out, count{k, v})
	}
	slices.SortFunc(out, func(a, b count) int {
		return cmp.Or(b.n-a.n, strings.Compare(a.label, b.label), strings.Compare(a.text, b.text))
	})
	return out[:min(n, len(out))]
}

func main() {
	n := flag.Int("top", 15, "list this many of the mentions gained and lost most often")
	names := flag.String("names", "", "comma-separated mention texts to count in the new output, by label")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: agree [-top N] [-names A,B] OLD.jsonl NEW.jsonl")
		os.Exit(2)
	}
	old, err := read(flag.Arg(0))
	if err == nil {
		var cur []map[mention]bool
		cur, err = read(flag.Arg(1))
		if err == nil && len(cur) != len(old) {
			err = fmt.Errorf("%d records against %d: not outputs of the same input", len(cur), len(old))
		}
		if err == nil {
			report(old, cur, *n, *names)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "agree:", err)
		os.Exit(1)
	}
}

func report(old, cur []map[mention]bool, n int, names string) {
	var no, nc, same int
	gained, lost, named := map[key]int{}, map[key]int{}, map[key]int{}
	want := map[string]bool{}
	for _, s := range strings.Split(names, ",") {
		if s != "" {
			want[s] = true
		}
	}
	for i := range old {
		no += len(old[i])
		nc += len(cur[i])
		for m := range cur[i] {
			if old[i][m] {
				same++
			} else {
				gained[key{m.Label, m.Text}]++
			}
			if want[m.Text] {
				named[key{m.Label, m.Text}]++
			}
		}
		for m := range old[i] {
			if !cur[i][m] {
				lost[key{m.Label, m.Text}]++
			}
		}
	}
	f1 := 0.0
	if no+nc > 0 {
		f1 = 200 * float64(same) / float64(no+nc)
	}
	fmt.Printf("%d records: %d mentions before, %d after, %d the same; agreement F1 %.1f\n", len(old), no, nc, same, f1)
	fmt.Printf("gained %d, lost %d\n", nc-same, no-same)
	for _, l := range []struct {
		name string
		c    map[key]int
	}{{"gained", gained}, {"lost", lost}, {"named", named}} {
		for _, c := range top(l.c, n) {
			fmt.Printf("%s\t%d\t%s\t%s\n", l.name, c.n, c.label, c.text)
		}
	}
}
