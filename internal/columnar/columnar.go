package columnar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"

	"github.com/kabar-id/kabar"
)

// Doc is a row of documents.parquet.
type Doc struct {
	Record      int64    `parquet:"record"`          // 1-based position in the JSONL output
	Line        *int64   `parquet:"line,optional"`   // failed records: input line (a text file: 1)
	ID          *string  `parquet:"id,optional"`     // a string id as is, another id as JSON
	Fields      *string  `parquet:"fields,optional"` // passthrough fields as a JSON object
	Error       *string  `parquet:"error,optional"`  // set when the record failed
	Bytes       int64    `parquet:"bytes"`
	Chars       int64    `parquet:"chars"`
	Sentences   int64    `parquet:"sentences"`
	Tokens      int64    `parquet:"tokens"`
	Words       int64    `parquet:"words"`
	Numbers     int64    `parquet:"numbers"`
	Stopwords   int64    `parquet:"stopwords"`
	UniqueStems int64    `parquet:"unique_stems"`
	Entities    int64    `parquet:"entities"`
	Groups      int64    `parquet:"groups"`
	Summary     string   `parquet:"summary"`       // summary sentences joined by a space
	Keywords    []string `parquet:"keywords,list"` // best first
}

// Mention is a row of mentions.parquet.
type Mention struct {
	Record int64   `parquet:"record"`
	ID     *string `parquet:"id,optional"`
	Label  string  `parquet:"label"`
	Text   string  `parquet:"text"`
	Start  int64   `parquet:"start"` // byte offsets into the document's text
	End    int64   `parquet:"end"`
	Score  float64 `parquet:"score"`
}

// DocsPerGroup is the number of documents per row group.
const DocsPerGroup = 8192

// Names of the files written by Create.
const (
	DocumentsFile = "documents.parquet"
	MentionsFile  = "mentions.parquet"
)

// Writer writes the two tables. It is not safe for concurrent use.
type Writer struct {
	files    [2]*os.File
	docs     *parquet.GenericWriter[Doc]
	mentions *parquet.GenericWriter[Mention]
	n        int64
	mbuf     []Mention
	err      error
}

// Create creates dir if needed and the two table files in it, replacing
// existing ones.
func Create(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	w := &Writer{}
	for i, name := range []string{DocumentsFile, MentionsFile} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			w.closeFiles()
			return nil, err
		}
		w.files[i] = f
	}
	opts := func(rows int64) []parquet.WriterOption {
		return []parquet.WriterOption{
			parquet.Compression(&snappy.Codec{}),
			parquet.MaxRowsPerRowGroup(rows),
			parquet.CreatedBy("kabar", "", ""),
		}
	}
	w.docs = parquet.NewGenericWriter[Doc](w.files[0], opts(DocsPerGroup)...)
	w.mentions = parquet.NewGenericWriter[Mention](w.files[1], opts(16*DocsPerGroup)...)
	return w, nil
}

// Write adds the rows of one result; line is ignored. It makes Writer a
// batch.Sink.
func (w *Writer) Write(r *kabar.Result, _ []byte) error {
	d := Doc{ID: idString(r.ID)}
	if len(r.Extra) > 0 {
		b := []byte{'{'}
		for i, f := range r.Extra {
			if i > 0 {
				b = append(b, ',')
			}
			k, _ := json.Marshal(kabar.OutputKey(f.Key))
			b = append(b, k...)
			b = append(b, ':')
			var c bytes.Buffer
			if json.Compact(&c, f.Value) == nil {
				b = append(b, c.Bytes()...)
			} else {
				b = append(b, f.Value...)
			}
		}
		s := string(append(b, '}'))
		d.Fields = &s
	}
	var ms []kabar.Mention
	switch {
	case r.Err != nil:
		msg := r.Err.Error()
		var re *kabar.RecordError
		if errors.As(r.Err, &re) {
			msg = re.Err.Error()
		}
		line := int64(r.Line)
		d.Error, d.Line = &msg, &line
	case r.Doc != nil:
		doc := r.Doc
		if st := doc.Stats; st != nil {
			setStats(&d, st)
		}
		for i, s := range doc.Summary {
			if i > 0 {
				d.Summary += " "
			}
			d.Summary += s.Text
		}
		for _, k := range doc.Keywords {
			d.Keywords = append(d.Keywords, k.Text)
		}
		ms = doc.Entities
	}
	return w.add(d, func(add func(Mention)) {
		for _, m := range ms {
			add(Mention{Label: m.Label.String(), Text: m.Text, Start: int64(m.Start), End: int64(m.End), Score: m.Score})
		}
	})
}

// WriteJSON adds the rows of one line of a kabar JSONL output (without its
// newline). It gives the same rows as Write for the result that made the
// line.
func (w *Writer) WriteJSON(line []byte) error {
	var d Doc
	var ments []jsonMention
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("columnar: not a JSON object: %.40q", line)
	}
	var fields []byte
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return fmt.Errorf("columnar: %w", err)
		}
		key, _ := kt.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("columnar: %w", err)
		}
		var derr error
		switch key {
		case "id":
			d.ID = idString(raw)
		case "line":
			d.Line = new(int64)
			derr = json.Unmarshal(raw, d.Line)
		case "error":
			var s string
			derr = json.Unmarshal(raw, &s)
			d.Error = &s
		case "stats":
			var st kabar.Stats
			if derr = json.Unmarshal(raw, &st); derr == nil {
				setStats(&d, &st)
			}
		case "summary":
			var ss []struct{ Text string }
			derr = json.Unmarshal(raw, &ss)
			for i, s := range ss {
				if i > 0 {
					d.Summary += " "
				}
				d.Summary += s.Text
			}
		case "keywords":
			var ks []struct{ Text string }
			derr = json.Unmarshal(raw, &ks)
			for _, k := range ks {
				d.Keywords = append(d.Keywords, k.Text)
			}
		case "entities":
			derr = json.Unmarshal(raw, &ments)
		case "sentences", "tokens", "groups":
		default:
			if fields == nil {
				fields = []byte{'{'}
			} else {
				fields = append(fields, ',')
			}
			k, _ := json.Marshal(key)
			fields = append(append(append(fields, k...), ':'), raw...)
		}
		if derr != nil {
			return fmt.Errorf("columnar: field %q: %w", key, derr)
		}
	}
	if fields != nil {
		s := string(append(fields, '}'))
		d.Fields = &s
	}
	return w.add(d, func(add func(Mention)) {
		for _, m := range ments {
			add(Mention{Label: m.Label, Text: m.Text, Start: m.Start, End: m.End, Score: m.Score})
		}
	})
}

type jsonMention struct {
	Text  string  `json:"text"`
	Label string  `json:"label"`
	Start int64   `json:"start"`
	End   int64   `json:"end"`
	Score float64 `json:"score"`
}

func (w *Writer) add(d Doc, mentions func(add func(Mention))) error {
	if w.err != nil {
		return w.err
	}
	w.n++
	d.Record = w.n
	w.mbuf = w.mbuf[:0]
	mentions(func(m Mention) {
		m.Record, m.ID = d.Record, d.ID
		w.mbuf = append(w.mbuf, m)
	})
	if _, err := w.docs.Write([]Doc{d}); err != nil {
		w.err = fmt.Errorf("columnar: writing %s: %w", DocumentsFile, err)
		return w.err
	}
	if len(w.mbuf) > 0 {
		if _, err := w.mentions.Write(w.mbuf); err != nil {
			w.err = fmt.Errorf("columnar: writing %s: %w", MentionsFile, err)
			return w.err
		}
	}
	return nil
}

// Rows returns the number of document rows written.
func (w *Writer) Rows() int64 { return w.n }

// Close finishes both files. They are valid Parquet files holding every
// row written, also when the batch was interrupted.
func (w *Writer) Close() error {
	err := w.err
	for _, c := range []io.Closer{w.docs, w.mentions} {
		if cerr := c.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("columnar: %w", cerr)
		}
	}
	if cerr := w.closeFiles(); cerr != nil && err == nil {
		err = cerr
	}
	return err
}

func (w *Writer) closeFiles() error {
	var err error
	for _, f := range w.files {
		if f != nil {
			if cerr := f.Close(); cerr != nil && err == nil {
				err = cerr
			}
		}
	}
	return err
}

func setStats(d *Doc, st *kabar.Stats) {
	d.Bytes, d.Chars = int64(st.Bytes), int64(st.Chars)
	d.Sentences, d.Tokens, d.Words = int64(st.Sentences), int64(st.Tokens), int64(st.Words)
	d.Numbers, d.Stopwords, d.UniqueStems = int64(st.Numbers), int64(st.Stopwords), int64(st.UniqueStems)
	d.Entities, d.Groups = int64(st.Entities), int64(st.Groups)
}

// idString returns a string id's value, another id's compact JSON, or nil.
func idString(raw json.RawMessage) *string {
	if raw == nil {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	var c bytes.Buffer
	if json.Compact(&c, raw) != nil {
		s = string(raw)
	} else {
		s = c.String()
	}
	return &s
}
