package columnar

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/summarize"
)

var lines = []string{
	`{"id":"a1","category":"nasional","text":"Presiden Joko Widodo tiba di Surabaya, Jawa Timur, pada Senin. Ia disambut warga di Bandara Juanda."}`,
	`{"id":2,"text":"Harga beras naik 2,5 persen.","summary":"ringkasan masukan"}`,
	`{"id":"bad","text":5}`,
	`{"text":"Tanpa id. Bank Indonesia mempertahankan suku bunga."}`,
}

// results analyses lines and returns the results and their JSON lines.
func results(t testing.TB) ([]*kabar.Result, [][]byte) {
	a, err := kabar.New()
	if err != nil {
		t.Fatal(err)
	}
	var rs []*kabar.Result
	var js [][]byte
	for i, l := range lines {
		r := a.AnalyzeLineResult(context.Background(), []byte(l), i+1)
		rs = append(rs, r)
		js = append(js, r.AppendJSON(nil))
	}
	// A made-up result with every kind of field, whatever the stages find.
	text := "Retno Marsudi bertemu wakil ASEAN di Vientiane."
	r := &kabar.Result{
		Record: kabar.Record{Line: 5, ID: []byte(`{"n":5}`), Extra: []kabar.Field{{Key: "kategori", Value: []byte(`"internasional"`)}}},
		Doc: &kabar.Document{
			Entities: []entities.Mention{
				{Text: "Retno Marsudi", Label: entities.PER, Start: 0, End: 13, Score: 0.97},
				{Text: "ASEAN", Label: entities.ORG, Start: 30, End: 35, Score: 0.5},
				{Text: "Vientiane", Label: entities.LOC, Start: 39, End: 48, Score: 1},
			},
			Summary:  []summarize.Sentence{{Text: text, End: len(text), Score: 1}},
			Keywords: []summarize.Keyword{{Text: "asean", Score: 2}, {Text: "retno marsudi", Score: 1.5}},
			Stats:    &kabar.Stats{Bytes: len(text), Chars: len(text), Sentences: 1, Tokens: 8, Words: 7, Entities: 3, Groups: 3},
		},
	}
	rs = append(rs, r)
	js = append(js, r.AppendJSON(nil))
	return rs, js
}

func write(t *testing.T, dir string, add func(w *Writer) error) {
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := add(w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func readBack[T any](t *testing.T, path string) []T {
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestResultsAndJSONAgree: rows from live results and rows from the JSONL
// lines those results made are the same (resume rebuilds the tables from
// the JSONL).
func TestResultsAndJSONAgree(t *testing.T) {
	rs, js := results(t)
	d1, d2 := t.TempDir(), t.TempDir()
	write(t, d1, func(w *Writer) error {
		for i, r := range rs {
			if err := w.Write(r, js[i]); err != nil {
				return err
			}
		}
		return nil
	})
	write(t, d2, func(w *Writer) error {
		for _, j := range js {
			if err := w.WriteJSON(j); err != nil {
				return err
			}
		}
		return nil
	})
	docs1, docs2 := readBack[Doc](t, filepath.Join(d1, DocumentsFile)), readBack[Doc](t, filepath.Join(d2, DocumentsFile))
	if len(docs1) != len(lines)+1 || !reflect.DeepEqual(docs1, docs2) {
		t.Errorf("documents from results and from JSON differ:\n%+v\n%+v", docs1, docs2)
	}
	m1, m2 := readBack[Mention](t, filepath.Join(d1, MentionsFile)), readBack[Mention](t, filepath.Join(d2, MentionsFile))
	if !reflect.DeepEqual(m1, m2) {
		t.Errorf("mentions from results and from JSON differ:\n%+v\n%+v", m1, m2)
	}
	if d := docs1[1]; d.ID == nil || *d.ID != "2" || d.Fields == nil || *d.Fields != `{"input_summary":"ringkasan masukan"}` {
		t.Errorf("record 2: id %v, fields %v", d.ID, d.Fields)
	}
	if d := docs1[2]; d.Error == nil || *d.Error != `"text" is not a string` || d.Line == nil || *d.Line != 3 {
		t.Errorf("record 3: error %v at line %v", d.Error, d.Line)
	}
	if err := (&Writer{}).WriteJSON([]byte(`[1]`)); err == nil {
		t.Error("WriteJSON accepted a non-object")
	}
}

// hyparquet returns the path of hyparquet's node entry point, or skips.
func hyparquet(t *testing.T) string {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node not found: cannot check the Parquet files with hyparquet (.ci/npm-deps.sh installs it)")
	}
	dir := os.Getenv("KABAR_NPM_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			t.Skip("no cache dir and KABAR_NPM_DIR unset: cannot find hyparquet")
		}
		dir = filepath.Join(cache, "kabar-npm")
	}
	entry := filepath.Join(dir, "node_modules", "hyparquet", "src", "node.js")
	if _, err := os.Stat(entry); err != nil {
		t.Skipf("hyparquet not installed at %s: run .ci/npm-deps.sh (or set KABAR_NPM_DIR) to check the Parquet files with an independent reader", entry)
	}
	return entry
}

// TestHyparquet reads the tables back with hyparquet, a Parquet reader in
// pure JavaScript that shares no code with parquet-go, and checks every row.
func TestHyparquet(t *testing.T) {
	entry := hyparquet(t)
	rs, js := results(t)
	dir := t.TempDir()
	write(t, dir, func(w *Writer) error {
		for i, r := range rs {
			if err := w.Write(r, js[i]); err != nil {
				return err
			}
		}
		return nil
	})
	docsPath, mentPath := filepath.Join(dir, DocumentsFile), filepath.Join(dir, MentionsFile)
	out, err := exec.Command("node", "testdata/read.mjs", entry, docsPath, mentPath).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var got map[string]struct {
		NumRows int              `json:"num_rows"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// The same rows, read by parquet-go, rendered the way JSON renders them.
	asJSON := func(v any) []map[string]any {
		b, _ := json.Marshal(v)
		var m []map[string]any
		json.Unmarshal(b, &m)
		return m
	}
	docs := readBack[Doc](t, docsPath)
	ments := readBack[Mention](t, mentPath)
	for _, c := range []struct {
		path string
		want []map[string]any
	}{{docsPath, asJSON(docRows(docs))}, {mentPath, asJSON(mentionRows(ments))}} {
		g := got[c.path]
		if g.NumRows != len(c.want) || len(g.Rows) != len(c.want) {
			t.Errorf("%s: hyparquet read %d rows (metadata %d), want %d", filepath.Base(c.path), len(g.Rows), g.NumRows, len(c.want))
			continue
		}
		for i := range c.want {
			if !reflect.DeepEqual(g.Rows[i], c.want[i]) {
				t.Errorf("%s row %d:\nhyparquet %v\nwant      %v", filepath.Base(c.path), i, g.Rows[i], c.want[i])
			}
		}
	}
	if len(docs) != len(lines)+1 || len(ments) < 3 {
		t.Errorf("%d document rows and %d mention rows for %d records", len(docs), len(ments), len(lines)+1)
	}
}

// docRows renders documents with the column names as keys.
func docRows(ds []Doc) []map[string]any {
	var out []map[string]any
	for _, d := range ds {
		kw := []any{}
		for _, k := range d.Keywords {
			kw = append(kw, k)
		}
		out = append(out, map[string]any{
			"record": d.Record, "line": d.Line, "id": d.ID, "fields": d.Fields, "error": d.Error,
			"bytes": d.Bytes, "chars": d.Chars, "sentences": d.Sentences, "tokens": d.Tokens, "words": d.Words,
			"numbers": d.Numbers, "stopwords": d.Stopwords, "unique_stems": d.UniqueStems, "entities": d.Entities,
			"groups": d.Groups, "summary": d.Summary, "keywords": kw,
		})
	}
	return out
}

func mentionRows(ms []Mention) []map[string]any {
	out := []map[string]any{}
	for _, m := range ms {
		out = append(out, map[string]any{"record": m.Record, "id": m.ID, "label": m.Label, "text": m.Text, "start": m.Start, "end": m.End, "score": m.Score})
	}
	return out
}

// FuzzWriteJSON: any line (a resumed output file may hold anything) gives
// rows or an error, never a panic.
func FuzzWriteJSON(f *testing.F) {
	_, js := results(f)
	for _, j := range js {
		f.Add(j)
	}
	f.Add([]byte(`{"id":1,"line":"x"}`))
	f.Add([]byte(`{"entities":[{"text":1}]}`))
	w, err := Create(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer w.Close()
	f.Fuzz(func(t *testing.T, line []byte) {
		w.WriteJSON(line)
	})
}
