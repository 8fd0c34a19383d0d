package entities

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/readerr"
)

// Example is one labelled sentence of a CoNLL corpus: its words and the
// entity spans over them (token indices, End exclusive).
type Example struct {
	Words []string
	Spans []TokenSpan
	// Domain marks an auxiliary corpus (non-zero) whose annotation
	// conventions differ from the target's (zero). Train gives the
	// features of auxiliary examples a second, domain-specific copy that
	// absorbs those differences and is dropped from the model (Daumé 2007,
	// "Frustratingly easy domain adaptation").
	Domain uint8
}

// TokenSpan is an entity over the tokens Start..End-1 of a sentence.
type TokenSpan struct {
	Start, End int
	Label      Label
}

// DefaultLabelMap maps the entity type names of the common Indonesian NER
// corpora onto kabar's labels: idner-news-2k (PER, ORG, LOC), NER-UI
// (PERSON, ORGANIZATION, LOCATION), NER-UGM (adds TIME, QUANTITY), NERGRIT
// (PERSON, PLACE, ORGANISATION) and NERP (PPL, PLC, IND, EVT, FNB). Keys are
// upper case; a type mapped to None is read as outside any entity. The
// TIME and QUANTITY of NER-UGM, which cover dates and amounts of every kind,
// and NERP's events (EVT) and food and beverages (FNB) map to None.
func DefaultLabelMap() map[string]Label {
	return map[string]Label{
		"PER": PER, "PERSON": PER, "PPL": PER,
		"ORG": ORG, "ORGANIZATION": ORG, "ORGANISATION": ORG, "IND": ORG,
		"LOC": LOC, "LOCATION": LOC, "PLACE": LOC, "PLC": LOC, "GPE": LOC,
		"TIME": None, "QUANTITY": None, "EVT": None, "FNB": None, "MISC": None,
		"DATE": None, "MONEY": None, "PERCENT": None,
	}
}

// ReadCoNLL reads a CoNLL-style corpus: one token per line with its tag in
// the last tab- or space-separated column (B-X, I-X or O, any case), a blank
// line between sentences. Entity types are mapped to labels through m (keys
// in upper case, see [DefaultLabelMap]); an unknown type is an error naming
// the line. An I- tag that does not continue an entity of the same type
// starts one, as B- would.
func ReadCoNLL(r io.Reader, m map[string]Label) (_ []Example, err error) {
	rr := &readerr.Reader{R: r}
	defer rr.Fix(&err, "entities: reading CoNLL: %w")
	sc := bufio.NewScanner(rr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var out []Example
	var cur Example
	open := -1 // index into cur.Spans of the entity the previous token belongs to
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Example{}
		open = -1
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("entities: line %d: %w", line, ErrInvalidUTF8)
		}
		var word, tag string
		if i := strings.LastIndexByte(s, '\t'); i >= 0 {
			word, tag = s[:i], s[i+1:]
			if j := strings.IndexByte(word, '\t'); j >= 0 {
				word = word[:j] // token<TAB>pos<TAB>tag
			}
		} else if f := strings.Fields(s); len(f) >= 2 {
			word, tag = f[0], f[len(f)-1]
		} else {
			return nil, fmt.Errorf("entities: line %d: want token and tag, got %q", line, s)
		}
		word = strings.TrimSpace(word)
		tag = strings.TrimSpace(tag)
		if word == "" {
			return nil, fmt.Errorf("entities: line %d: empty token", line)
		}
		i := len(cur.Words)
		cur.Words = append(cur.Words, word)
		if tag == "O" || tag == "o" {
			open = -1
			continue
		}
		if len(tag) < 3 || (tag[1] != '-' && tag[1] != '_') {
			return nil, fmt.Errorf("entities: line %d: tag %q is not O, B-TYPE or I-TYPE", line, tag)
		}
		typ := strings.ToUpper(tag[2:])
		lab, ok := m[typ]
		if !ok {
			return nil, fmt.Errorf("entities: line %d: %w %q (map it with a label map)", line, ErrUnknownLabel, typ)
		}
		if lab == None {
			open = -1
			continue
		}
		bi := tag[0] | 0x20
		switch {
		case bi == 'i' && open >= 0 && cur.Spans[open].Label == lab && cur.Spans[open].End == i:
			cur.Spans[open].End = i + 1
		case bi == 'b' || bi == 'i':
			cur.Spans = append(cur.Spans, TokenSpan{Start: i, End: i + 1, Label: lab})
			open = len(cur.Spans) - 1
		default:
			return nil, fmt.Errorf("entities: line %d: tag %q is not O, B-TYPE or I-TYPE", line, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("entities: reading CoNLL line %d: %w", line+1, err)
	}
	flush()
	return out, nil
}
