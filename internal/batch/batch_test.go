package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kabar-id/kabar"
)

func newAnalyzer(t testing.TB, opts ...kabar.Option) *kabar.Analyzer {
	t.Helper()
	a, err := kabar.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// sentences returns n pseudo-random Indonesian-looking sentences.
func sentences(r *rand.Rand, n int) string {
	words := []string{"pemerintah", "Jakarta", "menyatakan", "bahwa", "harga", "beras", "naik", "di", "pasar", "Bekasi", "pada", "Senin", "warga", "yang", "Bank", "Indonesia", "2,5", "persen", "mengatakan", "Presiden"}
	var b strings.Builder
	for range n {
		for j := range 5 + r.IntN(10) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString(". ")
	}
	return b.String()
}

func jsonl(t testing.TB, recs ...map[string]any) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		l, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(l)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// sequential returns the expected output: AnalyzeLine on each line in turn.
func sequential(t testing.TB, a *kabar.Analyzer, input []byte) []byte {
	var out bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(input))
	sc.Buffer(nil, 1<<30)
	for n := 1; sc.Scan(); n++ {
		l, _ := a.AnalyzeLine(context.Background(), sc.Bytes(), n)
		out.Write(l)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

type bufSink struct{ bytes.Buffer }

func (s *bufSink) Write(r *kabar.Result, line []byte) error {
	if line == nil {
		line = r.AppendJSON(nil)
	}
	s.Buffer.Write(line)
	return s.WriteByte('\n')
}

func run(t testing.TB, a *kabar.Analyzer, input []byte, cfg Config) (*bufSink, Summary, error) {
	var s bufSink
	sum, err := Run(context.Background(), a, []Input{ReaderInput("test", bytes.NewReader(input))}, cfg, &s)
	return &s, sum, err
}

// TestOrder: many records of very different sizes on more workers than
// the window holds come out in input order, one line each.
func TestOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var recs []map[string]any
	for i := range 150 {
		recs = append(recs, map[string]any{"id": i, "text": sentences(r, 1+r.IntN(1+(i%7)*8)), "k": i % 3})
	}
	input := jsonl(t, recs...)
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens|kabar.StageStems|kabar.StageStats)) // order, not analysis, is tested
	want := sequential(t, a, input)
	for _, cfg := range []Config{{Workers: 1}, {Workers: 4, Window: 3}, {Workers: 8, Window: 64, WindowBytes: 2000}} {
		got, sum, err := run(t, a, input, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%+v: output differs from the sequential one", cfg)
		}
		if sum.Records != 150 || sum.Errors != 0 || sum.Bytes != int64(len(input)) {
			t.Errorf("%+v: summary %+v, want 150 records, 0 errors, %d bytes", cfg, sum, len(input))
		}
	}
}

// TestLine: a line loses its line end, and line 1 its UTF-8 byte order
// mark; a mark on a later line is data (and malformed JSON there).
func TestLine(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"{}\n", 1, "{}"},
		{"{}\r\n", 1, "{}"},
		{"{}", 1, "{}"},
		{"\uFEFF{}\r\n", 1, "{}"},
		{"\uFEFF{}\n", 2, "\uFEFF{}"},
		{"\uFEFF\n", 1, ""},
		{"\r\n", 3, ""},
		{"a\r", 1, "a\r"},
	} {
		if got := string(Line([]byte(c.in), c.n)); got != c.want {
			t.Errorf("Line(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestBOM: a file saved with a byte order mark and Windows line ends
// gives the same records as without them.
func TestBOM(t *testing.T) {
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens))
	plain := []byte("{\"id\":1,\"text\":\"Harga beras naik.\"}\n{\"id\":2,\"text\":\"Dua.\"}\n")
	marked := append([]byte("\uFEFF"), bytes.ReplaceAll(plain, []byte("\n"), []byte("\r\n"))...)
	want, _, err := run(t, a, plain, Config{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	got, sum, err := run(t, a, marked, Config{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records != 2 || sum.Errors != 0 {
		t.Errorf("summary %+v, want 2 records and no error", sum)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("with a byte order mark and CRLF:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
	}
}

// TestRobustness: malformed lines, empty texts, invalid UTF-8, a 50 MB
// text and duplicate ids each give exactly one output line, in order, with
// the right id and error.
func TestRobustness(t *testing.T) {
	big := strings.Repeat("Harga beras di Bekasi naik lagi. ", 50<<20/33+1)
	lines := []string{
		`{"id":"ok1","text":"Harga beras naik di Jakarta."}`,
		`{"id":"bad-json","text":"tanpa penutup"`,
		`not json at all`,
		``,
		`{"id":"empty","text":""}`,
		`{"id":"blank","text":"   \n  "}`,
		"{\"id\":\"utf8\",\"text\":\"caf\xe9 di Bandung\"}",
		`{"id":"big","text":"` + big + `"}`,
		`{"id":"dup","text":"Pertama."}`,
		`{"id":"dup","text":"Kedua."}`,
		`{"id":"notext"}`,
		`{"id":"ok2","text":"Selesai.","category":"nasional"}`,
		`[]`,
	}
	input := []byte(strings.Join(lines, "\n") + "\n")
	a := newAnalyzer(t, kabar.WithMaxBytes(10<<20))
	want := []struct {
		id  string
		err string // substring of the error, "" for none
	}{
		{`"ok1"`, ""},
		{`"bad-json"`, "malformed JSON"},
		{``, "malformed JSON"},
		{``, "empty line"},
		{`"empty"`, ""},
		{`"blank"`, ""},
		{`"utf8"`, "invalid UTF-8 at byte offset 24 of the input line"},
		{`"big"`, fmt.Sprintf("text over the size limit: %d bytes, limit %d", len(big), 10<<20)},
		{`"dup"`, ""},
		{`"dup"`, ""},
		{`"notext"`, `no "text" field`},
		{`"ok2"`, ""},
		{``, "malformed JSON"},
	}
	got, sum, err := run(t, a, input, Config{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	out := strings.Split(strings.TrimSuffix(got.String(), "\n"), "\n")
	if len(out) != len(lines) {
		t.Fatalf("%d output lines for %d input lines", len(out), len(lines))
	}
	errs := 0
	for i, l := range out {
		var rec struct {
			ID    json.RawMessage
			Line  int
			Error string
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("output line %d is not JSON: %v", i+1, err)
		}
		if string(rec.ID) != want[i].id {
			t.Errorf("line %d: id %s, want %s", i+1, rec.ID, want[i].id)
		}
		if want[i].err == "" {
			if rec.Error != "" || rec.Line != 0 {
				t.Errorf("line %d: unexpected error %q (line %d)", i+1, rec.Error, rec.Line)
			}
			continue
		}
		errs++
		if !strings.Contains(rec.Error, want[i].err) || rec.Line != i+1 {
			t.Errorf("line %d: error %q at line %d, want %q at line %d", i+1, rec.Error, rec.Line, want[i].err, i+1)
		}
	}
	if sum.Records != int64(len(lines)) || sum.Errors != int64(errs) {
		t.Errorf("summary %+v, want %d records, %d errors", sum, len(lines), errs)
	}
}

// cancelSink cancels the run after n writes.
type cancelSink struct {
	bufSink
	n      int
	cancel context.CancelFunc
}

func (s *cancelSink) Write(r *kabar.Result, line []byte) error {
	if s.n == 0 {
		s.cancel()
	}
	s.n--
	return s.bufSink.Write(r, line)
}

// TestInterruptResume: a run cancelled midway leaves complete lines only,
// and resuming into the same file gives the output of an uninterrupted run,
// byte for byte, without redoing the records already written.
func TestInterruptResume(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var recs []map[string]any
	for i := range 200 {
		recs = append(recs, map[string]any{"id": i, "text": sentences(r, 1+r.IntN(30))})
	}
	input := jsonl(t, recs...)
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens|kabar.StageStems|kabar.StageStats))
	want := sequential(t, a, input)

	ctx, cancel := context.WithCancel(context.Background())
	s := &cancelSink{n: 57, cancel: cancel}
	// A window smaller than the input, so that the run stops before the end.
	sum, err := Run(ctx, a, []Input{ReaderInput("test", bytes.NewReader(input))}, Config{Workers: 4, Window: 16}, s)
	if !errors.Is(err, ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: got %v, want ErrInterrupted wrapping context.Canceled", err)
	}
	if sum.Records < 57 || sum.Records >= 200 || !bytes.HasPrefix(want, s.Bytes()) || int64(bytes.Count(s.Bytes(), []byte("\n"))) != sum.Records {
		t.Fatalf("interrupted run wrote %d records (%d bytes), not a prefix of complete lines", sum.Records, s.Len())
	}

	// A partial last line, as a crash (not a clean stop) would leave it.
	path := filepath.Join(t.TempDir(), "out.jsonl")
	partial := append(bytes.Clone(s.Bytes()), `{"id":999,"sente`...)
	if err := os.WriteFile(path, partial, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var seen int64
	skip, err := Resume(f, func([]byte) error { seen++; return nil })
	if err != nil || skip != sum.Records || seen != skip {
		t.Fatalf("Resume: %d lines (each saw %d), %v; want %d", skip, seen, err, sum.Records)
	}
	var cnt Counters
	w := bufio.NewWriter(f)
	sum2, err := Run(context.Background(), a, []Input{ReaderInput("test", bytes.NewReader(input))}, Config{Workers: 2, Skip: skip, Counters: &cnt}, JSONLSink(w))
	if err != nil || w.Flush() != nil {
		t.Fatal(err)
	}
	if sum2.Skipped != skip || sum2.Records != 200-skip {
		t.Errorf("resumed run: %+v, want %d skipped and %d records", sum2, skip, 200-skip)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, want) {
		t.Errorf("interrupted + resumed output (%d bytes) differs from an uninterrupted run (%d bytes)", len(got), len(want))
	}
}

// TestInterruptBlockedInput: a run whose input sends nothing more (a pipe
// or a terminal left open) stops when its context ends, with what it has
// written, instead of waiting for the input: Ctrl-C on `kabar batch`
// reading from a pipe. It fails if Run waits for the reader.
func TestInterruptBlockedInput(t *testing.T) {
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens))
	pr, pw := io.Pipe()
	defer pw.Close()
	go pw.Write(jsonl(t, map[string]any{"id": 1, "text": "Budi pergi."}, map[string]any{"id": 2, "text": "Ani pulang."}))
	ctx, cancel := context.WithCancel(context.Background())
	s := &cancelSink{n: 1, cancel: cancel} // cancels when the second record is written
	type result struct {
		sum Summary
		err error
	}
	ch := make(chan result, 1)
	go func() {
		sum, err := Run(ctx, a, []Input{ReaderInput("pipe", pr)}, Config{Workers: 2}, s)
		ch <- result{sum, err}
	}()
	select {
	case r := <-ch:
		if !errors.Is(r.err, ErrInterrupted) || r.sum.Records != 2 {
			t.Errorf("got %+v, %v; want the 2 records sent and ErrInterrupted", r.sum, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run still waits for an input that sends nothing, 10 s after its context ended")
	}
}

func TestFailedRecord(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{`{"id":1,"line":1,"error":"kabar: empty line"}`, true},
		{`{"error":"e"}`, true},
		{` { "id" : [1, {"error": 2}] , "error" : "e" } `, true},
		{`{"a":"\"error\"","error":"e"}`, true},
		{`{"id":1,"input_error":"x","sentences":[]}`, false},
		{`{"id":{"error":1},"stats":{}}`, false},
		{`{"a":"error"}`, false},
		{`{"id":1,"line":1,"err`, false},
		{`["error"]`, false},
		{``, false},
	} {
		if got := FailedRecord([]byte(c.line)); got != c.want {
			t.Errorf("FailedRecord(%s) = %v, want %v", c.line, got, c.want)
		}
	}
}

type failSink struct{ n int }

func (s *failSink) Write(*kabar.Result, []byte) error {
	if s.n--; s.n < 0 {
		return errors.New("disk full")
	}
	return nil
}

func TestWriteError(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var recs []map[string]any
	for i := range 100 {
		recs = append(recs, map[string]any{"id": i, "text": sentences(r, 3)})
	}
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens))
	sum, err := Run(context.Background(), a, []Input{ReaderInput("t", bytes.NewReader(jsonl(t, recs...)))}, Config{Workers: 2}, &failSink{n: 10})
	if err == nil || !strings.Contains(err.Error(), "disk full") || sum.Records != 10 {
		t.Errorf("got %+v, %v; want 10 records and the sink's error", sum, err)
	}
}

// TestTextFiles: a directory of .txt files gives one record per file, in
// lexical order of path, with the path as id; skipping works across inputs.
func TestTextFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":       "Berita kedua dari Surabaya.",
		"a.txt":       "Berita pertama dari Jakarta.",
		"sub/c.TXT":   "Berita ketiga.",
		"sub/bad.txt": "rusak \xff",
		"notes.md":    "bukan berita",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jsonlPath := filepath.Join(dir, "more.jsonl")
	os.WriteFile(jsonlPath, []byte(`{"id":"j1","text":"Satu."}`+"\n"+`{"id":"j2","text":"Dua."}`+"\n"), 0o644)
	ins, err := Resolve([]string{dir, jsonlPath}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens))
	type rec struct {
		ID    string
		Line  int
		Error string
	}
	read := func(skip int64) []rec {
		var s bufSink
		if _, err := Run(context.Background(), a, ins, Config{Workers: 2, Skip: skip}, &s); err != nil {
			t.Fatal(err)
		}
		var out []rec
		for _, l := range strings.Split(strings.TrimSpace(s.String()), "\n") {
			var r rec
			json.Unmarshal([]byte(l), &r)
			out = append(out, r)
		}
		return out
	}
	want := []rec{
		{ID: filepath.Join(dir, "a.txt")},
		{ID: filepath.Join(dir, "b.txt")},
		{ID: filepath.Join(dir, "sub/bad.txt"), Line: 1, Error: "kabar: invalid UTF-8 at byte offset 6"},
		{ID: filepath.Join(dir, "sub/c.TXT")},
		{ID: "j1"}, {ID: "j2"},
	}
	got := read(0)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if got := read(3); fmt.Sprint(got) != fmt.Sprint(want[3:]) {
		t.Errorf("skipping 3: got  %v\nwant %v", got, want[3:])
	}
	if TotalBytes(ins) <= 0 {
		t.Errorf("TotalBytes = %d for regular files", TotalBytes(ins))
	}
	list := filepath.Join(dir, "list")
	os.WriteFile(list, []byte("# berita\n"+filepath.Join(dir, "b.txt")+"\n\n"+filepath.Join(dir, "a.txt")+"\n"), 0o644)
	if ins, err := Resolve(nil, list, nil); err != nil || len(ins) != 2 || ins[0].Name != filepath.Join(dir, "b.txt") || ins[0].Kind != TextFile {
		t.Errorf("--files-from: %v, %v", ins, err)
	}
	if _, err := Resolve([]string{filepath.Join(dir, "missing")}, "", nil); err == nil {
		t.Error("a missing input gave no error")
	}
}

// TestWindow: the window admits at most n records and b bytes, but always
// one record, however large, when nothing else is in flight.
func TestWindow(t *testing.T) {
	w := newWindow(context.Background(), 3, 100)
	for range 2 {
		if err := w.acquire(40); err != nil {
			t.Fatal(err)
		}
	}
	var admitted atomic.Bool
	go func() { w.acquire(40); admitted.Store(true) }()
	time.Sleep(20 * time.Millisecond)
	if admitted.Load() {
		t.Fatal("120 bytes admitted with a 100-byte window")
	}
	w.release(40)
	waitFor(t, &admitted)
	w.release(40)
	w.release(40)
	if err := w.acquire(1000); err != nil { // alone: admitted
		t.Fatal(err)
	}
	admitted.Store(false)
	go func() { w.acquire(1); admitted.Store(true) }()
	time.Sleep(20 * time.Millisecond)
	if admitted.Load() {
		t.Fatal("a record admitted beside one over the byte bound")
	}
	w.release(1000)
	waitFor(t, &admitted)

	ctx, cancel := context.WithCancel(context.Background())
	w = newWindow(ctx, 1, 100)
	w.acquire(1)
	errc := make(chan error)
	go func() { errc <- w.acquire(1) }()
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Errorf("acquire after cancel: %v", err)
	}
}

func waitFor(t *testing.T, b *atomic.Bool) {
	t.Helper()
	for range 500 {
		if b.Load() {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("not admitted after release")
}

// TestStreamLarge: records over StreamAbove are streamed by the JSONL sink
// and come out as the same bytes as AppendJSON.
func TestStreamLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	input := jsonl(t,
		map[string]any{"id": "small", "text": sentences(r, 3)},
		map[string]any{"id": "large", "text": sentences(r, StreamAbove/60)},
		map[string]any{"id": "small2", "text": sentences(r, 3)},
	)
	a := newAnalyzer(t, kabar.WithStages(kabar.StageTokens|kabar.StageStats)) // the encoding is tested, not the analysis
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if _, err := Run(context.Background(), a, []Input{ReaderInput("t", bytes.NewReader(input))}, Config{Workers: 2}, JSONLSink(w)); err != nil || w.Flush() != nil {
		t.Fatal(err)
	}
	if len(input) < StreamAbove+1000 {
		t.Fatalf("input of %d bytes does not test streaming", len(input))
	}
	if !bytes.Equal(buf.Bytes(), sequential(t, a, input)) {
		t.Error("streamed output differs from AppendJSON's")
	}
}
