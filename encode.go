package kabar

import (
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/tokenize"
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
		for i := range d.Sentences {
			s := &d.Sentences[i]
			e.sep(i)
			e.b = append(e.b, `{"text":`...)
			e.b = appendString(e.b, s.Text)
			e.b = append(e.b, `,"start":`...)
			e.b = appendInt(e.b, s.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, s.End)
			e.b = append(e.b, `,"first_token":`...)
			e.b = appendInt(e.b, s.FirstToken)
			e.b = append(e.b, `,"n_tokens":`...)
			e.b = appendInt(e.b, s.Tokens)
			e.b = append(e.b, '}')
			e.flush()
		}
		e.b = append(e.b, ']')
	}
	if len(d.Tokens) > 0 {
		e.key("tokens")
		e.b = append(e.b, '[')
		for i := range d.Tokens {
			t := &d.Tokens[i]
			if i > 0 {
				e.b = append(e.b, `,{"text":`...)
			} else {
				e.b = append(e.b, `{"text":`...)
			}
			e.b = appendString(e.b, t.Text)
			e.b = append(e.b, `,"start":`...)
			e.b = appendInt(e.b, t.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, t.End)
			if int(t.Kind) < len(kindFields) {
				e.b = append(e.b, kindFields[t.Kind]...)
			} else {
				e.b = append(e.b, `,"kind":`...)
				e.b = appendString(e.b, t.Kind.String())
				e.b = append(e.b, `,"sentence":`...)
			}
			e.b = appendInt(e.b, t.Sentence)
			if t.Stem != "" {
				e.b = append(e.b, `,"stem":`...)
				e.b = appendString(e.b, t.Stem)
			}
			if t.Stop {
				e.b = append(e.b, `,"stop":true}`...)
			} else {
				e.b = append(e.b, '}')
			}
			if len(e.b) >= flushAt {
				e.flush()
			}
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
			e.b = appendInt(e.b, m.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, m.End)
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
			e.b = appendInt(e.b, s.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, s.End)
			e.b = append(e.b, `,"index":`...)
			e.b = appendInt(e.b, s.Index)
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
	e.b = appendInt(e.b, g.Count)
	e.b = append(e.b, `,"mentions":`...)
	if g.Mentions == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.b = append(e.b, '[')
		for i, m := range g.Mentions {
			e.sep(i)
			e.b = append(e.b, `{"start":`...)
			e.b = appendInt(e.b, m.Start)
			e.b = append(e.b, `,"end":`...)
			e.b = appendInt(e.b, m.End)
			e.b = append(e.b, '}')
		}
		e.b = append(e.b, ']')
	}
	e.b = append(e.b, '}')
}

func (e *encoder) stats(st *Stats) {
	field := func(k string, v int) {
		e.b = append(e.b, k...)
		e.b = appendInt(e.b, v)
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
			e.b = appendInt(e.b, st.EntitiesByLabel[k])
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

// kindFields holds, for each token kind, the JSON between a token's end
// offset and its sentence index.
var kindFields = func() []string {
	var f []string
	for k := tokenize.Kind(0); !strings.HasPrefix(k.String(), "kind("); k++ {
		f = append(f, `,"kind":"`+k.String()+`","sentence":`)
	}
	return f
}()

// appendInt appends v in decimal, as strconv.AppendInt does, with a fast
// path for the small non-negative numbers offsets are.
func appendInt(b []byte, v int) []byte {
	switch {
	case v < 0 || v >= 1e8:
		return strconv.AppendInt(b, int64(v), 10)
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, digitPairs[2*v], digitPairs[2*v+1])
	case v < 1000:
		q := v / 100
		r := 2 * (v - 100*q)
		return append(b, byte('0'+q), digitPairs[r], digitPairs[r+1])
	case v < 10000:
		q := v / 100
		r := 2 * (v - 100*q)
		return append(b, digitPairs[2*q], digitPairs[2*q+1], digitPairs[r], digitPairs[r+1])
	}
	q := v / 10000
	b = appendInt(b, q)
	v -= 10000 * q
	h := v / 100
	r := 2 * (v - 100*h)
	return append(b, digitPairs[2*h], digitPairs[2*h+1], digitPairs[r], digitPairs[r+1])
}

const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

const hexDigits = "0123456789abcdef"

// safe8 reports whether the 8 bytes of s are ASCII that a JSON string
// holds as they are: none below 0x20, '"', '\\' or 0x80 and above (the
// tests of Bit Twiddling Hacks for a byte less than n, and for a zero byte
// after xor with the byte looked for).
func safe8(s string) bool {
	x := load8(s)
	const ones, high = 0x0101010101010101, 0x8080808080808080
	q, b := x^(ones*'"'), x^(ones*'\\')
	bad := (x - ones*0x20) &^ x
	bad |= (q - ones) &^ q
	bad |= (b - ones) &^ b
	return (bad|x)&high == 0
}

// load8 returns the first 8 bytes of s as a little-endian word (one load
// for the compiler).
func load8(s string) uint64 {
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// jsonSafe[c] is true for the ASCII bytes a JSON string holds as they are.
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendString appends s as a JSON string, escaped as encoding/json does
// with HTML escaping off.
func appendString(b []byte, s string) []byte {
	// The common case: safe ASCII all through, copied at once.
	i := 0
	for i+8 <= len(s) && safe8(s[i:i+8]) {
		i += 8
	}
	for i < len(s) && jsonSafe[s[i]] {
		i++
	}
	if i == len(s) {
		n := len(b)
		if cap(b)-n < len(s)+2 {
			b = slices.Grow(b, len(s)+2)
		}
		b = b[:n+len(s)+2]
		b[n] = '"'
		copy(b[n+1:], s)
		b[n+1+len(s)] = '"'
		return b
	}
	return appendEscaped(append(b, '"'), s, i)
}

// appendEscaped appends s from byte i on, where a byte that must be
// escaped may come, and the closing quote; s[:i] needs no escaping.
func appendEscaped(b []byte, s string, i int) []byte {
	start := 0
	for chunk := 0; i < len(s); {
		// Eight safe bytes at a time, then byte by byte to the end of a
		// chunk that holds some other byte.
		if i >= chunk {
			if i+8 <= len(s) && safe8(s[i:i+8]) {
				i += 8
				continue
			}
			chunk = i + 8
		}
		c := s[i]
		if jsonSafe[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
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
