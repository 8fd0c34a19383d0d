package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

// runTokCmd runs the kabar command in-process.
func runTokCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&env{ctx: context.Background(), stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

const seedFile = "../../testdata/000_891277e20803d97e.txt"

// TestTokenizeGolden compares `kabar tokenize` on the seed article with
// testdata/seed.tokens.golden (go test -update rewrites it).
func TestTokenizeGolden(t *testing.T) {
	out, errs, code := runTokCmd(t, "", "tokenize", seedFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden := filepath.Join("testdata", "seed.tokens.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out != string(want) {
		gl, wl := strings.Split(out, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d: got %q, want %q (go test -update if intended)", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: got %d lines, want %d", golden, len(gl), len(wl))
	}
}

func TestTokenizeText(t *testing.T) {
	out, _, code := runTokCmd(t, "Dr. Budi datang. Kami pulang.", "tokenize")
	want := "Dr.\nBudi\ndatang\n.\n\nKami\npulang\n.\n"
	if code != 0 || out != want {
		t.Errorf("exit %d, output %q, want %q", code, out, want)
	}
}

func TestTokenizeJSON(t *testing.T) {
	text := "“Kami siap,” kata Dr. Budi (29/11). Lalu pergi."
	out, errs, code := runTokCmd(t, text, "tokenize", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Sentences []tokenize.Sentence `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(doc.Sentences) != 2 {
		t.Fatalf("got %d sentences: %s", len(doc.Sentences), out)
	}
	for _, s := range doc.Sentences {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %q: offsets [%d,%d) do not slice the input", s.Text, s.Start, s.End)
		}
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q: offsets [%d,%d) do not slice the input", tok.Text, tok.Start, tok.End)
			}
		}
	}
	for _, key := range []string{`"sentences":`, `"tokens":`, `"kind":"punct"`, `"kind":"number"`, `"start":`, `"end":`, `"text":`} {
		if !strings.Contains(out, key) {
			t.Errorf("JSON output lacks %s: %s", key, out)
		}
	}
	out, _, code = runTokCmd(t, "", "tokenize", "--json")
	if code != 0 || strings.TrimSpace(out) != `{"sentences":[]}` {
		t.Errorf("empty input: exit %d, %q", code, out)
	}
}

func TestTokenizeJSONL(t *testing.T) {
	in := `{"id":1,"text":"Dia datang. Kami pulang."}` + "\n" + `not json` + "\n" + `{"id":"b","text":"Harga Rp1,5 triliun."}` + "\n"
	out, errs, code := runTokCmd(t, in, "tokenize", "--jsonl")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d output lines for 3 input lines: %q (stderr %q)", len(lines), out, errs)
	}
	if code != 1 {
		t.Errorf("exit %d with a bad record, want 1", code)
	}
	var rec struct {
		ID        json.RawMessage `json:"id"`
		Sentences []struct {
			Text       string `json:"text"`
			Start, End int
		} `json:"sentences"`
		Tokens []tokenize.Token `json:"tokens"`
		Error  string           `json:"error"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil || string(rec.ID) != "1" || len(rec.Sentences) != 2 || len(rec.Tokens) != 6 {
		t.Errorf("record 1: %v %s", err, lines[0])
	}
	if !strings.Contains(lines[1], `"error"`) || !strings.Contains(lines[1], `"line":2`) {
		t.Errorf("bad record: %s", lines[1])
	}
	if !strings.Contains(lines[2], `"id":"b"`) || !strings.Contains(lines[2], `"text":"1,5"`) {
		t.Errorf("record 3: %s", lines[2])
	}
}

// TestTokenizeJSONLBOM: a byte order mark at the start of the input and
// Windows line ends do not cost the first record.
func TestTokenizeJSONLBOM(t *testing.T) {
	in := "\uFEFF" + `{"id":1,"text":"Dia datang."}` + "\r\n" + `{"id":2,"text":"Kami pulang."}` + "\r\n"
	out, errs, code := runTokCmd(t, in, "tokenize", "--jsonl")
	if code != 0 || strings.Count(out, "\n") != 2 || strings.Contains(out, `"error"`) {
		t.Errorf("exit %d, output %q, stderr %q; want two records without error", code, out, errs)
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	in := "Dia datang\xff dari Bogor."
	out, errs, code := runTokCmd(t, in, "tokenize")
	if code != 1 || out != "" {
		t.Errorf("invalid UTF-8: exit %d, output %q; want exit 1 and no output", code, out)
	}
	if !strings.Contains(errs, "invalid UTF-8") || !strings.Contains(errs, "byte offset 10") || !strings.Contains(errs, "--replace-invalid") {
		t.Errorf("error message %q should name the byte offset 10 and the --replace-invalid flag", errs)
	}
	out, errs, code = runTokCmd(t, in, "tokenize", "--replace-invalid")
	if code != 0 || !strings.Contains(out, "\uFFFD") {
		t.Errorf("--replace-invalid: exit %d, output %q, stderr %q", code, out, errs)
	}
}

func TestTokenizeUsage(t *testing.T) {
	if _, errs, code := runTokCmd(t, "", "tokenize", "--nope"); code != 2 || !strings.Contains(errs, "usage: kabar tokenize") {
		t.Errorf("unknown flag: exit %d, %q", code, errs)
	}
	if _, _, code := runTokCmd(t, "", "tokenize", "-h"); code != 0 {
		t.Errorf("-h: exit %d", code)
	}
	if _, errs, code := runTokCmd(t, "", "tokenize", "no/such/file.txt"); code != 1 || !strings.Contains(errs, "no/such/file.txt") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	if _, _, code := runTokCmd(t, "", "tokenize", "a", "b"); code == 0 {
		t.Errorf("two files: exit 0")
	}
}

func TestEvalTokenize(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "ud")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("UD treebanks not found at %s (../shared is beside the repository): %v", dir, err)
	}
	if testing.Short() {
		t.Skip("slow: scores the treebanks")
	}
	out, errs, code := runTokCmd(t, "", "eval", "tokenize", "--ud", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"GSD", "CSUI", "tokens", "sentences"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if _, errs, code := runTokCmd(t, "", "eval", "tokenize", "--ud", "no/such/dir"); code != 1 || !strings.Contains(errs, "not found") {
		t.Errorf("missing data: exit %d, %q", code, errs)
	}
}
