package tokeneval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Artefact says why a treebank line is not one plain sentence.
type Artefact int

// Artefacts.
const (
	Clean      Artefact = iota
	TwoOrMore           // the line holds a sentence end followed by another sentence
	LowerStart          // the line starts with a lower-case letter (a fragment)
)

// ArtefactOf classifies the raw text of a treebank line: LowerStart when
// it starts with a lower-case letter, TwoOrMore when [InnerEnds] finds a
// sentence end inside it, else Clean.
func ArtefactOf(text string) Artefact {
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
		return LowerStart
	}
	if len(InnerEnds(text)) > 0 {
		return TwoOrMore
	}
	return Clean
}

// InnerEnd is a sentence end inside a line: the sentence before it ends at
// byte End (after the mark and any closing quotes or brackets) and the next
// one starts at byte Next, after the white space.
type InnerEnd struct{ End, Next int }

// InnerEnds returns the sentence ends inside a line of text, found by
// spelling alone: it does not use kabar's rules or word lists, so that the
// gold standard it corrects does not lean towards kabar. A field (a run of
// non-space characters) ends a sentence when it ends with . ? ! or … (any
// closing quotes or brackets may come before or after the mark), the next
// field starts with a capital letter (after any opening quotes, not a
// bracket), and the mark is not inside a quotation or bracket that closes
// later on the line ("Kami siap. Kami menang," katanya. is one sentence, as
// in UD CSUI). A period must also follow a word that does not read as an
// abbreviation (see endsWithPeriod). The first field of a line or of a
// sentence never ends it: a sentence has at least two fields.
func InnerEnds(text string) []InnerEnd {
	type field struct{ start, end int }
	var fields []field
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		fields = append(fields, field{i, j})
		i = j
	}
	closed := closedRegions(text)
	var out []InnerEnd
	first := 0 // index of the first field of the current sentence
	for k := 0; k+1 < len(fields); k++ {
		f, next := text[fields[k].start:fields[k].end], text[fields[k+1].start:fields[k+1].end]
		var after string
		if k+2 < len(fields) {
			after = text[fields[k+2].start:fields[k+2].end]
		}
		if k == first || !endsInnerSentence(f, next, after) {
			continue
		}
		inside := false
		for _, c := range closed {
			if c.open < fields[k].end && fields[k].end <= c.close {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		out = append(out, InnerEnd{fields[k].end, fields[k+1].start})
		first = k + 1
	}
	return out
}

// region is a quotation or bracket that opens at byte open and closes at
// byte close (the offset of its closing mark) on the same line.
type region struct{ open, close int }

// closedRegions returns the quotations and brackets of a line that close on
// it. A straight double quote opens a quotation unless one is open; single
// quotes are left out, since they double as apostrophes.
func closedRegions(text string) []region {
	type opened struct {
		r   rune // the closing mark
		pos int
	}
	var stack []opened
	var out []region
	for i, r := range text {
		if len(stack) > 0 && stack[len(stack)-1].r == r {
			out = append(out, region{stack[len(stack)-1].pos, i})
			stack = stack[:len(stack)-1]
			continue
		}
		switch r {
		case '(':
			stack = append(stack, opened{')', i})
		case '[':
			stack = append(stack, opened{']', i})
		case '“':
			stack = append(stack, opened{'”', i})
		case '«':
			stack = append(stack, opened{'»', i})
		case '"':
			stack = append(stack, opened{'"', i})
		case ')', ']', '”', '»':
			// A closing mark without its opener closes nothing. One that
			// closes an outer region drops the unclosed ones inside it.
			for d := len(stack) - 1; d >= 0; d-- {
				if stack[d].r == r {
					out = append(out, region{stack[d].pos, i})
					stack = stack[:d]
					break
				}
			}
		}
	}
	return out
}

const (
	closers = "\"'”’)]»"
	openers = "\"'“‘([«"
)

// endsInnerSentence reports whether the field f ends a sentence before the
// field next, which is followed by the field after.
func endsInnerSentence(f, next, after string) bool {
	body := strings.TrimRight(f, closers)
	core := strings.TrimRight(body, ".?!…")
	if core == body {
		return false // no mark
	}
	mark := body[len(core):]
	inner := strings.TrimRight(core, closers) // before any closers in front of the mark
	closedFirst := len(inner) < len(core)     // “… Chair”. and (TK).
	inner = strings.TrimLeft(inner, openers)
	n := strings.TrimLeft(next, "\"'“‘«")
	r, _ := utf8.DecodeRuneInString(n)
	if !unicode.IsUpper(r) {
		return false
	}
	if closedFirst || mark != "." {
		return true // ? ! … "..." and a period after a closing mark are no abbreviations
	}
	return endsWithPeriod(inner, n, after)
}

// endsWithPeriod reports whether the word w followed by a period ends a
// sentence before the capitalised field next (and the field after it):
//
//   - a number of two or more digits (1879., 5.16.), a percent sign (0,1 %.)
//     or a unit with a digit (km2., km².) ends it; a single digit may be a
//     list label (1. Pendahuluan);
//   - a lower-case word (tahun., atas.) ends it;
//   - an acronym of three or more capitals (UEFA., KEL.), a Roman numeral of
//     two or more letters (VIII., IV.) or a word in mixed case (DivX., MHz.)
//     ends it;
//   - two capitals (AU., SM., XM.) end it unless a name follows, that is
//     the next field is in capitals or is followed by a capitalised field:
//     RS. Santo Borromeus, PT. KANCIL, JL. KS Tubun;
//   - a capitalised word of four or more letters (Jakarta., Yale.) ends it;
//     one of up to three letters reads as a title or an abbreviation before
//     a name (Dr., Drs., Tb., Ir., Jl., No., Inc.) and does not, nor does a
//     single letter (an initial: R. Tjetje) or a word with inner periods
//     (S.H.);
//   - none of them ends it before an abbreviation (Prof. Dr., Pte. Ltd.,
//     XI. B.): a field of one to three letters with a final period.
func endsWithPeriod(w, next, after string) bool {
	if w == "" || strings.Contains(w, ".") && !isNumber(w) {
		return false
	}
	if isAbbrevLike(next) {
		return false
	}
	if strings.HasSuffix(w, "%") {
		return true
	}
	if isNumber(w) {
		return digits(w) >= 2
	}
	letters, upper, lower, digit := 0, 0, 0, false
	firstUpper := false
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				firstUpper = firstUpper || i == 0
			} else if unicode.IsLower(r) {
				lower++
			}
		case unicode.IsNumber(r):
			digit = true
		}
	}
	switch {
	case letters == 0:
		return false
	case digit:
		return lower > 0 // km2, m³; not codes such as B52
	case upper == 0:
		return letters >= 2
	case lower == 0: // all capitals
		switch {
		case letters >= 3 || isRoman(w):
			return true
		case letters == 2:
			return !isName(next, after)
		}
		return false
	case upper > 1 || !firstUpper: // DivX, MHz, iPhone
		return true
	}
	return letters >= 4
}

// isName reports whether a capitalised field next, followed by after, reads
// as a name rather than the first word of a sentence: it is in capitals, or
// the field after it is capitalised too.
func isName(next, after string) bool {
	letters, upper := 0, 0
	for _, r := range next {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if letters >= 2 && upper == letters {
		return true
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, openers))
	return unicode.IsUpper(r)
}

// isAbbrevLike reports a field of one to three letters and a final period
// (Dr., Ltd., B.).
func isAbbrevLike(f string) bool {
	w, ok := strings.CutSuffix(f, ".")
	if !ok || w == "" || utf8.RuneCountInString(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isNumber reports digits with . or , between them (5.16, 21.401, 0,1).
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i, r := range w {
		if r == '.' || r == ',' {
			if i == 0 || i == len(w)-1 {
				return false
			}
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func digits(w string) int {
	n := 0
	for _, r := range w {
		if '0' <= r && r <= '9' {
			n++
		}
	}
	return n
}

// isRoman reports a Roman numeral of two or more of the letters I, V and X.
func isRoman(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r != 'I' && r != 'V' && r != 'X' {
			return false
		}
	}
	return true
}

// Resegment returns copies of docs whose gold sentences are split at the
// inner sentence ends that [InnerEnds] finds in them, with the number of
// splits. Tokens and words are unchanged. A split must fall between two
// gold tokens (the end of one and the start of the next); the rare one
// that does not is skipped. A split sentence gets the ids "ID[1]",
// "ID[2]", ….
func Resegment(docs []Doc) ([]Doc, int) {
	out := make([]Doc, len(docs))
	splits := 0
	for i, d := range docs {
		starts, ends := map[int]bool{}, map[int]bool{}
		for _, t := range d.Tokens {
			starts[t.Start], ends[t.End] = true, true
		}
		r := d
		r.Sentences, r.IDs = nil, nil
		for j, s := range d.Sentences {
			start, part := s.Start, 0
			for _, e := range InnerEnds(d.Text[s.Start:s.End]) {
				end, next := s.Start+e.End, s.Start+e.Next
				if !ends[end] || !starts[next] {
					continue
				}
				part++
				r.Sentences = append(r.Sentences, Span{start, end})
				r.IDs = append(r.IDs, fmt.Sprintf("%s[%d]", d.IDs[j], part))
				start = next
				splits++
			}
			r.Sentences = append(r.Sentences, Span{start, s.End})
			if part > 0 {
				r.IDs = append(r.IDs, fmt.Sprintf("%s[%d]", d.IDs[j], part+1))
			} else {
				r.IDs = append(r.IDs, d.IDs[j])
			}
		}
		out[i] = r
	}
	return out, splits
}
