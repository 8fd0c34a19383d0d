package kabar

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// reference encodes d with encoding/json (HTML escaping off), without id
// and braces: what appendDocument must produce.
func reference(t testing.TB, d *Document) []byte {
	c := *d
	c.ID = nil
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&c); err != nil {
		t.Fatal(err)
	}
	b := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	return b[1 : len(b)-1]
}

// TestEncodingMatchesEncodingJSON: the hand-written encoder gives the bytes
// encoding/json gives, on real documents and on one with every field and
// awkward strings and numbers. It fails when a field is added to one of the
// Document's types without adding it to the encoder.
func TestEncodingMatchesEncodingJSON(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	seed, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines, err := os.ReadFile("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(seed), "", "Satu."}
	for _, l := range bytes.Split(bytes.TrimSpace(lines), []byte("\n")) {
		rec, err := ParseRecord(l, 1)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	for _, text := range texts {
		d, err := a.Analyze(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	odd := "a\"b\\c\n\r\t\b\f\x00\x1f\x7f<>&\u2028\u2029é日本\U0001F600"
	docs = append(docs, &Document{
		Sentences: []Sentence{{Text: odd, Start: 0, End: len(odd), FirstToken: 0, Tokens: 1}},
		Tokens:    []Token{{Text: odd, End: len(odd), Kind: tokenize.Emoji, Stem: "x", Stop: true}, {Text: "b", Kind: tokenize.Number}},
		Entities:  []entities.Mention{{Text: "A", Label: entities.PER, Score: 1e-7}, {Text: "B", Label: entities.ORG, Score: 1e21}, {Text: "C", Label: entities.LOC, Score: 0.1}},
		Groups:    []entities.Group{{Name: odd, Label: entities.ORG, Count: 2, Mentions: []entities.Span{{Start: 1, End: 2}, {Start: 3, End: 4}}}, {Name: "n", Label: entities.MONEY}},
		Summary:   []summarize.Sentence{{Text: odd, Index: 3, Score: -2.5e-12}},
		Keywords:  []summarize.Keyword{{Text: odd, Score: 123456789.125}, {Text: "k", Score: math.SmallestNonzeroFloat64}},
		Stats:     &Stats{Bytes: 1, EntitiesByLabel: map[string]int{"PER": 1, "LOC": 2, "ORG": 3}},
		Error:     "e",
	})
	for i, d := range docs {
		got, err := appendDocument(nil, d, true)
		if err != nil {
			t.Fatal(err)
		}
		if want := reference(t, d); !bytes.Equal(got, want) {
			t.Errorf("document %d:\ngot  %.400s\nwant %.400s", i, got, want)
		}
	}
	if _, err := appendDocument(nil, &Document{Keywords: []summarize.Keyword{{Text: "k", Score: math.NaN()}}}, true); err == nil {
		t.Error("a NaN score encoded without error")
	}
}

// FuzzAppendString: appendString escapes any string, valid UTF-8 or not,
// as encoding/json does.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "abc", "\x00\xff\u2028", "<&>", "\"\\", "\xed\xa0\x80",
		"abcdefghijklmnop", "abc\"defghijk", "abcdefg\\hijkl", "abcdefgh\x01ijk", "“kutip” – dan\u2028x", "a\xffbcdefghij", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		if got, want := appendString(nil, s), bytes.TrimSuffix(buf.Bytes(), []byte("\n")); !bytes.Equal(got, want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestWriteJSON: streaming a record gives the bytes of AppendJSON, for
// documents far larger than the flush size, error records and a NaN score.
func TestWriteJSON(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat(append(seed, "\n\n"...), 40)
	results := []*Result{
		a.AnalyzeRecord(context.Background(), Record{Line: 1, ID: []byte(`"big"`), Extra: []Field{{"k", []byte(`[1, 2]`)}}, Text: string(big)}),
		a.AnalyzeRecord(context.Background(), Record{Line: 2, Text: "Satu."}),
		a.AnalyzeLineResult(context.Background(), []byte(`{"id":3}`), 3),
		{Record: Record{Line: 4}, Doc: &Document{Keywords: []summarize.Keyword{{Text: "k", Score: math.Inf(1)}}}},
	}
	for i, r := range results {
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		if want := r.AppendJSON(nil); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("result %d: WriteJSON wrote %d bytes, AppendJSON %d; they differ", i, buf.Len(), len(want))
		}
		if i == 0 && buf.Len() < 4*flushAt {
			t.Errorf("the big document is only %d bytes of JSON", buf.Len())
		}
	}
	if err := results[0].WriteJSON(failWriter{}); err == nil {
		t.Error("a failing writer gave no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// FuzzParseRecord: on valid JSON the fast parser gives what encoding/json's
// decoder gives.
func FuzzParseRecord(f *testing.F) {
	for _, s := range []string{`{"id":1,"text":"a"}`, ` { "b" : [1, {"c": "}"}] , "text" : "x\"y\\u00e9", "id": null } `, `{"text":5}`, `{}`, `[]`, `{"a":"\\","text":""}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		got, gerr := ParseRecord(line, 1)
		if !json.Valid(line) || !utf8.Valid(line) {
			return
		}
		want := Record{Line: 1}
		werr := decodeRecord(&want, line)
		for _, r := range []*Record{&got, &want} {
			if len(r.Extra) == 0 {
				r.Extra = nil
			}
			if len(r.ID) == 0 {
				r.ID = nil
			}
		}
		if (gerr == nil) != (werr == nil) || !reflect.DeepEqual(got, want) {
			t.Fatalf("line %q:\nfast    %+v, %v\ndecoder %+v, %v", line, got, gerr, want, werr)
		}
	})
}

// BenchmarkEncode compares the hand-written encoder with encoding/json on
// the seed article's Document.
func BenchmarkEncode(b *testing.B) {
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		b.Fatal(err)
	}
	d, err := a.Analyze(context.Background(), string(seed))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("kabar", func(b *testing.B) {
		b.SetBytes(int64(len(seed)))
		b.ReportAllocs()
		var buf []byte
		for b.Loop() {
			buf, _ = appendDocument(buf[:0], d, true)
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(seed)))
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.Encode(d)
		}
	})
}

// TestAppendInt: appendInt writes what strconv.AppendInt writes.
func TestAppendInt(t *testing.T) {
	vals := []int{0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12345, 99999, 100000, 999999999, 1e9, 1e9 + 1, -1, -10, math.MaxInt, math.MinInt}
	for v := 0; v < 100000; v += 7 {
		vals = append(vals, v)
	}
	for _, v := range vals {
		if got, want := string(appendInt([]byte("x"), v)), string(strconv.AppendInt([]byte("x"), int64(v), 10)); got != want {
			t.Errorf("appendInt(%d) = %q, want %q", v, got, want)
		}
	}
}

// FuzzUnescape checks the record reader's JSON string decoder against
// encoding/json: the same string for every valid JSON string of valid
// UTF-8, lone and paired surrogate escapes included, and no string for
// anything encoding/json rejects.
func FuzzUnescape(f *testing.F) {
	for _, s := range []string{`"a\nb"`, `"\"\\\/\b\f\n\r\t"`, `"\u00e9\u20AC"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00\ud83d x"`,
		`"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, `"é\n"`, `"\x"`, `"\u12"`, `"a`, `"a"b"`, "\"\x01\"", `"\/"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		got, ok := unescape(s)
		var want string
		werr := json.Unmarshal(s, &want)
		if !utf8.Valid(s) {
			if ok {
				t.Fatalf("%q: invalid UTF-8 decoded", s)
			}
			return
		}
		if ok && (werr != nil || got != want) {
			t.Fatalf("%q: unescape %q, encoding/json %q (%v)", s, got, want, werr)
		}
		if !ok && werr == nil && len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
			t.Fatalf("%q: unescape refused what encoding/json decodes as %q", s, want)
		}
	})
}
