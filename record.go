package kabar

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/jsonscan"
	"github.com/kabar-id/kabar/internal/pool"
)

// Errors of bad input records, wrapped in a [RecordError].
var (
	ErrEmptyLine     = errors.New("empty line")
	ErrMalformedJSON = errors.New("malformed JSON")
	ErrNoText        = errors.New(`no "text" field`)
	ErrTextNotString = errors.New(`"text" is not a string`)
)

// Record is one input record: a JSONL line {"id":…,"text":…, …} or a file.
// Fields other than id and text are kept, in input order, in Extra and are
// copied unchanged to the output record.
type Record struct {
	Line  int             // 1-based line number in the input (a text file: 1)
	ID    json.RawMessage // the "id" value as written, or nil
	Text  string
	Extra []Field
}

// Field is one passthrough field of a Record.
type Field struct {
	Key   string
	Value json.RawMessage
}

// RecordError is the error of one input record. Its message, without the
// line number, is the "error" field of the output record.
type RecordError struct {
	Line int
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// ParseRecord parses one JSONL line. On error the returned Record still
// carries Line and, when they could be read, ID and Extra; the error is a
// [*RecordError].
//
// The line must be valid UTF-8: encoding/json would silently replace invalid
// bytes inside strings by U+FFFD, so ParseRecord reports them instead, as an
// [*InvalidUTF8Error] whose Offset counts bytes from the start of the line
// (ID and Extra are then read from a copy with the bad bytes replaced).
func ParseRecord(line []byte, lineNo int) (Record, error) {
	if !utf8.Valid(line) {
		off := invalidOffset(line)
		rec, _ := parseRecord([]byte(strings.ToValidUTF8(string(line), "\uFFFD")), lineNo)
		rec.Text = ""
		return rec, &RecordError{lineNo, &InvalidUTF8Error{Offset: off, InLine: true}}
	}
	rec, err := parseRecord(line, lineNo)
	if err != nil {
		return rec, &RecordError{lineNo, err}
	}
	return rec, nil
}

func parseRecord(line []byte, lineNo int) (Record, error) {
	rec := Record{Line: lineNo}
	if len(bytes.TrimSpace(line)) == 0 {
		return rec, ErrEmptyLine
	}
	if !json.Valid(line) { // slow path: says where, keeps the fields before the error
		if err := decodeRecord(&rec, line); err != nil {
			return rec, err
		}
		return rec, fmt.Errorf("%w: invalid JSON", ErrMalformedJSON)
	}
	// Fast path over valid JSON: one pass to find the top-level values, one
	// copy of the text, whatever its length.
	i := jsonscan.SkipSpace(line, 0)
	if line[i] != '{' {
		return rec, fmt.Errorf("%w: want an object", ErrMalformedJSON)
	}
	f := fields{rec: &rec}
	for i = jsonscan.SkipSpace(line, i+1); line[i] != '}'; {
		end := jsonscan.SkipValue(line, i)
		var key string
		if err := unquote(line[i:end], &key); err != nil {
			return rec, fmt.Errorf("%w: %v", ErrMalformedJSON, err)
		}
		i = jsonscan.SkipSpace(line, jsonscan.SkipSpace(line, end)+1) // past the colon
		end = jsonscan.SkipValue(line, i)
		f.set(key, line[i:end], false)
		if i = jsonscan.SkipSpace(line, end); line[i] == ',' {
			i = jsonscan.SkipSpace(line, i+1)
		}
	}
	return rec, f.err()
}

// decodeRecord parses line with encoding/json's decoder, which says where
// invalid JSON goes wrong and keeps the fields before the error. It is also
// the reference the fast path is tested against.
func decodeRecord(rec *Record, line []byte) error {
	malformed := func(err error) error { return fmt.Errorf("%w: %v", ErrMalformedJSON, err) }
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return malformed(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return malformed(errors.New("want an object"))
	}
	f := fields{rec: rec}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return malformed(err)
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return malformed(err)
		}
		f.set(key, raw, true)
	}
	if _, err := dec.Token(); err != nil {
		return malformed(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return malformed(errors.New("data after the object"))
	}
	return f.err()
}

// fields fills a Record from the top-level fields of an input object.
type fields struct {
	rec     *Record
	hasText bool
	textErr error
}

// set sets the field key from its JSON value raw, which set copies unless
// owned says it is the record's own.
func (f *fields) set(key string, raw []byte, owned bool) {
	keep := func() []byte {
		if owned {
			return raw
		}
		return bytes.Clone(raw)
	}
	switch key {
	case "id":
		f.rec.ID = keep()
	case "text":
		f.hasText, f.textErr, f.rec.Text = true, nil, ""
		if len(raw) < 2 || raw[0] != '"' || unquote(raw, &f.rec.Text) != nil {
			f.textErr = ErrTextNotString
		}
	default:
		f.rec.Extra = append(f.rec.Extra, Field{Key: key, Value: keep()})
	}
}

func (f *fields) err() error {
	if !f.hasText {
		return ErrNoText
	}
	return f.textErr
}

// unquote decodes the JSON string s into *dst, by one copy: as
// encoding/json decodes it (FuzzParseRecord compares them), a lone
// surrogate escape becoming U+FFFD. Anything but a valid JSON string with
// valid UTF-8 goes to encoding/json, for its error.
func unquote(s []byte, dst *string) error {
	if len(s) >= 2 && s[0] == '"' && bytes.IndexByte(s, '\\') < 0 {
		*dst = string(s[1 : len(s)-1])
		return nil
	}
	if out, ok := unescape(s); ok {
		*dst = out
		return nil
	}
	return json.Unmarshal(s, dst)
}

// FileRecord returns the record of a text file: its id is path, as given
// (a JSON string), and its Line is 1, the file being one record.
func FileRecord(path string, data []byte) Record {
	return Record{Line: 1, ID: appendString(nil, path), Text: string(data)}
}

// Result is the analysis of one Record: the Document, or the error that
// made the record fail.
type Result struct {
	Record
	Doc *Document // nil when Err is set
	Err error     // a *RecordError

	pool *pool.Pool[docBufs] // where Release puts bufs
	bufs *docBufs            // the memory of Doc's sentences and tokens
}

// docBufs holds the sentences and tokens of a Document made by
// AnalyzeRecord, for reuse once [Result.Release] gives them back.
type docBufs struct {
	sents []Sentence
	toks  []Token
}

// AnalyzeRecord analyses rec. The Result's Record is rec without its Text.
// Once the Result has been written, [Result.Release] lets later calls
// reuse its memory.
func (a *Analyzer) AnalyzeRecord(ctx context.Context, rec Record) *Result {
	bufs := a.docs.Get()
	doc, err := a.analyze(ctx, rec.Text, bufs)
	rec.Text = ""
	r := &Result{Record: rec, Doc: doc}
	if err != nil {
		r.Err = &RecordError{rec.Line, err}
		r.Doc = nil
		bufs.release(a.docs) // setTokens may have filled them before ctx ended
	} else {
		doc.ID = rec.ID
		r.pool, r.bufs = a.docs, bufs
	}
	return r
}

// Release gives the memory of r's Document (its sentences and tokens) back
// to the Analyzer that made it, for the records it analyses next: a batch
// run that writes each Result and then releases it allocates far less.
// After Release, r.Doc is nil and nothing taken from it (its Sentences or
// Tokens slices) may be used. Release is optional; calling it twice, or on
// a Result with an error, does nothing.
func (r *Result) Release() {
	b := r.bufs
	if b == nil {
		return
	}
	r.Doc, r.bufs = nil, nil
	b.release(r.pool)
}

// keepDocTokens bounds the tokens of the buffers kept for reuse (0.6 MB
// each; the pool keeps at most twice GOMAXPROCS of them).
const keepDocTokens = 1 << 13

// reuse returns s[:n], or a new slice of length n with room for twice as
// many elements as s had when s is too short, so that a pooled buffer
// soon fits the documents that come.
func reuse[T any](s []T, n int) []T {
	if n <= cap(s) {
		return s[:n]
	}
	s = make([]T, n, max(n, 2*cap(s)))
	pool.Touch(s[:cap(s)]) // written with write barriers: see pool.Touch
	return s
}

// release clears b, so that it keeps no text alive, and puts it in p,
// unless it grew too large: a long text's tokens go to the garbage
// collector.
func (b *docBufs) release(p *pool.Pool[docBufs]) {
	if cap(b.toks) > keepDocTokens {
		return
	}
	clear(b.sents) // beyond their lengths they were cleared before
	clear(b.toks)
	b.sents, b.toks = b.sents[:0], b.toks[:0]
	p.Put(b)
}

// AnalyzeLineResult parses one JSONL line and analyses its text. A bad
// record yields a Result with Err set.
func (a *Analyzer) AnalyzeLineResult(ctx context.Context, line []byte, lineNo int) *Result {
	rec, err := ParseRecord(line, lineNo)
	if err != nil {
		return &Result{Record: rec, Err: err}
	}
	return a.AnalyzeRecord(ctx, rec)
}

// AnalyzeLine parses one JSONL line, analyses its text and returns the output
// record as one line of JSON (without the newline): see [Result.AppendJSON].
// A bad record still yields an output record, {"id":…,"line":…,"error":…},
// and its error is returned beside it.
//
// When ctx is done the error wraps ctx.Err(); such a record was not
// analysed and its output should not be written.
//
// AnalyzeLine, or equivalently [Analyzer.AnalyzeLineResult] followed by
// [Result.AppendJSON] or [Result.WriteJSON] (which `kabar batch` uses), is
// the only source of JSONL output lines, so that every runner (kabar
// batch, the Beam pipeline) writes the same bytes for the same input line.
func (a *Analyzer) AnalyzeLine(ctx context.Context, line []byte, lineNo int) ([]byte, error) {
	r := a.AnalyzeLineResult(ctx, line, lineNo)
	out, err := r.AppendJSON(nil), r.Err
	r.Release()
	return out, err
}

// reserved are the output record's own keys.
var reserved = map[string]bool{
	"id": true, "line": true, "error": true, "sentences": true, "tokens": true,
	"entities": true, "groups": true, "summary": true, "keywords": true, "stats": true,
}

// OutputKey returns the key under which a passthrough field named key is
// written: key itself, or "input_"+key when key is one of the output
// record's own field names (id, line, error, sentences, tokens, entities,
// groups, summary, keywords, stats) or itself starts with "input_". So
// "summary" from the input becomes "input_summary", and "input_summary"
// becomes "input_input_summary": distinct input keys stay distinct.
func OutputKey(key string) string {
	if reserved[key] || strings.HasPrefix(key, "input_") {
		return "input_" + key
	}
	return key
}

// AppendJSON appends the output record of r to b, as one line of JSON
// without the newline: the id, then the passthrough fields in input order
// (see [OutputKey]), then the Document's fields; or, when r failed, the id,
// the passthrough fields, "line" and "error".
func (r *Result) AppendJSON(b []byte) []byte {
	b, first := r.appendHead(b)
	errMsg := r.errMessage()
	if errMsg == "" {
		n := len(b)
		if need := sizeHint(r.Doc); cap(b)-len(b) < need {
			b = append(make([]byte, 0, max(len(b)+need, 2*cap(b))), b...)
		}
		var err error
		if b, err = appendDocument(b, r.Doc, first); err == nil {
			return append(b, '}')
		}
		errMsg = "encoding the document: " + err.Error() // a NaN score, say
		b = b[:n]
	}
	return appendTail(b, first, r.Line, errMsg)
}

// WriteJSON writes the output record of r to w, the same bytes as
// AppendJSON, without the newline, in chunks of about 64 KiB: the JSON of a
// large document (ten times the size of its text) is never held in memory
// whole.
func (r *Result) WriteJSON(w io.Writer) error {
	if r.errMessage() != "" || !r.Doc.finite() {
		_, err := w.Write(r.AppendJSON(nil))
		return err
	}
	b, first := r.appendHead(make([]byte, 0, 2*flushAt))
	e := encoder{b: b, first: first, w: w}
	e.document(r.Doc)
	e.b = append(e.b, '}')
	if e.werr == nil {
		_, e.werr = w.Write(e.b)
	}
	return e.werr
}

// appendHead appends the opening brace, id and passthrough fields, and
// says whether no field was written.
func (r *Result) appendHead(b []byte) ([]byte, bool) {
	b = append(b, '{')
	first := true
	if r.ID != nil {
		b = append(b, `"id":`...)
		b = appendCompact(b, r.ID)
		first = false
	}
	for _, f := range r.Extra {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, OutputKey(f.Key))
		b = append(b, ':')
		b = appendCompact(b, f.Value)
	}
	return b, first
}

// errMessage returns the "error" field of a failed record, or "".
func (r *Result) errMessage() string {
	switch {
	case r.Err != nil:
		if re, ok := r.Err.(*RecordError); ok {
			return re.Err.Error()
		}
		return r.Err.Error()
	case r.Doc == nil:
		return "no document"
	}
	return ""
}

// appendTail appends "line", "error" and the closing brace of an error record.
func appendTail(b []byte, first bool, line int, msg string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, `"line":`...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, `,"error":`...)
	b = appendString(b, msg)
	return append(b, '}')
}

func appendCompact(b []byte, raw json.RawMessage) []byte {
	buf := bytes.NewBuffer(b)
	if json.Compact(buf, raw) != nil {
		return append(b, raw...)
	}
	return buf.Bytes()
}

// unescape decodes the JSON string s with escapes, or reports false when s
// is not a quoted string of valid UTF-8 with valid escapes and no control
// characters.
func unescape(s []byte) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' || !utf8.Valid(s) {
		return "", false
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c < 0x20:
			return "", false
		case c != '\\':
			j := i + 1
			for j < len(s) && s[j] != '\\' && s[j] != '"' && s[j] >= 0x20 {
				j++
			}
			b.Write(s[i:j])
			i = j
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(s, i+2)
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(-1), false
				if i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2, ok = hex4(s, i+2)
				}
				if d := utf16.DecodeRune(r, r2); ok && d != utf8.RuneError {
					b.WriteRune(d)
					i += 6
					continue
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
			continue
		default:
			return "", false
		}
		i += 2
	}
	return b.String(), true
}

// hex4 decodes the four hex digits of a \u escape at s[i:].
func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range s[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
