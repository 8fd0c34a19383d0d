package recio_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/kabar-id/kabar/beam/internal/recio"
)

type line struct {
	n    int
	text string
}

func lines(t testing.TB, in string) []line {
	t.Helper()
	var got []line
	if err := recio.Lines("f", strings.NewReader(in), func(n int, b []byte) { got = append(got, line{n, string(b)}) }); err != nil {
		t.Fatal(err)
	}
	return got
}

// TestLines checks that lines are split and numbered the way kabar batch
// does (examples/kabar/input.go, lineReader): "\n" ends a line, a "\r"
// before it is dropped, a last line without "\n" counts unless empty, blank
// lines are lines.
func TestLines(t *testing.T) {
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
		got := lines(t, tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Lines(%.20q): %d lines, want %d", tt.in, len(got), len(tt.want))
			continue
		}
		for i, l := range got {
			if l.n != i+1 || l.text != tt.want[i] {
				t.Errorf("Lines(%.20q) line %d = %d %.20q, want %d %.20q", tt.in, i, l.n, l.text, i+1, tt.want[i])
			}
		}
	}
}

func TestLinesReadError(t *testing.T) {
	boom := errors.New("boom")
	r := ioMulti(strings.NewReader("a\nb\n"), iotest.ErrReader(boom))
	var n int
	err := recio.Lines("in.jsonl", r, func(int, []byte) { n++ })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "in.jsonl after line 2") || n != 2 {
		t.Errorf("Lines over a failing reader: %d lines, error %v; want 2 lines and an error naming the file and line 2", n, err)
	}
}

func FuzzLines(f *testing.F) {
	for _, s := range []string{"", "\n", "a\r\nb", "{\"text\":\"x\"}\n\n", "\xff\r\n\r", "a\r\r\n", "\uFEFF{}\r\n\uFEFF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := lines(t, in)
		// Lines plus their endings give back the input: each line but the
		// last ends in "\n" or "\r\n"; a byte order mark before line 1 is
		// not part of it.
		var b bytes.Buffer
		if strings.HasPrefix(in, "\uFEFF") {
			b.WriteString("\uFEFF")
		}
		for i, l := range got {
			if l.n != i+1 {
				t.Fatalf("line %d numbered %d", i+1, l.n)
			}
			if strings.Contains(l.text, "\n") {
				t.Fatalf("line %d holds a newline: %q", l.n, l.text)
			}
			b.WriteString(l.text)
			rest := in[b.Len():]
			switch {
			case strings.HasPrefix(rest, "\r\n"):
				b.WriteString("\r\n")
			case strings.HasPrefix(rest, "\n"):
				b.WriteString("\n")
			case rest != "":
				t.Fatalf("line %d %q is followed by %q, want a line ending or the end", l.n, l.text, rest)
			}
		}
		if b.String() != in {
			t.Fatalf("lines of %q rebuild %q", in, b.String())
		}
	})
}

func TestAddSource(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{}`, `{"src":{"file":"dir/a \"b\".jsonl","line":7}}`},
		{`{"id":1}`, `{"src":{"file":"dir/a \"b\".jsonl","line":7},"id":1}`},
		{`{"line":3,"error":"x"}`, `{"src":{"file":"dir/a \"b\".jsonl","line":7},"line":3,"error":"x"}`},
	} {
		got := string(recio.AddSource([]byte(tt.in), "src", `dir/a "b".jsonl`, 7))
		if got != tt.want {
			t.Errorf("AddSource(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func FuzzAddSource(f *testing.F) {
	f.Add(`{"id":1}`, "src", "a.jsonl", 3)
	f.Add(`{}`, "", "\xff", -1)
	f.Fuzz(func(t *testing.T, rec, field, file string, n int) {
		if !json.Valid([]byte(rec)) || !strings.HasPrefix(rec, "{") {
			return
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(rec), &obj) != nil {
			return
		}
		got := recio.AddSource([]byte(rec), field, file, n)
		if !json.Valid(got) {
			t.Fatalf("AddSource(%s, %q, %q, %d) = %s: invalid JSON", rec, field, file, n, got)
		}
	})
}

// TestParseFacts checks that the analysis, written after the passthrough
// fields, wins over input fields of the same name, and that terms and
// entities count once per record.
func TestParseFacts(t *testing.T) {
	rec := `{"id":1,"tokens":"mine","groups":[1,2],` +
		`"tokens":[{"text":"Rumah","kind":"word","stem":"rumah"},{"text":"rumah","kind":"word","stem":"rumah"},{"text":"yang","kind":"word","stem":"yang","stop":true},{"text":"5","kind":"number","stem":"5"},{"text":"x","kind":"word"},{"text":"a","kind":"word","stem":"a"},{"text":"x1","kind":"word","stem":"12"},{"text":"di","kind":"word","stem":"di","stop":true},{"text":"ya","kind":"word","stem":"ya"}],` +
		`"groups":[{"name":"Jakarta","label":"LOC"},{"name":"Jakarta","label":"ORG"},{"name":"Jakarta","label":"LOC"},{"name":"","label":"PER"}]}`
	f, err := recio.ParseFacts([]byte(rec))
	if err != nil {
		t.Fatal(err)
	}
	var terms, ents []string
	f.Terms(func(s string) { terms = append(terms, s) })
	f.Entities(func(l, n string) { ents = append(ents, l+" "+n) })
	if !slices.Equal(terms, []string{"rumah", "ya"}) {
		t.Errorf("terms %q, want [rumah ya]", terms)
	}
	if !slices.Equal(ents, []string{"LOC Jakarta", "ORG Jakarta"}) {
		t.Errorf("entities %q, want [LOC Jakarta, ORG Jakarta]", ents)
	}
	for _, bad := range []string{``, `[]`, `{"tokens":5}`, `{"groups":{}}`, `{"tokens":[1]}`} {
		if _, err := recio.ParseFacts([]byte(bad)); err == nil {
			t.Errorf("ParseFacts(%s): no error", bad)
		}
	}
}

// TestValidTerm follows summarize's validTerm (summarize/model.go).
func TestValidTerm(t *testing.T) {
	for term, want := range map[string]bool{"": false, "a": false, "ab": true, "12": false, "a1": true, "é": false, "éa": true, "a b": false, "ab\t": false, "ibu-ibu": true} {
		if got := recio.ValidTerm(term); got != want {
			t.Errorf("ValidTerm(%q) = %v, want %v", term, got, want)
		}
	}
}

func FuzzParseFacts(f *testing.F) {
	f.Add(`{"tokens":[{"kind":"word","stem":"a"}],"groups":[{"name":"A","label":"PER"}]}`)
	f.Add(`{"tokens":null}`)
	f.Fuzz(func(t *testing.T, rec string) {
		recio.ParseValidForTest([]byte(rec)) // must not panic on any bytes
		facts, err := recio.ParseFacts([]byte(rec))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		facts.Terms(func(s string) {
			if s == "" || seen[s] {
				t.Fatalf("term %q empty or repeated", s)
			}
			seen[s] = true
		})
	})
}

func ioMulti(rs ...io.Reader) io.Reader { return io.MultiReader(rs...) }

// linesSplit reads in as the parts [0, cuts[0]), [cuts[0], cuts[1]), …,
// [cuts[last], ∞) with LinesFrom, as workers do after splits, and returns
// the lines of all parts in order.
func linesSplit(t testing.TB, in string, cuts ...int64) []line {
	t.Helper()
	var got []line
	bounds := append([]int64{0}, cuts...)
	for i, start := range bounds {
		end := int64(len(in) + 1)
		if i+1 < len(bounds) {
			end = bounds[i+1]
		}
		claim := func(off int64) bool { return off < end }
		err := recio.LinesFrom("f", strings.NewReader(in), start, claim, func(n int, b []byte) { got = append(got, line{n, string(b)}) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return got
}

// TestLinesFrom checks that a file read in parts, cut at every byte offset,
// gives the same numbered lines as a file read whole.
func TestLinesFrom(t *testing.T) {
	long := strings.Repeat("y", 70_000) // longer than the read buffer
	for _, in := range []string{
		"",
		"a",
		"\n",
		"a\nb\n",
		"ab\r\ncd\r\n\r\nef",
		"\n\n\nx\n\n",
		"a\n" + long + "\nb\n" + long,
	} {
		want := lines(t, in)
		step := 1
		if len(in) > 100 {
			step = 7919
		}
		for k := 0; k <= len(in)+1; k += step {
			if got := linesSplit(t, in, int64(k)); !slices.Equal(got, want) {
				t.Fatalf("%.20q cut at %d: %v, want %v", in, k, got, want)
			}
		}
		for k := 0; k <= len(in); k += step {
			for j := k; j <= len(in); j += step {
				if got := linesSplit(t, in, int64(k), int64(j)); !slices.Equal(got, want) {
					t.Fatalf("%.20q cut at %d and %d: %v, want %v", in, k, j, got, want)
				}
			}
		}
	}
}

func FuzzLinesFrom(f *testing.F) {
	f.Add("a\nb\r\n\nc", uint16(2), uint16(5))
	f.Add("\n\n", uint16(0), uint16(1))
	f.Fuzz(func(t *testing.T, in string, a, b uint16) {
		x, y := int64(a)%int64(len(in)+2), int64(b)%int64(len(in)+2)
		if x > y {
			x, y = y, x
		}
		want := lines(t, in)
		if got := linesSplit(t, in, x, y); !slices.Equal(got, want) {
			t.Fatalf("%q cut at %d and %d: %v, want %v", in, x, y, got, want)
		}
	})
}

// referenceFacts is ParseFacts written with encoding/json, the reference of
// the differential tests (for records whose keys match exactly).
func referenceFacts(rec []byte) (recio.Facts, error) {
	var f recio.Facts
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(rec, &fields); err != nil {
		return f, err
	}
	if raw, ok := fields["tokens"]; ok {
		if err := json.Unmarshal(raw, &f.Tokens); err != nil {
			return f, err
		}
	}
	if raw, ok := fields["groups"]; ok {
		if err := json.Unmarshal(raw, &f.Groups); err != nil {
			return f, err
		}
	}
	return f, nil
}

func sameFacts(a, b recio.Facts) bool {
	return slices.Equal(a.Tokens, b.Tokens) && slices.Equal(a.Groups, b.Groups)
}

func TestParseFactsReference(t *testing.T) {
	for _, rec := range []string{
		`{}`, `{"tokens":null,"groups":null}`, `{"tokens":[],"groups":[]}`,
		` { "tokens" : [ { "stem" : "a\"b" , "kind":"word","stop":true} , null ] } `,
		`{"tokens":[{"stem":null,"kind":null,"stop":null}]}`,
		`{"id":"x","tokens":{"a":1},"tokens":[{"stem":"\u00e9t\u00e9","kind":"word"}]}`,
		`{"groups":[{"name":"Jo \\ Ko","label":"PER","mentions":[{"start":1,"end":2}]}],"x":[[[]]]}`,
		`{"tokens":[{"stem":"s","extra":{"stem":"no"}}]}`,
	} {
		want, werr := referenceFacts([]byte(rec))
		got, err := recio.ParseFacts([]byte(rec))
		if (err != nil) != (werr != nil) || !sameFacts(got, want) {
			t.Errorf("ParseFacts(%s) = %+v, %v; encoding/json gives %+v, %v", rec, got, err, want, werr)
		}
	}
}

// FuzzParseFactsReference builds records with encoding/json from fuzzed
// values and checks that ParseFacts reads them as encoding/json does.
func FuzzParseFactsReference(f *testing.F) {
	f.Add("rumah", "word", true, "Joko Widodo", "PER", "tokens", `{"a":"\"}"}`)
	f.Add("", "\x00", false, "\xff", "", "groups", `[1,{"tokens":[]}]`)
	f.Fuzz(func(t *testing.T, stem, kind string, stop bool, name, label, extraKey, extraJSON string) {
		var extra any = extraJSON
		if json.Valid([]byte(extraJSON)) {
			extra = json.RawMessage(extraJSON)
		}
		type tok struct {
			Text string `json:"text"`
			Stem string `json:"stem,omitempty"`
			Kind string `json:"kind"`
			Stop bool   `json:"stop,omitempty"`
		}
		head, _ := json.Marshal(map[string]any{"id": 1, extraKey: extra})
		body, _ := json.Marshal(map[string]any{
			"tokens": []tok{{Text: stem, Stem: stem, Kind: kind, Stop: stop}, {Text: "x", Kind: kind}},
			"groups": []map[string]any{{"name": name, "label": label, "count": 1}},
		})
		rec := append(head[:len(head)-1], ',')
		rec = append(rec, body[1:]...)
		want, werr := referenceFacts(rec)
		got, err := recio.ParseFacts(rec)
		if (err != nil) != (werr != nil) || !sameFacts(got, want) {
			t.Fatalf("ParseFacts(%s) = %+v, %v; encoding/json gives %+v, %v", rec, got, err, want, werr)
		}
	})
}
