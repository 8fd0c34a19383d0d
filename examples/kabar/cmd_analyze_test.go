package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/kabar-id/kabar/internal/batch"
	"github.com/kabar-id/kabar/internal/columnar"
)

const seed = "../../testdata/000_891277e20803d97e.txt"

func runCLI(ctx context.Context, stdin string, args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(&env{ctx: ctx, stdin: strings.NewReader(stdin), stdout: &o, stderr: &e}, args)
	return code, o.String(), e.String()
}

func TestAnalyze(t *testing.T) {
	code, out, errs := runCLI(context.Background(), "", "analyze", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d struct {
		ID        string
		Sentences []json.RawMessage
		Stats     struct{ Bytes int }
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(seed)
	if d.ID != seed || len(d.Sentences) == 0 || int64(d.Stats.Bytes) != st.Size() {
		t.Errorf("id %q, %d sentences, %d bytes", d.ID, len(d.Sentences), d.Stats.Bytes)
	}
	if code, out, _ := runCLI(context.Background(), "Satu. Dua.", "analyze", "--indent", "--stages", "tokens"); code != 0 || !strings.Contains(out, "\n  \"sentences\": [") || strings.Contains(out, `"id"`) {
		t.Errorf("stdin, indented: exit %d:\n%s", code, out)
	}
	if code, out, _ := runCLI(context.Background(), `{"id":1,"text":"Ya."}`+"\n{\n", "analyze", "--jsonl"); code != 1 || strings.Count(out, "\n") != 2 {
		t.Errorf("--jsonl with a bad line: exit %d:\n%s", code, out)
	}
	if code, _, errs := runCLI(context.Background(), "", "analyze", "--stages", "nouns", seed); code != 2 || !strings.Contains(errs, "unknown stage") {
		t.Errorf("bad --stages: exit %d: %s", code, errs)
	}
	if code, _, _ := runCLI(context.Background(), "a\xffb", "analyze"); code != 1 {
		t.Errorf("invalid UTF-8: exit %d", code)
	}
}

func TestBatch(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	pq := filepath.Join(dir, "pq")
	code, stdout, errs := runCLI(context.Background(), "", "batch", "-o", out, "--parquet", pq, "--workers", "2", "../../testdata/articles.jsonl", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if stdout != "" || !strings.Contains(errs, "kabar batch: 11 records, 0 errors") {
		t.Errorf("stdout %q, stderr %q", stdout, errs)
	}
	b, _ := os.ReadFile(out)
	if n := bytes.Count(b, []byte("\n")); n != 11 {
		t.Errorf("%d output lines, want 11", n)
	}
	docs, err := parquet.ReadFile[columnar.Doc](filepath.Join(pq, columnar.DocumentsFile))
	if err != nil || len(docs) != 11 || *docs[10].ID != seed {
		t.Errorf("documents.parquet: %d rows, %v", len(docs), err)
	}

	// Bad records: one line each, exit 1, summary counts them.
	code, stdout, errs = runCLI(context.Background(), "{\"id\":1,\"text\":\"Ya.\"}\n\n{\"id\":2}\n", "batch", "--stages", "tokens")
	if code != 1 || strings.Count(stdout, "\n") != 3 || !strings.Contains(errs, "3 records, 2 errors") {
		t.Errorf("bad records: exit %d\n%s\n%s", code, stdout, errs)
	}
	if code, _, errs := runCLI(context.Background(), "", "batch", "--resume"); code != 2 || !strings.Contains(errs, "needs -o") {
		t.Errorf("--resume without -o: exit %d: %s", code, errs)
	}
}

// TestBatchInterruptResume: an interrupted run says how to resume, and
// --resume then completes the output file, also rebuilding the Parquet
// tables.
func TestBatchInterruptResume(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	pq := filepath.Join(dir, "pq")
	want := filepath.Join(dir, "want.jsonl")
	if code, _, errs := runCLI(context.Background(), "", "batch", "-o", want, "../../testdata/articles.jsonl"); code != 0 {
		t.Fatal(errs)
	}
	// Half an output, as an interrupted run leaves it, with a torn last line.
	full, _ := os.ReadFile(want)
	lines := bytes.SplitAfter(full, []byte("\n"))
	os.WriteFile(out, append(bytes.Join(lines[:4], nil), lines[4][:10]...), 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, errs := runCLI(ctx, "", "batch", "-o", filepath.Join(dir, "x.jsonl"), "../../testdata/articles.jsonl")
	if code != 1 || !strings.Contains(errs, "--resume") {
		t.Errorf("interrupted run: exit %d: %s", code, errs)
	}
	code, _, errs = runCLI(context.Background(), "", "batch", "--resume", "-o", out, "--parquet", pq, "../../testdata/articles.jsonl")
	if code != 0 || !strings.Contains(errs, "resuming after 4 records") || !strings.Contains(errs, "6 records, 0 errors") {
		t.Fatalf("resume: exit %d: %s", code, errs)
	}
	got, _ := os.ReadFile(out)
	if !bytes.Equal(got, full) {
		t.Errorf("resumed output differs from an uninterrupted run")
	}
	docs, err := parquet.ReadFile[columnar.Doc](filepath.Join(pq, columnar.DocumentsFile))
	if err != nil || len(docs) != 10 {
		t.Errorf("documents.parquet after resume: %d rows, %v", len(docs), err)
	}
}

// cancelledAfter is a context whose Err is nil for its first n calls and
// context.Canceled after: cancelled at a chosen point of a command.
type cancelledAfter struct {
	context.Context
	n atomic.Int32
}

func (c *cancelledAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestAnalyzeJSONLInterrupted: a record that the interruption stopped
// before its analysis was done gets no output line (AnalyzeLine's
// contract): the output holds only records analysed in full.
func TestAnalyzeJSONLInterrupted(t *testing.T) {
	ctx := &cancelledAfter{Context: context.Background()}
	ctx.n.Store(1) // the loop's check before the first line passes; the analysis's fails
	code, out, errs := runCLI(ctx, `{"id":1,"text":"Budi pergi."}`+"\n", "analyze", "--jsonl")
	if code != 1 || out != "" || !strings.Contains(errs, "interrupted after line 0") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1, no line, interrupted after line 0", code, out, errs)
	}
}

// TestBatchResumeKeepsFailures: a resumed run's exit status counts the
// records that failed before the interruption, and an output that holds
// more records than the input is an error, not a finished run.
func TestBatchResumeKeepsFailures(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	os.WriteFile(in, []byte("\n{\"id\":1,\"text\":\"Budi pergi.\"}\n{\"id\":2,\"text\":\"Ani pulang.\"}\n"), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	if code, _, errs := runCLI(context.Background(), "", "batch", "-o", out, in); code != 1 {
		t.Fatalf("a run with an empty line: exit %d, want 1: %s", code, errs)
	}
	full, _ := os.ReadFile(out)
	first := full[:bytes.IndexByte(full, '\n')+1] // the empty line's error record
	os.WriteFile(out, first, 0o644)
	code, _, errs := runCLI(context.Background(), "", "batch", "--resume", "-o", out, in)
	if code != 1 || !strings.Contains(errs, "(1 failed)") || !strings.Contains(errs, "1 record(s) failed") {
		t.Errorf("resumed after a failed record: exit %d, want 1: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, full) {
		t.Errorf("resumed output differs from an uninterrupted run")
	}
	os.WriteFile(out, append(bytes.Clone(full), full...), 0o644) // six records for an input of three
	if code, _, errs := runCLI(context.Background(), "", "batch", "--resume", "-o", out, in); code != 1 || !strings.Contains(errs, "another input") {
		t.Errorf("resumed onto a longer output: exit %d, want 1: %s", code, errs)
	}
}

// TestBatchOutputIsInput: -o naming an input file is refused before the
// file is opened for writing, and the input is left whole.
func TestBatchOutputIsInput(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	data := []byte("{\"id\":1,\"text\":\"Budi pergi.\"}\n")
	os.WriteFile(in, data, 0o644)
	code, _, errs := runCLI(context.Background(), "", "batch", "-o", in, in)
	if got, _ := os.ReadFile(in); code != 2 || !bytes.Equal(got, data) || !strings.Contains(errs, "is the input") {
		t.Errorf("exit %d, input now %q: %s", code, got, errs)
	}
}

func TestProgressLine(t *testing.T) {
	var c batch.Counters
	c.Records.Store(50)
	c.Errors.Store(1)
	c.Bytes.Store(5e6)
	got := progressLine(&c, 10e6, 10*time.Second)
	want := "[##########..........]  50%  50 records (1 errors)  5 records/s  0.50 MB/s  ETA 10s"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := progressLine(&c, -1, 10*time.Second); got != "50 records (1 errors)  5 records/s  0.50 MB/s" {
		t.Errorf("unknown total: %q", got)
	}
}
