package kabar

import (
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
)

// errNotFinite reports a NaN or infinite score, which JSON cannot hold.
var errNotFinite = errors.New("json: unsupported value: NaN or infinite score")

// appendDocument appends the JSON fields of d, other than id, without the
// surrounding braces: the same bytes as encoding/json with HTML escaping
// off, several times faster (see TestEncodingMatchesEncodingJSON). first
// says whether no field precedes them.
func appendDocument(b []byte, d *Document, first bool) ([]byte, error) {
	e := encoder{b: b, first: first}
	e.document(d)
	return e.b, e.err
}

// document encodes the fields of d, flushing to e.w, when set, as it goes.
func (e *encoder) document(d *Document) {
	if len(d.Sentences) > 0 {
		e.key("sentences")
		e.b = append(e.b, '[')
		for i, s := range d.Sentences {
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, s.Text)
			e.b = append(e.b, `,"start":`...)
			e.b = strconv.AppendInt(e.b, int64(s.Start), 10)
			e.b = append(e.b, `,"end":`...)
			e.b = strconv.AppendInt(e.b, int64(s.End), 10)
			e.b = append(e.b, `,"first_token":`...)
			e.b = strconv.AppendInt(e.b, int64(s.FirstToken), 10)
			e.b = append(e.b, `,"n_tokens":`...)
			e.b = strconv.AppendInt(e.b, int64(s.Tokens), 10)
			e.b = append(e.b, '}')
			e.flush()
		}
		e.b = append(e.b, ']')
	}
	if len(d.Tokens) > 0 {
		e.key("tokens")
		e.b = append(e.b, '[')
		for i, t := range d.Tokens {
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, t.Text)
			e.b = append(e.b, `,"start":`...)
			e.b = strconv.AppendInt(e.b, int64(t.Start), 10)
			e.b = append(e.b, `,"end":`...)
			e.b = strconv.AppendInt(e.b, int64(t.End), 10)
			e.b = append(e.b, `,"kind":`...)
			e.b = appendString(e.b, t.Kind.String())
			e.b = append(e.b, `,"sentence":`...)
			e.b = strconv.AppendInt(e.b, int64(t.Sentence), 10)
			if t.Stem != "" {
				e.b = append(e.b, `,"stem":`...)
				e.b = appendString(e.b, t.Stem)
			}
			if t.Stop {
				e.b = append(e.b, `,"stop":true`...)
			}
			e.b = append(e.b, '}')
			e.flush()
		}
		e.b = append(e.b, ']')
	}
	if len(d.Entities) > 0 {
		e.key("entities")
		e.b = append(e.b, '[')
		for i, m := range d.Entities {
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, m.Text)
			e.b = append(e.b, `,"label":`...)
			e.b = appendString(e.b, m.Label.String())
			e.b = append(e.b, `,"start":`...)
			e.b = strconv.AppendInt(e.b, int64(m.Start), 10)
			e.b = append(e.b, `,"end":`...)
			e.b = strconv.AppendInt(e.b, int64(m.End), 10)
			e.b = append(e.b, `,"score":`...)
			e.float(m.Score)
			e.b = append(e.b, '}')
			e.flush()
		}
		e.b = append(e.b, ']')
	}
	if len(d.Groups) > 0 {
		e.key("groups")
		e.b = append(e.b, '[')
		for i, g := range d.Groups {
			e.sep(i)
			e.group(g)
			e.flush()
		}
		e.b = append(e.b, ']')
	}
	if len(d.Summary) > 0 {
		e.key("summary")
		e.b = append(e.b, '[')
		for i, s := range d.Summary {
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, s.Text)
			e.b = append(e.b, `,"start":`...)
			e.b = strconv.AppendInt(e.b, int64(s.Start), 10)
			e.b = append(e.b, `,"end":`...)
			e.b = strconv.AppendInt(e.b, int64(s.End), 10)
			e.b = append(e.b, `,"index":`...)
			e.b = strconv.AppendInt(e.b, int64(s.Index), 10)
			e.b = append(e.b, `,"score":`...)
			e.float(s.Score)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	if len(d.Keywords) > 0 {
		e.key("keywords")
		e.b = append(e.b, '[')
		for i, k := range d.Keywords {
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, k.Text)
			e.b = append(e.b, `,"score":`...)
			e.float(k.Score)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	if st := d.Stats; st != nil {
		e.key("stats")
		e.stats(st)
	}
	if d.Error != "" {
		e.key("error")
		e.b = appendString(e.b, d.Error)
	}
}

// finite reports whether every score of d is a finite number, which JSON
// needs.
func (d *Document) finite() bool {
	ok := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	for _, m := range d.Entities {
		if !ok(m.Score) {
			return false
		}
	}
	for _, s := range d.Summary {
		if !ok(s.Score) {
			return false
		}
	}
	for _, k := range d.Keywords {
		if !ok(k.Score) {
			return false
		}
	}
	return true
}

// sizeHint estimates the length of d's JSON, to allocate it at once.
func sizeHint(d *Document) int {
	n := 512 + 96*len(d.Tokens) + 96*len(d.Entities) + 64*len(d.Keywords)
	for _, s := range d.Sentences {
		n += 80 + 3*len(s.Text) // the sentence, its tokens' text and stems
	}
	for _, s := range d.Summary {
		n += 64 + len(s.Text)
	}
	return n
}

// flushAt is the buffer length at which an encoder with a writer writes.
const flushAt = 64 << 10

type encoder struct {
	b     []byte
	first bool
	err   error     // a value JSON cannot hold
	w     io.Writer // when set, e.b is written out whenever it passes flushAt
	werr  error     // the first error writing to w
}

// flush writes e.b to e.w when it has grown past flushAt.
func (e *encoder) flush() {
	if e.w == nil || len(e.b) < flushAt {
		return
	}
	if e.werr == nil {
		_, e.werr = e.w.Write(e.b)
	}
	e.b = e.b[:0]
}

func (e *encoder) key(k string) {
	if !e.first {
		e.b = append(e.b, ',')
	}
	e.first = false
	e.b = append(e.b, '"')
	e.b = append(e.b, k...)
	e.b = append(e.b, `":`...)
}

func (e *encoder) sep(i int) {
	if i > 0 {
		e.b = append(e.b, ',')
	}
}

func (e *encoder) group(g entities.Group) {
	e.b = append(e.b, `{"name":`...)
	e.b = appendString(e.b, g.Name)
	e.b = append(e.b, `,"label":`...)
	e.b = appendString(e.b, g.Label.String())
	e.b = append(e.b, `,"count":`...)
	e.b = strconv.AppendInt(e.b, int64(g.Count), 10)
	e.b = append(e.b, `,"mentions":`...)
	if g.Mentions == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i, m := range g.Mentions {
			e.sep(i)
			e.b = append(e.b, `{"start":`...)
			e.b = strconv.AppendInt(e.b, int64(m.Start), 10)
			e.b = append(e.b, `,"end":`...)
			e.b = strconv.AppendInt(e.b, int64(m.End), 10)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

func (e *encoder) stats(st *Stats) {
	field := func(k string, v int) {
		e.b = append(e.b, k...)
		e.b = strconv.AppendInt(e.b, int64(v), 10)
	}
	field(`{"bytes":`, st.Bytes)
	field(`,"chars":`, st.Chars)
	field(`,"sentences":`, st.Sentences)
	field(`,"tokens":`, st.Tokens)
	field(`,"words":`, st.Words)
	field(`,"numbers":`, st.Numbers)
	field(`,"stopwords":`, st.Stopwords)
	field(`,"unique_stems":`, st.UniqueStems)
	field(`,"entities":`, st.Entities)
	if len(st.EntitiesByLabel) > 0 {
		e.b = append(e.b, `,"entities_by_label":{`...)
		keys := make([]string, 0, len(st.EntitiesByLabel))
		for k := range st.EntitiesByLabel {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			e.sep(i)
			e.b = appendString(e.b, k)
			e.b = append(e.b, ':')
			e.b = strconv.AppendInt(e.b, int64(st.EntitiesByLabel[k]), 10)
		}
		e.b = append(e.b, '}')
	}
	field(`,"groups":`, st.Groups)
	e.b = append(e.b, '}')
}

// float appends f as encoding/json does (ES6 number formatting).
func (e *encoder) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		if e.err == nil {
			e.err = errNotFinite
		}
		e.b = append(e.b, '0')
		return
	}
	abs := math.Abs(f)
	fmt := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		fmt = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, fmt, -1, 64)
	if fmt == 'e' { // e-09 to e-9, as encoding/json
		n := len(e.b)
		if n >= 4 && e.b[n-4] == 'e' && e.b[n-3] == '-' && e.b[n-2] == '0' {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped as encoding/json does
// with HTML escaping off.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
