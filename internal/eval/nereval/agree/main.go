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

type span struct{ Start, End int }

type group struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Mentions []span `json:"mentions"`
}

// doc is what agree reads of one record: its PER, ORG and LOC mentions and
// its groups.
type doc struct {
	ms     map[mention]bool
	groups []group
}

// read returns the mentions and groups of each line of a batch output.
func read(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			Entities []mention `json:"entities"`
			Groups   []group   `json:"groups"`
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
		docs = append(docs, doc{ms, rec.Groups})
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
		var cur []doc
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

func report(old, cur []doc, n int, names string) {
	var no, nc, same int
	gained, lost, named := map[key]int{}, map[key]int{}, map[key]int{}
	want := map[string]bool{}
	for _, s := range strings.Split(names, ",") {
		if s != "" {
			want[s] = true
		}
	}
	for i := range old {
		o, c := old[i].ms, cur[i].ms
		no += len(o)
		nc += len(c)
		for m := range c {
			if o[m] {
				same++
			} else {
				gained[key{m.Label, m.Text}]++
			}
			if want[m.Text] {
				named[key{m.Label, m.Text}]++
			}
		}
		for m := range o {
			if !c[m] {
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
	differ, joined := compareGroups(old, cur)
	nj := 0
	for _, v := range joined {
		nj += v
	}
	fmt.Printf("groups differ in %d records; %d old groups joined a new one of another name\n", differ, nj)
	for _, l := range []struct {
		name string
		c    map[key]int
	}{{"gained", gained}, {"lost", lost}, {"named", named}, {"joined", joined}} {
		for _, c := range top(l.c, n) {
			fmt.Printf("%s\t%d\t%s\t%s\n", l.name, c.n, c.label, c.text)
		}
	}
}

// compareGroups counts the records whose groups differ, and the old groups
// that joined a new group of another name: every mention of the old group
// is one of the new group's (key: the new group's name, then the old's).
func compareGroups(old, cur []doc) (differ int, joined map[key]int) {
	joined = map[key]int{}
	for i := range old {
		if !slices.EqualFunc(old[i].groups, cur[i].groups, func(a, b group) bool {
			return a.Name == b.Name && a.Label == b.Label && slices.Equal(a.Mentions, b.Mentions)
		}) {
			differ++
		}
		for _, g := range cur[i].groups {
			in := map[span]bool{}
			for _, sp := range g.Mentions {
				in[sp] = true
			}
			for _, o := range old[i].groups {
				if o.Name == g.Name || len(o.Mentions) == 0 {
					continue
				}
				all := true
				for _, sp := range o.Mentions {
					all = all && in[sp]
				}
				if all {
					joined[key{g.Name, o.Name}]++
				}
			}
		}
	}
	return differ, joined
}
