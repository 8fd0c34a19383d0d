package kabar_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/schema"
	"github.com/kabar-id/kabar/stem"
	"github.com/kabar-id/kabar/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const seedPath = "testdata/000_891277e20803d97e.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// articleLines returns the lines of testdata/articles.jsonl.
func articleLines(t testing.TB) [][]byte {
	t.Helper()
	b, err := os.ReadFile("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
}

func newAnalyzer(t testing.TB, opts ...kabar.Option) *kabar.Analyzer {
	t.Helper()
	a, err := kabar.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var compileSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema.Document()))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.ID, doc); err != nil {
		return nil, err
	}
	return c.Compile(schema.ID)
})

// validate checks one output record against schema/document.schema.json.
func validate(t testing.TB, line []byte) {
	t.Helper()
	sch, err := compileSchema()
	if err != nil {
		t.Fatalf("compiling the schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%.300s", err, line)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not match the schema: %v\n%.300s", err, line)
	}
}

// checkSpans checks that every span of an output record slices back to text.
func checkSpans(t *testing.T, text string, line []byte) {
	t.Helper()
	var d struct {
		Sentences []struct {
			Text                      string
			Start, End, FirstToken, N int
		}
		Tokens []struct {
			Text       string
			Start, End int
			Sentence   int
		}
		Entities []struct {
			Text       string
			Start, End int
		}
		Groups []struct {
			Mentions []struct{ Start, End int }
		}
		Summary []struct {
			Text       string
			Start, End int
			Index      int
		}
	}
	if err := json.Unmarshal(line, &d); err != nil {
		t.Fatal(err)
	}
	span := func(what string, i int, s string, start, end int) {
		if start < 0 || end > len(text) || start > end || text[start:end] != s {
			t.Errorf("%s %d: text[%d:%d] is not %q", what, i, start, end, s)
		}
	}
	for i, s := range d.Sentences {
		span("sentence", i, s.Text, s.Start, s.End)
	}
	prev := 0
	for i, tok := range d.Tokens {
		span("token", i, tok.Text, tok.Start, tok.End)
		if tok.Start < prev {
			t.Errorf("token %d starts at %d, before the previous token's end %d", i, tok.Start, prev)
		}
		prev = tok.End
		if tok.Sentence >= len(d.Sentences) {
			t.Errorf("token %d: sentence %d out of range", i, tok.Sentence)
		}
	}
	for i, e := range d.Entities {
		span("entity", i, e.Text, e.Start, e.End)
	}
	for i, g := range d.Groups {
		for _, m := range g.Mentions {
			span("group mention", i, text[max(0, min(m.Start, len(text))):max(0, min(m.End, len(text)))], m.Start, m.End)
		}
	}
	for i, s := range d.Summary {
		span("summary sentence", i, s.Text, s.Start, s.End)
		// The summary sentence is its sentence's span, or the end of it
		// after a leading dateline.
		if s.Index < 0 || s.Index >= len(d.Sentences) || s.Start < d.Sentences[s.Index].Start || s.End != d.Sentences[s.Index].End {
			t.Errorf("summary sentence %d: index %d is not its sentence", i, s.Index)
		}
	}
}

func TestGoldenSeed(t *testing.T) {
	a := newAnalyzer(t)
	r := a.AnalyzeRecord(context.Background(), kabar.FileRecord(seedPath, []byte(readSeed(t))))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	var got bytes.Buffer
	if err := json.Indent(&got, r.AppendJSON(nil), "", " "); err != nil {
		t.Fatal(err)
	}
	got.WriteByte('\n')
	const golden = "testdata/000_891277e20803d97e.golden.json"
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\ngot  %s\nwant %s\n(run go test -update after checking the change)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs in length: got %d lines, want %d (run go test -update after checking the change)", golden, len(gl), len(wl))
	}
}

// TestSchema validates real output against schema/document.schema.json:
// documents with every stage and with some, error records, passthrough
// fields.
func TestSchema(t *testing.T) {
	ctx := context.Background()
	full := newAnalyzer(t)
	tokOnly := newAnalyzer(t, kabar.WithStages(kabar.StageTokens|kabar.StageStats))
	noTokens := newAnalyzer(t, kabar.WithStages(kabar.StageEntities|kabar.StageSummary|kabar.StageKeywords))
	noStats := newAnalyzer(t, kabar.WithStages(kabar.AllStages&^kabar.StageStats))
	lines := articleLines(t)
	lines = append(lines,
		[]byte(`{"id":7,"text":"","category":"kosong"}`),
		[]byte(`{"id":[1,2],"text":"Pendek.","summary":"dari input","line":3}`),
		[]byte(`{"text":"Tanpa id. Dua kalimat di Jakarta."}`),
		[]byte(`{"id":"bad"`),
		[]byte(``),
		[]byte(`{"id":"x","text":5}`),
		[]byte(`{"id":"y"}`),
		[]byte("{\"id\":\"z\",\"text\":\"a\xffb\"}"),
	)
	seedLine, _ := json.Marshal(map[string]string{"id": "seed", "text": readSeed(t)})
	lines = append(lines, seedLine)
	for _, a := range []*kabar.Analyzer{full, tokOnly, noStats, noTokens} {
		for i, l := range lines {
			out, _ := a.AnalyzeLine(ctx, l, i+1)
			validate(t, out)
		}
	}
}

func TestSpans(t *testing.T) {
	a := newAnalyzer(t)
	texts := []string{readSeed(t), "", "  \n ", "Presiden Joko Widodo tiba di Surabaya, Jawa Timur, Senin (4/3). Ia disambut warga."}
	for _, l := range articleLines(t) {
		rec, err := kabar.ParseRecord(l, 1)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	for _, text := range texts {
		r := a.AnalyzeRecord(context.Background(), kabar.Record{Line: 1, Text: text})
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		checkSpans(t, text, r.AppendJSON(nil))
	}
}

// TestDeterministic: same input, same output, byte for byte, from the same
// analyser and from a fresh one.
func TestDeterministic(t *testing.T) {
	ctx := context.Background()
	lines := articleLines(t)
	run := func(a *kabar.Analyzer) []byte {
		var b []byte
		for i, l := range lines {
			out, err := a.AnalyzeLine(ctx, l, i+1)
			if err != nil {
				t.Fatal(err)
			}
			b = append(append(b, out...), '\n')
		}
		return b
	}
	a := newAnalyzer(t)
	first := run(a)
	if again := run(a); !bytes.Equal(first, again) {
		t.Error("a second run of the same analyser gave different bytes")
	}
	if fresh := run(newAnalyzer(t)); !bytes.Equal(first, fresh) {
		t.Error("a fresh analyser gave different bytes")
	}
}

// TestConcurrent hammers one Analyzer from many goroutines (run with -race)
// and checks that each gets the sequential output.
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	a := newAnalyzer(t)
	lines := articleLines(t)
	want := make([][]byte, len(lines))
	for i, l := range lines {
		want[i], _ = a.AnalyzeLine(ctx, l, i+1)
	}
	const goroutines = 16
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 2 * len(lines) {
				i := (g + k) % len(lines)
				got, err := a.AnalyzeLine(ctx, lines[i], i+1)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(got, want[i]) {
					t.Errorf("goroutine %d, line %d: output differs from the sequential one", g, i+1)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// countdownCtx is a context whose Err turns to Canceled after n calls.
type countdownCtx struct {
	context.Context
	mu sync.Mutex
	n  int
}

func (c *countdownCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n <= 0 {
		return context.Canceled
	}
	c.n--
	return nil
}

// TestCancel: the analysis looks at the context between stages and inside
// its loops, so a long document checks it many times, and whichever check
// sees it done ends the analysis with an error wrapping ctx.Err().
func TestCancel(t *testing.T) {
	a := newAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Analyze(ctx, "Teks pendek."); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: got %v, want context.Canceled", err)
	}
	long := strings.Repeat("Presiden berkunjung ke Bekasi pada hari Senin. ", 5000)
	counter := &countdownCtx{Context: context.Background(), n: 1 << 30}
	if _, err := a.Analyze(counter, long); err != nil {
		t.Fatal(err)
	}
	checks := 1<<30 - counter.n
	if checks < 10 {
		t.Fatalf("a %d-byte text looked at the context %d times, want at least 10", len(long), checks)
	}
	for _, n := range []int{0, 1, 2, checks / 4, checks / 2, 3 * checks / 4, checks - 2, checks - 1} {
		_, err := a.Analyze(&countdownCtx{Context: context.Background(), n: n}, long)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled at check %d of %d: got %v, want context.Canceled", n+1, checks, err)
		}
	}
	line, _ := json.Marshal(map[string]string{"id": "c", "text": long})
	if _, err := a.AnalyzeLine(ctx, line, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("AnalyzeLine with a cancelled context: got %v, want context.Canceled", err)
	}
}

func TestStages(t *testing.T) {
	ctx := context.Background()
	text := readSeed(t)
	d, err := newAnalyzer(t, kabar.WithStages(kabar.StageTokens)).Analyze(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tokens) == 0 || d.Entities != nil || d.Summary != nil || d.Keywords != nil || d.Stats != nil {
		t.Errorf("tokens only: got %d tokens, entities %v, summary %v, keywords %v, stats %v", len(d.Tokens), d.Entities, d.Summary, d.Keywords, d.Stats)
	}
	for _, tok := range d.Tokens {
		if tok.Stem != "" || tok.Stop {
			t.Fatalf("tokens only: token %q has stem %q stop %v", tok.Text, tok.Stem, tok.Stop)
		}
	}
	d, err = newAnalyzer(t, kabar.WithStages(kabar.StageSummary), kabar.WithSummaryLength(2)).Analyze(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Summary) > 2 || len(d.Summary) == 0 {
		t.Errorf("summary of 2: got %d sentences", len(d.Summary))
	}
	for _, tok := range d.Tokens {
		if tok.Stem != "" {
			t.Fatalf("summary without the stem stage: token %q has stem %q", tok.Text, tok.Stem)
		}
	}
	d, err = newAnalyzer(t).Analyze(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	st := d.Stats
	if st == nil || st.Bytes != len(text) || st.Sentences != len(d.Sentences) || st.Tokens != len(d.Tokens) || st.Entities != len(d.Entities) {
		t.Errorf("stats %+v do not match the document (%d bytes, %d sentences, %d tokens, %d entities)", st, len(text), len(d.Sentences), len(d.Tokens), len(d.Entities))
	}
}

// TestStagesWithoutTokens: without StageTokens, sentences and tokens are
// computed (the stats count them) but not reported.
func TestStagesWithoutTokens(t *testing.T) {
	text := readSeed(t)
	full, err := newAnalyzer(t).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newAnalyzer(t, kabar.WithStages(kabar.AllStages&^kabar.StageTokens)).Analyze(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if d.Tokens != nil || d.Sentences != nil {
		t.Errorf("without StageTokens: %d tokens, %d sentences reported", len(d.Tokens), len(d.Sentences))
	}
	if d.Stats == nil || d.Stats.Tokens != full.Stats.Tokens || d.Stats.Stopwords != full.Stats.Stopwords || len(d.Summary) != len(full.Summary) || len(d.Entities) != len(full.Entities) {
		t.Errorf("without StageTokens the other stages changed: stats %+v, want %+v", d.Stats, full.Stats)
	}
}

func TestOptionErrors(t *testing.T) {
	for _, o := range []kabar.Option{
		kabar.WithSummaryLength(-1), kabar.WithKeywords(-1), kabar.WithMaxBytes(-1),
		kabar.WithTokenizer(nil), kabar.WithStemmer(nil), kabar.WithRecognizer(nil), kabar.WithSummarizer(nil),
	} {
		if _, err := kabar.New(o); err == nil {
			t.Errorf("option %p: New returned no error", o)
		}
	}
}

func TestMaxBytes(t *testing.T) {
	a := newAnalyzer(t, kabar.WithMaxBytes(10))
	if _, err := a.Analyze(context.Background(), "Sebelas byte"); !errors.Is(err, kabar.ErrTooLarge) {
		t.Errorf("12 bytes with a limit of 10: got %v, want ErrTooLarge", err)
	}
	if _, err := a.Analyze(context.Background(), "Sepuluh b."); err != nil {
		t.Errorf("10 bytes with a limit of 10: %v", err)
	}
}

// TestRecords checks the output record of each kind of input line.
func TestRecords(t *testing.T) {
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens), kabar.WithMaxBytes(100))
	tests := []struct {
		line, want string // want: the output, or its prefix when it ends in …
		err        error
	}{
		{`{"id":1,"text":"Ya."}`, `{"id":1,"sentences":[{"text":"Ya.",…`, nil},
		{`{"b":{"x": [1, 2]},"text":"Ya.","id":"k","a":null}`, `{"id":"k","b":{"x":[1,2]},"a":null,"sentences":…`, nil},
		{`{"id":2,"text":"","summary":"s","stats":1,"input_stats":2}`, `{"id":2,"input_summary":"s","input_stats":1,"input_input_stats":2}`, nil},
		{`{"id":3,"text":"A & <b>"}`, `{"id":3,"sentences":[{"text":"A & <b>",…`, nil},
		{``, `{"line":9,"error":"empty line"}`, kabar.ErrEmptyLine},
		{`  `, `{"line":9,"error":"empty line"}`, kabar.ErrEmptyLine},
		{`[1]`, `{"line":9,"error":"malformed JSON: want an object"}`, kabar.ErrMalformedJSON},
		{`{"id":4,"text":"a"} x`, `{"id":4,"line":9,"error":"malformed JSON: data after the object"}`, kabar.ErrMalformedJSON},
		{`{"id":5,"text":"a"`, `{"id":5,"line":9,"error":"malformed JSON: …`, kabar.ErrMalformedJSON},
		{`{"id":6}`, `{"id":6,"line":9,"error":"no \"text\" field"}`, kabar.ErrNoText},
		{`{"id":7,"text":null,"c":1}`, `{"id":7,"c":1,"line":9,"error":"\"text\" is not a string"}`, kabar.ErrTextNotString},
		{"{\"id\":8,\"text\":\"ab\xc3\"}", `{"id":8,"line":9,"error":"kabar: invalid UTF-8 at byte offset 18 of the input line"}`, &kabar.InvalidUTF8Error{}},
		{"{\"id\":\"\xff\",\"text\":\"ok\"}", `{"id":"` + "\uFFFD" + `","line":9,"error":"kabar: invalid UTF-8 at byte offset 7 of the input line"}`, &kabar.InvalidUTF8Error{}},
		{`{"id":9,"text":"` + strings.Repeat("a", 101) + `"}`, `{"id":9,"line":9,"error":"kabar: text over the size limit: 101 bytes, limit 100"}`, kabar.ErrTooLarge},
		{`{"id":10,"text":"\ud800"}`, `{"id":10,"sentences":[{"text":"` + "\uFFFD" + `",…`, nil},
	}
	for _, tt := range tests {
		out, err := a.AnalyzeLine(context.Background(), []byte(tt.line), 9)
		if prefix, ok := strings.CutSuffix(tt.want, "…"); ok {
			if !strings.HasPrefix(string(out), prefix) {
				t.Errorf("line %q:\ngot  %s\nwant %s…", tt.line, out, prefix)
			}
		} else if string(out) != tt.want {
			t.Errorf("line %q:\ngot  %s\nwant %s", tt.line, out, tt.want)
		}
		var ie *kabar.InvalidUTF8Error
		switch {
		case tt.err == nil && err != nil:
			t.Errorf("line %q: unexpected error %v", tt.line, err)
		case errors.As(tt.err, &ie):
			if !errors.As(err, &ie) {
				t.Errorf("line %q: got error %v, want an InvalidUTF8Error", tt.line, err)
			}
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("line %q: got error %v, want %v", tt.line, err, tt.err)
		}
		if tt.err != nil && !strings.HasPrefix(fmt.Sprint(err), "line 9: ") {
			t.Errorf("line %q: error %q does not name the line", tt.line, err)
		}
		validate(t, out)
	}
}

func TestFileRecord(t *testing.T) {
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens))
	r := a.AnalyzeRecord(context.Background(), kabar.FileRecord("dir/a \"b\".txt", []byte("x\xffy")))
	if got, want := string(r.AppendJSON(nil)), `{"id":"dir/a \"b\".txt","line":1,"error":"kabar: invalid UTF-8 at byte offset 1"}`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// FuzzAnalyzeLine: any input line yields exactly one valid JSON object, on
// one line, with "error" exactly when an error is returned.
func FuzzAnalyzeLine(f *testing.F) {
	for _, l := range articleLines(f) {
		f.Add(l)
	}
	for _, s := range []string{``, `{}`, `{"text":"a\u0000b"}`, "{\"text\":\"\xff\"}", `{"id":{"a":[1,{"b":null}]},"text":"Di Jakarta."}`, `{"text":"x","text":1}`} {
		f.Add([]byte(s))
	}
	a := newAnalyzer(f, kabar.WithMaxBytes(1<<16))
	f.Fuzz(func(t *testing.T, line []byte) {
		out, err := a.AnalyzeLine(context.Background(), line, 1)
		if bytes.ContainsAny(out, "\n\r") {
			t.Fatalf("output spans lines: %q", out)
		}
		var m map[string]json.RawMessage
		if jerr := json.Unmarshal(out, &m); jerr != nil {
			t.Fatalf("output is not a JSON object: %v: %q", jerr, out)
		}
		if _, hasErr := m["error"]; hasErr != (err != nil) {
			t.Fatalf("error %v but output %q", err, out)
		}
		if err == nil {
			rec, _ := kabar.ParseRecord(line, 1)
			checkSpans(t, rec.Text, out)
		}
	})
}

// FuzzAnalyze: any valid text is analysed with spans that slice back to it;
// any invalid text is an InvalidUTF8Error.
func FuzzAnalyze(f *testing.F) {
	f.Add(readSeed(f))
	f.Add("Mereka sedang mempermainkan anak-anak itu.")
	f.Add("a\xffb")
	a := newAnalyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := a.AnalyzeRecord(context.Background(), kabar.Record{Line: 1, Text: text})
		if r.Err != nil {
			var ie *kabar.InvalidUTF8Error
			if !errors.As(r.Err, &ie) {
				t.Fatalf("unexpected error %v", r.Err)
			}
			return
		}
		checkSpans(t, text, r.AppendJSON(nil))
	})
}

// BenchmarkNew measures building an Analyzer with every stage once the
// embedded data is loaded (a fresh process pays more once: see bench/).
func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := kabar.New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeLine: the full pipeline and JSON encoding on the test
// articles, one record at a time.
func BenchmarkAnalyzeLine(b *testing.B) {
	a := newAnalyzer(b)
	lines := articleLines(b)
	var n int64
	for _, l := range lines {
		n += int64(len(l))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	ctx := context.Background()
	for b.Loop() {
		for i, l := range lines {
			if _, err := a.AnalyzeLine(ctx, l, i+1); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestNameProtection: capitalised words inside a sentence are stemmed as
// names (only lower-cased) unless protection is off.
func TestNameProtection(t *testing.T) {
	text := "Banjir merendam Bekasi, dan aplikasi Sehatku tumbuh."
	st := stem.Default()
	for _, protect := range []bool{true, false} {
		var opts []kabar.Option
		if !protect {
			opts = append(opts, kabar.WithoutNameProtection())
		}
		d, err := newAnalyzer(t, opts...).Analyze(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range d.Tokens {
			want := ""
			switch tok.Text {
			case "Bekasi", "Sehatku":
				want = strings.ToLower(tok.Text)
				if !protect {
					want = st.Stem(tok.Text)
				}
			case "Banjir": // sentence-initial: stemmed as a word either way
				want = st.Stem(tok.Text)
			default:
				continue
			}
			if tok.Stem != want {
				t.Errorf("protection %v: %q stemmed to %q, want %q", protect, tok.Text, tok.Stem, want)
			}
		}
	}
}

// TestSchemaEnums: the schema lists exactly the token kinds and entity
// labels the packages define.
func TestSchemaEnums(t *testing.T) {
	var s struct {
		Defs struct {
			Token struct {
				Properties struct {
					Kind struct{ Enum []string }
				}
			}
			Label struct{ Enum []string }
		} `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(schema.Document()), &s); err != nil {
		t.Fatal(err)
	}
	var kinds, labels []string
	for k := tokenize.Kind(0); !strings.HasPrefix(k.String(), "kind("); k++ {
		kinds = append(kinds, k.String())
	}
	for l := entities.Label(1); l.String() != "?" && l < 64; l++ {
		if b, err := l.MarshalText(); err == nil {
			labels = append(labels, string(b))
		}
	}
	if fmt.Sprint(kinds) != fmt.Sprint(s.Defs.Token.Properties.Kind.Enum) {
		t.Errorf("schema token kinds %v, package tokenize has %v", s.Defs.Token.Properties.Kind.Enum, kinds)
	}
	if fmt.Sprint(labels) != fmt.Sprint(s.Defs.Label.Enum) {
		t.Errorf("schema labels %v, package entities has %v", s.Defs.Label.Enum, labels)
	}
}

// TestRelease checks that a released Result's memory, reused by the
// records analysed after it, changes neither their output nor a Document
// that was not released.
func TestRelease(t *testing.T) {
	ctx := context.Background()
	a := newAnalyzer(t)
	lines := articleLines(t)
	kept := make([]*kabar.Result, len(lines))
	want := make([][]byte, len(lines))
	for i, l := range lines {
		kept[i] = a.AnalyzeLineResult(ctx, l, i+1)
		want[i] = kept[i].AppendJSON(nil)
	}
	for round := range 3 {
		for i, l := range lines {
			r := a.AnalyzeLineResult(ctx, l, i+1)
			if got := r.AppendJSON(nil); !bytes.Equal(got, want[i]) {
				t.Fatalf("round %d, line %d: output after earlier releases differs", round, i+1)
			}
			r.Release()
			if r.Doc != nil {
				t.Fatal("Release left Doc set")
			}
			r.Release() // a second call does nothing
		}
	}
	for i, r := range kept { // never released: untouched by the reuse
		if got := r.AppendJSON(nil); !bytes.Equal(got, want[i]) {
			t.Fatalf("line %d: a kept Result changed while others were released", i+1)
		}
	}
	bad := a.AnalyzeLineResult(ctx, []byte(`{"id":1}`), 1)
	if bad.Err == nil {
		t.Fatal("a record without text gave no error")
	}
	bad.Release()
	if bad.Err == nil || !strings.Contains(string(bad.AppendJSON(nil)), `"error"`) {
		t.Fatal("Release changed a failed Result")
	}
}
