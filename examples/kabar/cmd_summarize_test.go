package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runSum runs the kabar command in-process with stdin and returns its exit
// status, stdout and stderr.
func runSum(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(&env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

const seedPath = "../../testdata/000_891277e20803d97e.txt"

func TestSummarizeText(t *testing.T) {
	code, out, errs := runSum(t, "", "summarize", "-n", "2", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
	}
	seed, _ := os.ReadFile(seedPath)
	for _, l := range lines {
		if !strings.Contains(string(seed), l) {
			t.Errorf("line %q is not in the text", l)
		}
	}
	// Flags after FILE, stdin, each method, ratio and word budget.
	for _, args := range [][]string{
		{"summarize", seedPath, "-n", "1"},
		{"summarize", "--method", "lexrank"},
		{"summarize", "--method", "lead", "-n", "3"},
		{"summarize", "--ratio", "0.2"},
		{"summarize", "--words", "40"},
	} {
		code, out, errs := runSum(t, string(seed), args...)
		if code != 0 || out == "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

func TestSummarizeJSON(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runSum(t, string(seed), "summarize", "--json", "-k", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Summary []struct {
			Text       string
			Start, End int
			Index      int
			Score      float64
		} `json:"summary"`
		Keywords []struct {
			Text  string
			Score float64
		} `json:"keywords"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(doc.Summary) != 3 || len(doc.Keywords) != 5 {
		t.Fatalf("got %d sentences and %d keywords", len(doc.Summary), len(doc.Keywords))
	}
	for _, s := range doc.Summary {
		if string(seed[s.Start:s.End]) != s.Text {
			t.Errorf("offsets %d:%d do not slice to %q", s.Start, s.End, s.Text)
		}
	}
	for _, key := range []string{`"summary":[{"text":`, `"start":`, `"end":`, `"index":`, `"score":`, `"keywords":[{"text":`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON lacks %s: %s", key, out)
		}
	}
	// Empty input: empty arrays, not null.
	code, out, _ = runSum(t, "", "summarize", "--json")
	if code != 0 || strings.TrimSpace(out) != `{"summary":[],"keywords":[]}` {
		t.Errorf("empty input: exit %d, %s", code, out)
	}
}

func TestSummarizeJSONL(t *testing.T) {
	seed, _ := os.ReadFile(seedPath)
	rec, _ := json.Marshal(map[string]string{"id": "seed", "text": string(seed)})
	in := string(rec) + "\n" + `{"id":2,"text":""}` + "\n" + "not json\n"
	code, out, errs := runSum(t, in, "summarize", "--jsonl", "-n", "2", "-k", "3")
	if code != 1 {
		t.Errorf("exit %d, want 1 (one bad record): %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines for 3 input lines:\n%s", len(lines), out)
	}
	var first struct {
		ID       string            `json:"id"`
		Summary  []json.RawMessage `json:"summary"`
		Keywords []json.RawMessage `json:"keywords"`
		Tokens   []json.RawMessage `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.ID != "seed" || len(first.Summary) != 2 || len(first.Keywords) != 3 {
		t.Errorf("first record: %s", lines[0])
	}
	if !strings.Contains(lines[2], `"error"`) {
		t.Errorf("bad record gave %s", lines[2])
	}
}

func TestKeywordsCmd(t *testing.T) {
	code, out, errs := runSum(t, "", "keywords", "-k", "4", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "1.000\t") {
		t.Errorf("got:\n%s", out)
	}
	code, out, _ = runSum(t, "", "keywords", "--json", seedPath)
	var doc struct {
		Keywords []struct {
			Text  string  `json:"text"`
			Score float64 `json:"score"`
		} `json:"keywords"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Keywords) != 10 {
		t.Errorf("--json: exit %d, %s", code, out)
	}
}

func TestSummarizeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"summarize", "-n", "-1"},
		{"summarize", "--ratio", "1.5"},
		{"summarize", "--ratio", "0.5", "--words", "10"},
		{"summarize", "--words", "-3"},
		{"summarize", "--method", "textrank"},
		{"summarize", "-k", "-1"},
		{"summarize", "--nope"},
		{"keywords", "-k", "-2"},
		{"eval", "summarize", "extra"},
	} {
		if code, _, _ := runSum(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runSum(t, "", "summarize", "no-such-file.txt"); code != 1 || !strings.Contains(errs, "no-such-file.txt") {
		t.Errorf("missing file: exit %d, %s", code, errs)
	}
	if code, _, errs := runSum(t, "Harga \xff naik.", "summarize"); code != 1 || !strings.Contains(errs, "invalid UTF-8") {
		t.Errorf("invalid UTF-8: exit %d, %s", code, errs)
	}
	if code, out, _ := runSum(t, "Harga \xff naik.", "summarize", "--replace-invalid"); code != 0 || !strings.Contains(out, "\uFFFD") {
		t.Errorf("--replace-invalid: exit %d, %q", code, out)
	}
	if code, _, _ := runSum(t, "", "eval", "summarize", "--data", filepath.Join(t.TempDir(), "none.jsonl")); code != 1 {
		t.Errorf("eval with a missing file: exit %d, want 1", code)
	}
}

func TestEvalSummarize(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data", "indosum", "indosum-dev.jsonl")
	if _, err := os.Stat(data); err != nil {
		t.Skipf("IndoSum data not found beside the checkout (%v); skipping", err)
	}
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	// A small file in the same format, so that the test stays quick.
	f, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(f), "\n", 31)
	small := filepath.Join(t.TempDir(), "small.jsonl")
	if err := os.WriteFile(small, []byte(strings.Join(lines[:30], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runSum(t, "", "eval", "summarize", "--data", small)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"LEAD-3", "TF-IDF+MMR", "LexRank+MMR", "Learned", "ORACLE", "30 articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
