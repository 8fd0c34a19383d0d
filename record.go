package kabar

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// Record is one input record of a JSONL stream: {"id":…,"text":…, …}.
// Fields other than id and text are kept, in input order, in Extra and are
// copied unchanged to the output record.
type Record struct {
	Line  int             // 1-based line number in the input
	ID    json.RawMessage // the "id" value as written, or nil
	Text  string
	Extra []Field
}

// Field is one passthrough field of a Record.
type Field struct {
	Key   string
	Value json.RawMessage
}

// ParseRecord parses one JSONL line. On error the returned Record still
// carries Line and, when it could be read, ID.
func ParseRecord(line []byte, lineNo int) (Record, error) {
	rec := Record{Line: lineNo}
	if len(bytes.TrimSpace(line)) == 0 {
		return rec, fmt.Errorf("line %d: empty line", lineNo)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return rec, fmt.Errorf("line %d: malformed JSON: %w", lineNo, err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return rec, fmt.Errorf("line %d: malformed JSON: want an object", lineNo)
	}
	hasText := false
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return rec, fmt.Errorf("line %d: malformed JSON: %w", lineNo, err)
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return rec, fmt.Errorf("line %d: malformed JSON: %w", lineNo, err)
		}
		switch key {
		case "id":
			rec.ID = raw
		case "text":
			if err := json.Unmarshal(raw, &rec.Text); err != nil {
				return rec, fmt.Errorf("line %d: \"text\" is not a string", lineNo)
			}
			hasText = true
		default:
			rec.Extra = append(rec.Extra, Field{Key: key, Value: raw})
		}
	}
	if _, err := dec.Token(); err != nil {
		return rec, fmt.Errorf("line %d: malformed JSON: %w", lineNo, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return rec, fmt.Errorf("line %d: malformed JSON: data after the object", lineNo)
	}
	if !hasText {
		return rec, fmt.Errorf("line %d: no \"text\" field", lineNo)
	}
	return rec, nil
}

// AnalyzeLine parses one JSONL line, analyses its text and returns the output
// record as one line of JSON (without the newline). A bad record still yields
// an output record, {"id":…,"line":…,"error":…}, and its error is returned
// beside it. The output carries the input's id, its passthrough fields, then
// the Document fields.
func (a *Analyzer) AnalyzeLine(ctx context.Context, line []byte, lineNo int) ([]byte, error) {
	rec, err := ParseRecord(line, lineNo)
	var doc *Document
	if err == nil {
		doc, err = a.Analyze(ctx, rec.Text)
		if err != nil {
			err = fmt.Errorf("line %d: %w", lineNo, err)
		}
	}
	return encodeRecord(rec, doc, err), err
}

func encodeRecord(rec Record, doc *Document, err error) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	field := func(k string, v []byte) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(v)
	}
	if rec.ID != nil {
		field("id", compact(rec.ID))
	}
	for _, f := range rec.Extra {
		field(f.Key, compact(f.Value))
	}
	if err != nil {
		field("line", []byte(fmt.Sprint(rec.Line)))
		msg, _ := json.Marshal(err.Error())
		field("error", msg)
	} else {
		body, merr := json.Marshal(doc)
		if merr != nil { // cannot happen for Document; keep the record anyway
			msg, _ := json.Marshal(merr.Error())
			field("error", msg)
		} else if len(body) > 2 {
			if !first {
				b.WriteByte(',')
			}
			b.Write(body[1 : len(body)-1])
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}

func compact(raw json.RawMessage) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}
