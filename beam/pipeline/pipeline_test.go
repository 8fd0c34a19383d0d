package pipeline_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/beam/pipeline"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// The pipelines of these tests run one after another, never with
// t.Parallel: Prism can trip the race detector when jobs run concurrently.

// article is the start of the seed article (testdata/ of the root module).
func article(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mixedInput returns JSONL lines covering good records, passthrough fields
// and every kind of bad record.
func mixedInput(t *testing.T) string {
	t.Helper()
	text, _ := json.Marshal(article(t))
	lines := []string{
		`{"id":"seed","text":` + string(text) + `,"source":"seed","meta":{"a":[1, 2.50, "x"]}}`,
		`{"text":"Presiden Joko Widodo meresmikan jembatan di Jakarta pada Senin (12/2).","id":2,"big":12345678901234567890}`,
		`{"id":3,"text":"Menteri Keuangan Sri Mulyani Indrawati berbicara di Bandung."}`,
		`not json at all`,
		``,
		`{"id":6}`,
		`{"id":7,"text":42}`,
		"{\"id\":8,\"text\":\"bad \xff byte\"}",
		`{"id":9,"text":""}`,
		`{"id":10,"text":"Harga beras naik 5% menjadi Rp 15.000 per kilogram."} trailing`,
		`[1,2,3]`,
		`{"id":12,"text":"Mereka sedang mempermainkan anak-anak itu.","lang":"id"}`,
		`   `,
		`{"id":14,"text":"Kedua, kedua, kedua."}`,
	}
	return strings.Join(lines, "\n") + "\r\n" + `{"id":15,"text":"Baris terakhir tanpa akhir baris."}`
}

// expectedRecords runs the root package over in, line by line, as kabar
// batch does: the records the pipeline must write.
func expectedRecords(t *testing.T, in string) (records []string, failed int) {
	t.Helper()
	records, good := expectedGood(t, in)
	return records, len(records) - len(good)
}

// expectedGood is expectedRecords, returning the records without error.
func expectedGood(t *testing.T, in string) (records, good []string) {
	t.Helper()
	a, err := kabar.New()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(in))
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		out, err := a.AnalyzeLine(context.Background(), sc.Bytes(), n)
		if err == nil {
			good = append(good, string(out))
		}
		records = append(records, string(out))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return records, good
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readShards reads the record files of a run and checks that all n exist.
func readShards(t *testing.T, o pipeline.Options, n int) []string {
	t.Helper()
	var lines []string
	for i := range n {
		b, err := os.ReadFile(o.OutputRecords(i, n))
		if err != nil {
			t.Fatalf("shard %d: %v", i, err)
		}
		if len(b) > 0 && b[len(b)-1] != '\n' {
			t.Errorf("shard %d does not end with a newline", i)
		}
		for l := range strings.Lines(string(b)) {
			lines = append(lines, strings.TrimSuffix(l, "\n"))
		}
	}
	matches, _ := filepath.Glob(filepath.Join(o.Output, "records-*-of-*.jsonl"))
	if len(matches) != n {
		t.Errorf("%d record files, want %d: %q", len(matches), n, matches)
	}
	return lines
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = slices.Clone(got), slices.Clone(want)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		for _, g := range got {
			if !slices.Contains(want, g) {
				t.Errorf("%s: unexpected %.300s", what, g)
			}
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: missing %.300s", what, w)
			}
		}
		t.Errorf("%s: got %d lines, want %d", what, len(got), len(want))
	}
}

// build returns the whole pipeline for o, not yet run.
func build(t *testing.T, o pipeline.Options) (pipeline.Result, *beam.Pipeline) {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	r, err := pipeline.Build(s, o)
	if err != nil {
		t.Fatal(err)
	}
	return r, p
}

// TestRecordsMatchRoot checks that the records written equal, byte for
// byte, what the root package writes for the same lines, error records
// and passthrough fields included, and that every shard file is written.
func TestRecordsMatchRoot(t *testing.T) {
	dir := t.TempDir()
	in := mixedInput(t)
	writeFile(t, filepath.Join(dir, "in.jsonl"), in)
	want, good := expectedGood(t, in)
	failed := len(want) - len(good)
	if failed < 7 {
		t.Fatalf("the test input has %d bad records, want at least 7", failed)
	}
	o := pipeline.Options{Inputs: []string{filepath.Join(dir, "in.jsonl")}, Output: filepath.Join(dir, "out"), Shards: 3}
	r, p := build(t, o)
	passert.Equals(p.Root(), r.Records, toAny(want)...)
	// The tables Analyze counts from Documents equal those CorpusCounts
	// reads back from the good records.
	df, ents := pipeline.CorpusCounts(p.Root(), beam.CreateList(p.Root(), good))
	passert.Equals(p.Root(), r.DF, df)
	passert.Equals(p.Root(), r.Entities, ents)
	res := ptest.RunAndValidate(t, p)
	sameLines(t, "record files", readShards(t, o, 3), want)
	idf, err := os.ReadFile(o.OutputIDF())
	if err != nil {
		t.Fatal(err)
	}
	if docs := fmt.Sprintf("\ndocs %d\n", len(want)-failed); !strings.Contains(string(idf), docs) {
		t.Errorf("idf.txt does not count the %d good records (%q):\n%.300s", len(want)-failed, docs, idf)
	}
	if got := counter(res, "records"); got != int64(len(want)) {
		t.Errorf("counter kabar/records = %d, want %d", got, len(want))
	}
	if got := counter(res, "records_failed"); got != int64(failed) {
		t.Errorf("counter kabar/records_failed = %d, want %d", got, failed)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func counter(res beam.PipelineResult, name string) int64 {
	var n int64
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "kabar" && c.Name() == name {
			n += max(c.Committed, c.Attempted)
		}
	}
	return n
}

// TestGlobSeveralFiles reads a glob over several files, one gzipped, and
// checks that lines are numbered per file and that SourceField names the
// file and line of each record.
func TestGlobSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": "{\"id\":\"a1\",\"text\":\"Rumah itu besar.\"}\nbroken\n",
		"b.jsonl": "\n{\"id\":\"b2\",\"text\":\"Jalan ke Bandung macet.\",\"x\":true}",
		"c.jsonl": "{\"id\":\"c1\",\"text\":\"Hujan turun di Bogor.\"}\n",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	writeFile(t, filepath.Join(dir, "ignored.txt"), "{\"id\":\"no\",\"text\":\"tidak dibaca\"}\n")
	// A gzipped file is decompressed.
	var gz strings.Builder
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("{\"id\":\"d1\",\"text\":\"Kereta cepat tiba.\"}\n{\"id\":\"d2\"}\n"))
	zw.Close()
	files["d.jsonl.gz"] = "{\"id\":\"d1\",\"text\":\"Kereta cepat tiba.\"}\n{\"id\":\"d2\"}\n"
	writeFile(t, filepath.Join(dir, "d.jsonl.gz"), gz.String())

	var want, wantSrc []string
	for name, content := range files {
		recs, _ := expectedRecords(t, content)
		for i, rec := range recs {
			want = append(want, rec)
			src := fmt.Sprintf(`{"src":{"file":%q,"line":%d}`, filepath.Join(dir, name), i+1)
			if rec == "{}" {
				wantSrc = append(wantSrc, src+"}")
			} else {
				wantSrc = append(wantSrc, src+","+rec[1:])
			}
		}
	}

	o := pipeline.Options{
		Inputs: []string{filepath.Join(dir, "*.jsonl"), filepath.Join(dir, "*.gz")},
		Output: filepath.Join(dir, "out"),
		Shards: 2,
	}
	r, p := build(t, o)
	passert.Equals(p.Root(), r.Records, toAny(want)...)
	ptest.RunAndValidate(t, p)
	sameLines(t, "record files", readShards(t, o, 2), want)

	o.Output = filepath.Join(dir, "out-src")
	o.Analysis.SourceField = "src"
	r, p = build(t, o)
	passert.Equals(p.Root(), r.Records, toAny(wantSrc)...)
	ptest.RunAndValidate(t, p)
	sameLines(t, "record files with source", readShards(t, o, 2), wantSrc)
}

// TestBundleFiles checks the default sharding, one file per bundle: the
// records are all there, the files are numbered i-of-n, the temporary files
// are gone, and record files of an earlier run are removed.
func TestBundleFiles(t *testing.T) {
	dir := t.TempDir()
	in := mixedInput(t)
	writeFile(t, filepath.Join(dir, "in.jsonl"), in)
	want, _ := expectedRecords(t, in)
	o := pipeline.Options{Inputs: []string{filepath.Join(dir, "in.jsonl")}, Output: filepath.Join(dir, "out")}
	o.Analysis.Workers = 4 // analysing in goroutines gives the same records
	stale := o.OutputRecords(7, 9)
	writeFile(t, stale, "{\"old\":true}\n")
	writeFile(t, filepath.Join(o.Output, "records-notes.txt"), "not a shard\n")
	_, p := build(t, o)
	ptest.RunAndValidate(t, p)

	files, _ := filepath.Glob(filepath.Join(o.Output, "records-*-of-*.jsonl"))
	if len(files) == 0 {
		t.Fatal("no record files")
	}
	var n int
	if _, err := fmt.Sscanf(filepath.Base(files[0]), "records-00000-of-%05d.jsonl", &n); err != nil || n != len(files) {
		t.Fatalf("record files %q: want records-00000-of-%05d.jsonl and the others", files, len(files))
	}
	sameLines(t, "record files", readShards(t, o, n), want)
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("%s of an earlier run is still there", stale)
	}
	if _, err := os.Stat(filepath.Join(o.Output, "records-notes.txt")); err != nil {
		t.Errorf("a file not named like a shard was removed: %v", err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(o.Output, "*tmp*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %q", tmp)
	}
}

// TestNoRecords checks that an empty input gives one empty record file.
func TestNoRecords(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "empty.jsonl"), "")
	o := pipeline.Options{Inputs: []string{filepath.Join(dir, "empty.jsonl")}, Output: filepath.Join(dir, "out")}
	_, p := build(t, o)
	ptest.RunAndValidate(t, p)
	if got := readShards(t, o, 1); len(got) != 0 {
		t.Errorf("records %q, want none", got)
	}
}

// TestConfigOptions checks that Config's options reach the analyser: the
// records equal those of kabar.New with the same options.
func TestConfigOptions(t *testing.T) {
	dir := t.TempDir()
	in := mixedInput(t)
	writeFile(t, filepath.Join(dir, "in.jsonl"), in)
	cfg := pipeline.Config{
		Stages:           kabar.StageTokens | kabar.StageStems | kabar.StageSummary | kabar.StageStats,
		SummaryLength:    1,
		Keywords:         -1,
		MaxBytes:         200, // the seed article becomes an error record
		NoNameProtection: true,
	}
	a, err := kabar.New(kabar.WithStages(cfg.Stages), kabar.WithSummaryLength(1), kabar.WithKeywords(0),
		kabar.WithMaxBytes(200), kabar.WithoutNameProtection())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for n, line := range strings.Split(strings.ReplaceAll(in, "\r\n", "\n"), "\n") {
		out, _ := a.AnalyzeLine(context.Background(), []byte(line), n+1)
		want = append(want, string(out))
	}
	if !strings.Contains(want[0], "limit 200") {
		t.Fatalf("the seed article is not over the size limit: %.200s", want[0])
	}
	o := pipeline.Options{Inputs: []string{filepath.Join(dir, "in.jsonl")}, Output: filepath.Join(dir, "out"), Analysis: cfg}
	r, p := build(t, o)
	passert.Equals(p.Root(), r.Records, toAny(want)...)
	ptest.RunAndValidate(t, p)
}

// TestSourceFieldCollision checks that an input field named like the source
// field fails the pipeline instead of writing the key twice.
func TestSourceFieldCollision(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "in.jsonl"), `{"id":1,"text":"Rumah.","src":"mine"}`+"\n")
	o := pipeline.Options{Inputs: []string{filepath.Join(dir, "in.jsonl")}, Output: filepath.Join(dir, "out")}
	o.Analysis.SourceField = "src"
	_, p := build(t, o)
	if err := ptest.Run(p); err == nil || !strings.Contains(err.Error(), "choose another name") {
		t.Errorf("a colliding source field: pipeline error %v, want one that says so", err)
	}
}

// TestNoMatch checks that a glob matching no file fails the pipeline.
func TestNoMatch(t *testing.T) {
	dir := t.TempDir()
	_, p := build(t, pipeline.Options{Inputs: []string{filepath.Join(dir, "nothing-*.jsonl")}, Output: filepath.Join(dir, "out")})
	if err := ptest.Run(p); err == nil {
		t.Error("a glob matching nothing: pipeline succeeded")
	}
}

func TestBuildErrors(t *testing.T) {
	for _, o := range []pipeline.Options{
		{Output: "out"},
		{Inputs: []string{" "}, Output: "out"},
		{Inputs: []string{"in.jsonl"}},
		{Inputs: []string{"in.jsonl"}, Output: "out", Shards: -1},
		{Inputs: []string{"in.jsonl"}, Output: "out", Analysis: pipeline.Config{SourceField: "tokens"}},
	} {
		_, s := beam.NewPipelineWithRoot()
		if _, err := pipeline.Build(s, o); err == nil {
			t.Errorf("Build(%+v): no error", o)
		}
	}
}

// summarizeInput is the summarize.Input of a Document, with the stems and
// stopword flags the root package gave its tokens.
func summarizeInput(text string, d *kabar.Document) summarize.Input {
	in := summarize.Input{Text: text}
	for _, s := range d.Sentences {
		ts := d.Tokens[s.FirstToken : s.FirstToken+s.Tokens]
		se := tokenize.Sentence{Text: s.Text, Start: s.Start, End: s.End}
		stems, stop := make([]string, len(ts)), make([]bool, len(ts))
		for j, t := range ts {
			se.Tokens = append(se.Tokens, tokenize.Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind})
			stems[j], stop[j] = t.Stem, t.Stop
		}
		in.Sentences = append(in.Sentences, se)
		in.Stems = append(in.Stems, stems)
		in.Stop = append(in.Stop, stop)
	}
	return in
}

// corpusTexts is the small corpus of the aggregation tests.
var corpusTexts = []string{
	"Presiden Joko Widodo meresmikan jembatan baru di Jakarta. Jembatan itu panjang.",
	"Gubernur Jakarta meninjau banjir di Jakarta Utara bersama Presiden Joko Widodo.",
	"Menteri Keuangan Sri Mulyani Indrawati berbicara di Bandung tentang pajak.",
	"Harga beras naik di pasar Bandung dan Bogor.",
	"Mereka sedang mempermainkan anak-anak itu.",
}

// TestCorpusTables checks idf.txt and entities.jsonl of a small corpus
// against document frequencies and entity groups computed here from the
// root package's Documents.
func TestCorpusTables(t *testing.T) {
	dir := t.TempDir()
	var in strings.Builder
	for i, text := range corpusTexts {
		b, _ := json.Marshal(map[string]any{"id": i, "text": text})
		in.Write(b)
		in.WriteByte('\n')
	}
	in.WriteString("bad line\n") // error records are not documents
	writeFile(t, filepath.Join(dir, "corpus.jsonl"), in.String())

	a, err := kabar.New()
	if err != nil {
		t.Fatal(err)
	}
	// The summariser's own LearnIDF, over the documents the root package
	// makes, is the reference for idf.txt.
	var inputs []summarize.Input
	ents := map[[2]string]int{}
	for _, text := range corpusTexts {
		d, err := a.Analyze(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, summarizeInput(text, d))
		seenE := map[[2]string]bool{}
		for _, g := range d.Groups {
			k := [2]string{g.Label.String(), g.Name}
			if !seenE[k] {
				seenE[k] = true
				ents[k]++
			}
		}
	}
	for _, minDF := range []int{1, 2} {
		t.Run(fmt.Sprintf("mindf=%d", minDF), func(t *testing.T) {
			o := pipeline.Options{Inputs: []string{filepath.Join(dir, "corpus.jsonl")}, Output: filepath.Join(dir, fmt.Sprint("out", minDF)), MinDF: minDF}
			_, p := build(t, o)
			ptest.RunAndValidate(t, p)

			got, err := os.ReadFile(o.OutputIDF())
			if err != nil {
				t.Fatal(err)
			}
			var header []string
			for l := range strings.Lines(string(got)) {
				if h, ok := strings.CutPrefix(l, "# "); ok {
					header = append(header, strings.TrimSuffix(h, "\n"))
				}
			}
			if len(header) == 0 || !strings.Contains(header[0], o.Inputs[0]) {
				t.Errorf("idf.txt header %q does not name the input", header)
			}
			var want bytes.Buffer
			learned := summarize.LearnIDF(slices.Values(inputs), minDF)
			if err := learned.Write(&want, header); err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("idf.txt:\n%s\nwant (summarize.LearnIDF):\n%s", got, want.String())
			}
			if learned.Len() == 0 {
				t.Error("the test corpus has no term")
			}
			if _, err := summarize.ReadIDF(bytes.NewReader(got)); err != nil {
				t.Errorf("summarize.ReadIDF(idf.txt): %v", err)
			}

			var rows []pipeline.EntityDocs
			for k, n := range ents {
				rows = append(rows, pipeline.EntityDocs{Label: k[0], Name: k[1], Docs: n})
			}
			pipeline.SortEntities(rows)
			var wantE strings.Builder
			for _, r := range rows {
				b, _ := json.Marshal(r)
				wantE.Write(b)
				wantE.WriteByte('\n')
			}
			gotE, err := os.ReadFile(o.OutputEntities())
			if err != nil {
				t.Fatal(err)
			}
			if string(gotE) != wantE.String() {
				t.Errorf("entities.jsonl:\n%s\nwant:\n%s", gotE, wantE.String())
			}
		})
	}
}

// TestCorpusCounts checks the aggregations on hand-written records, so that
// it does not depend on what the analysis finds: terms and entities count
// once per document, stopwords and non-word tokens do not count, and a
// record that cannot be read counts as a document without terms.
func TestCorpusCounts(t *testing.T) {
	recs := []string{
		`{"id":1,"tokens":[{"text":"Rumah","kind":"word","stem":"rumah"},{"text":"rumah","kind":"word","stem":"rumah"},{"text":"yang","kind":"word","stem":"yang","stop":true},{"text":"5","kind":"number","stem":"5"}],` +
			`"groups":[{"name":"Joko Widodo","label":"PER","count":2},{"name":"Jakarta","label":"LOC","count":1},{"name":"Joko Widodo","label":"PER","count":1}]}`,
		`{"id":2,"tokens":[{"text":"rumah","kind":"word","stem":"rumah"},{"text":"besar","kind":"word","stem":"besar"}],"groups":[{"name":"Jakarta","label":"LOC"},{"name":"Jakarta","label":"ORG"}]}`,
		`{"id":3}`,
		`{"id":4,"tokens":"not a list"}`,
	}
	p, s := beam.NewPipelineWithRoot()
	df, ents := pipeline.CorpusCounts(s, beam.CreateList(s, recs))
	passert.Equals(s, df,
		pipeline.DocFreq{Term: "", DF: 4},
		pipeline.DocFreq{Term: "rumah", DF: 2},
		pipeline.DocFreq{Term: "besar", DF: 1},
	)
	passert.Equals(s, ents,
		pipeline.EntityDocs{Label: "PER", Name: "Joko Widodo", Docs: 1},
		pipeline.EntityDocs{Label: "LOC", Name: "Jakarta", Docs: 2},
		pipeline.EntityDocs{Label: "ORG", Name: "Jakarta", Docs: 1},
	)
	dir := t.TempDir()
	pipeline.WriteIDF(s, filepath.Join(dir, "idf.txt"), []string{"test"}, 2, df)
	pipeline.WriteEntities(s, filepath.Join(dir, "entities.jsonl"), ents)
	res := ptest.RunAndValidate(t, p)
	if got := counter(res, "records_unreadable"); got != 1 {
		t.Errorf("counter kabar/records_unreadable = %d, want 1", got)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "idf.txt"))
	if want := "# test\ndocs 4\nmindf 2\nrumah\t2\n"; string(got) != want {
		t.Errorf("idf.txt = %q, want %q", got, want)
	}
	got, _ = os.ReadFile(filepath.Join(dir, "entities.jsonl"))
	want := `{"label":"LOC","name":"Jakarta","docs":2}` + "\n" +
		`{"label":"ORG","name":"Jakarta","docs":1}` + "\n" +
		`{"label":"PER","name":"Joko Widodo","docs":1}` + "\n"
	if string(got) != want {
		t.Errorf("entities.jsonl = %q, want %q", got, want)
	}
}

// TestEmptyTables checks that both tables are written when there is no
// document at all.
func TestEmptyTables(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	df, ents := pipeline.CorpusCounts(s, beam.CreateList(s, []string{}))
	dir := t.TempDir()
	pipeline.WriteIDF(s, filepath.Join(dir, "idf.txt"), nil, 1, df)
	pipeline.WriteEntities(s, filepath.Join(dir, "entities.jsonl"), ents)
	ptest.RunAndValidate(t, p)
	got, err := os.ReadFile(filepath.Join(dir, "idf.txt"))
	if err != nil || string(got) != "docs 0\nmindf 1\n" {
		t.Errorf("idf.txt = %q, %v; want %q", got, err, "docs 0\nmindf 1\n")
	}
	got, err = os.ReadFile(filepath.Join(dir, "entities.jsonl"))
	if err != nil || len(got) != 0 {
		t.Errorf("entities.jsonl = %q, %v; want an empty file", got, err)
	}
}
