package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRead(t *testing.T) {
	p := write(t, "a.jsonl", `{"id":"1","entities":[{"text":"Haftar","label":"PER","start":0,"end":6},{"text":"2011","label":"DATE","start":9,"end":13}]}`+"\n"+`{"id":"2","error":"no text"}`+"\n")
	docs, err := read(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].ms) != 1 || len(docs[1].ms) != 0 {
		t.Errorf("got %v, want one PER mention in record 1 (DATE left out) and none in record 2", docs)
	}
	if _, err := read(write(t, "b.jsonl", "{\"id\":1}\nnot json\n")); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("malformed line 2: err = %v, want one naming line 2", err)
	}
}

func TestCompareGroups(t *testing.T) {
	g := func(name string, spans ...int) group {
		gr := group{Name: name, Label: "PER"}
		for i := 0; i+1 < len(spans); i += 2 {
			gr.Mentions = append(gr.Mentions, span{spans[i], spans[i+1]})
		}
		return gr
	}
	old := []doc{
		{groups: []group{g("Basuki Tjahaja Purnama", 0, 22), g("Ahok", 29, 33, 40, 44)}},
		{groups: []group{g("Lavrov", 0, 6)}},
	}
	cur := []doc{
		{groups: []group{g("Basuki Tjahaja Purnama", 0, 22, 29, 33, 40, 44)}},
		{groups: []group{g("Lavrov", 0, 6)}},
	}
	differ, joined := compareGroups(old, cur)
	if differ != 1 || len(joined) != 1 || joined[key{"Basuki Tjahaja Purnama", "Ahok"}] != 1 {
		t.Errorf("differ %d, joined %v; want 1 record and Ahok joined Basuki Tjahaja Purnama", differ, joined)
	}
}
