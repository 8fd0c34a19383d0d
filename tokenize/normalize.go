package tokenize

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns text in Unicode Normalization Form C, with curly
// quotes made straight (‘ ’ ‚ ‛ → ', “ ” „ ‟ → "), no-break and other
// fixed-width spaces made plain spaces, and zero-width spaces, word
// joiners, byte order marks and soft hyphens removed. The OffsetMap maps
// spans of the result back to text, so that tokens of the normalised text
// can be reported in the original. Invalid UTF-8 is kept as it is.
//
// When nothing changes, Normalize returns text itself and a nil map, which
// maps every span to itself.
func Normalize(text string) (string, *OffsetMap) {
	if isNormal(text) {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	m := &OffsetMap{origLen: len(text)}
	identStart := -1 // start in text of the pending identical stretch
	flush := func(p int) {
		if identStart >= 0 && p > identStart {
			m.add(b.Len()-(p-identStart), identStart, true)
		}
		identStart = -1
	}
	var it norm.Iter
	it.InitString(norm.NFC, text)
	for !it.Done() {
		p0 := it.Pos()
		seg := it.Next()
		p1 := it.Pos()
		if string(seg) == text[p0:p1] {
			for i := p0; i < p1; {
				r, n := utf8.DecodeRuneInString(text[i:])
				if rep, ok := mapRune(r); ok && !(r == utf8.RuneError && n == 1) {
					flush(i)
					m.add(b.Len(), i, false)
					b.WriteString(rep)
				} else if identStart < 0 {
					identStart = i
					b.WriteString(text[i : i+n])
				} else {
					b.WriteString(text[i : i+n])
				}
				i += n
			}
			continue
		}
		flush(p0)
		m.add(b.Len(), p0, false)
		for i := 0; i < len(seg); {
			r, n := utf8.DecodeRune(seg[i:])
			if rep, ok := mapRune(r); ok {
				b.WriteString(rep)
			} else {
				b.Write(seg[i : i+n])
			}
			i += n
		}
	}
	flush(len(text))
	m.normLen = b.Len()
	return b.String(), m
}

// isNormal reports whether Normalize would leave text unchanged.
func isNormal(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= 0x80 {
			for _, r := range text[i:] {
				if _, ok := mapRune(r); ok {
					return false
				}
			}
			return norm.NFC.IsNormalString(text)
		}
	}
	return true
}

// mapRune returns the replacement of a character that Normalize changes.
func mapRune(r rune) (string, bool) {
	switch r {
	case '‘', '’', '‚', '‛':
		return "'", true
	case '“', '”', '„', '‟':
		return "\"", true
	case 0xA0, 0x1680, 0x202F, 0x205F, 0x3000:
		return " ", true
	case 0x200B, 0x2060, 0xFEFF, 0xAD:
		return "", true
	}
	if 0x2000 <= r && r <= 0x200A {
		return " ", true
	}
	return "", false
}

// OffsetMap maps byte offsets of a normalised text back to the original
// text it came from. A nil *OffsetMap is the identity. It is immutable and
// safe for concurrent use.
type OffsetMap struct {
	segs    []mapSeg // in order of norm; each runs to the next one
	normLen int
	origLen int
}

// mapSeg starts a stretch of the normalised text at norm that comes from
// the original text at orig: byte for byte when ident is set, else as one
// block (a normalisation segment or a replaced character).
type mapSeg struct {
	norm, orig int
	ident      bool
}

func (m *OffsetMap) add(normOff, origOff int, ident bool) {
	m.segs = append(m.segs, mapSeg{normOff, origOff, ident})
}

// Original returns the span of the original text that the span
// [start, end) of the normalised text comes from: the smallest span that
// covers it, widened to whole blocks where characters were changed, so that
// it always starts and ends at character boundaries of the original. It
// panics if the span is not within the normalised text.
func (m *OffsetMap) Original(start, end int) (int, int) {
	if m == nil {
		return start, end
	}
	if start < 0 || end < start || end > m.normLen {
		panic("tokenize: OffsetMap.Original: span out of range")
	}
	a := m.toOrig(start, false)
	if end == start {
		return a, a
	}
	return a, m.toOrig(end, true)
}

// toOrig maps a start offset (the segment holding byte x) or an end offset
// (the segment holding byte x-1).
func (m *OffsetMap) toOrig(x int, isEnd bool) int {
	if x == m.normLen && !isEnd {
		return m.origLen
	}
	probe := x
	if isEnd {
		probe = x - 1
	}
	// Last segment whose norm <= probe.
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].norm > probe }) - 1
	if i < 0 {
		return 0
	}
	sg := m.segs[i]
	if sg.ident {
		return sg.orig + x - sg.norm
	}
	if !isEnd {
		return sg.orig
	}
	if i+1 < len(m.segs) {
		return m.segs[i+1].orig
	}
	return m.origLen
}

// Token returns t, a token of the normalised text, as a token of the
// original text: offsets mapped by Original and Text sliced from original.
func (m *OffsetMap) Token(original string, t Token) Token {
	t.Start, t.End = m.Original(t.Start, t.End)
	t.Text = original[t.Start:t.End]
	return t
}
