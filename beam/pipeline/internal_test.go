package pipeline

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

func collect(t testing.TB, in string) []Line {
	t.Helper()
	var got []Line
	if err := readLines("f", strings.NewReader(in), func(l Line) { got = append(got, l) }); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestReadLines checks that lines are split and numbered the way kabar
// batch does (examples/kabar/input.go lineReader): "\n" ends a line, a "\r"
// before it is dropped, a last line without "\n" counts unless empty, blank
// lines are lines.
func TestReadLines(t *testing.T) {
	long := strings.Repeat("x", 200_000) // longer than the read buffer
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\n", []string{""}},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\r\n", []string{"a", "b"}},
		{"a\r\r\n", []string{"a\r"}}, // only one "\r" belongs to the line ending
		{"a\rb\n", []string{"a\rb"}}, // a lone "\r" is not a line ending
		{"\n\n", []string{"", ""}},
		{"a\n\nb\n", []string{"a", "", "b"}},
		{long + "\n" + long, []string{long, long}},
	}
	for _, tt := range tests {
		got := collect(t, tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("readLines(%.20q): %d lines, want %d", tt.in, len(got), len(tt.want))
			continue
		}
		for i, l := range got {
			if l.Number != i+1 || l.File != "f" || string(l.Data) != tt.want[i] {
				t.Errorf("readLines(%.20q) line %d = {%q %d %.20q}, want {\"f\" %d %.20q}", tt.in, i, l.File, l.Number, l.Data, i+1, tt.want[i])
			}
		}
	}
}

func FuzzReadLines(f *testing.F) {
	for _, s := range []string{"", "\n", "a\r\nb", "{\"text\":\"x\"}\n\n", "\xff\r\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := collect(t, in)
		// Joining the lines with "\n" gives back the input without "\r"
		// before each "\n" and without a final "\n".
		var b bytes.Buffer
		for i, l := range got {
			if l.Number != i+1 {
				t.Fatalf("line %d numbered %d", i+1, l.Number)
			}
			if bytes.IndexByte(l.Data, '\n') >= 0 {
				t.Fatalf("line %d holds a newline: %q", l.Number, l.Data)
			}
			if i > 0 {
				b.WriteByte('\n')
			}
			b.Write(l.Data)
		}
		want := strings.TrimSuffix(strings.ReplaceAll(in, "\r\n", "\n"), "\n")
		if strings.Contains(in, "\r\r\n") {
			return // "\r\r\n" keeps one "\r"; the simple rewrite above does not
		}
		if b.String() != want {
			t.Fatalf("lines of %q join to %q, want %q", in, b.String(), want)
		}
	})
}

func TestAddSource(t *testing.T) {
	l := Line{File: "dir/a \"b\".jsonl", Number: 7}
	for _, tt := range []struct{ in, want string }{
		{`{}`, `{"src":{"file":"dir/a \"b\".jsonl","line":7}}`},
		{`{"id":1}`, `{"src":{"file":"dir/a \"b\".jsonl","line":7},"id":1}`},
	} {
		got := string(addSource([]byte(tt.in), "src", l))
		if got != tt.want {
			t.Errorf("addSource(%s) = %s, want %s", tt.in, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("addSource(%s) = %s is not valid JSON", tt.in, got)
		}
	}
}

// TestParseFacts checks that the analysis, written after the passthrough
// fields, wins over input fields of the same name.
func TestParseFacts(t *testing.T) {
	rec := `{"id":1,"tokens":"mine","groups":[1,2],"tokens":[{"text":"Rumah","kind":"word","stem":"rumah"}],"groups":[{"name":"Jakarta","label":"LOC"}]}`
	f, err := parseFacts(rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Tokens) != 1 || f.Tokens[0].Stem != "rumah" || len(f.Groups) != 1 || f.Groups[0].Name != "Jakarta" {
		t.Errorf("parseFacts(%s) = %+v", rec, f)
	}
	for _, bad := range []string{``, `[]`, `{"tokens":5}`, `{"groups":{}}`, `{"tokens":[1]}`} {
		if _, err := parseFacts(bad); err == nil {
			t.Errorf("parseFacts(%s): no error", bad)
		}
	}
}

func FuzzParseFacts(f *testing.F) {
	f.Add(`{"tokens":[{"kind":"word","stem":"a"}],"groups":[{"name":"A","label":"PER"}]}`)
	f.Add(`{"tokens":null}`)
	f.Fuzz(func(t *testing.T, rec string) {
		parseFacts(rec) // must not panic
	})
}

// TestAnalyzerShared hammers Config.Analyzer from many goroutines (run with
// -race): every caller gets the same Analyzer, built once.
func TestAnalyzerShared(t *testing.T) {
	cfg := Config{SummaryLength: 2, Keywords: 4}
	first, err := cfg.Analyzer()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			a, err := cfg.Analyzer()
			if err != nil || a != first {
				t.Errorf("Analyzer() = %p, %v; want %p", a, err, first)
			}
			out, _ := a.AnalyzeLine(t.Context(), []byte(`{"text":"Rumah itu besar."}`), 1)
			if !json.Valid(out) {
				t.Errorf("AnalyzeLine: invalid JSON %s", out)
			}
		})
	}
	wg.Wait()
	other, err := Config{SummaryLength: 1}.Analyzer()
	if err != nil || other == first {
		t.Errorf("another Config got %p, %v; want a different Analyzer", other, err)
	}
}
