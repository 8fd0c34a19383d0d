package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// Document-level consistency (after Krishnan & Manning 2006, in a cheap
// form): a name that the model recognised somewhere in a document is
// recognised wherever else it occurs, written the same way, and all its
// mentions take the label it has most often; the surname or alias of a
// person named in full takes PER (see major in docPass). Place names of
// the model's gazetteer (countries, Indonesian provinces) are recognised
// the same way when they are capitalised.

// docPass adds the missed occurrences of the document's names and of
// gazetteer places to ms, and relabels names to their majority label.
func (r *Recognizer) docPass(text string, sents []tokenize.Sentence, ms []Mention, s *scratch) []Mention {
	d := &s.doc
	d.reset()
	defer d.reset() // drop the references to the text
	for _, m := range ms {
		if m.Label != PER && m.Label != ORG && m.Label != LOC || m.Score < 0 {
			continue
		}
		t := d.tally(m.Text)
		if t == nil {
			t = d.add(m.Text)
			d.addFirst(firstWord(m.Text), m.Text)
		}
		t.n[m.Label]++
		t.score = max(t.score, m.Score)
		// A person's surname alone refers to them too (Khalifa Haftar …
		// Haftar), unless it names a place or an organisation (Movistar
		// Yamaha … Yamaha).
		if m.Label == PER {
			if i := strings.LastIndexByte(m.Text, ' '); i > 0 && len(m.Text)-i > 3 && startsUpper(m.Text[i+1:]) &&
				!r.namesNoPerson(s.lowerOf(m.Text[i+1:])) {
				last := m.Text[i+1:]
				tl := d.tally(last)
				if tl == nil {
					tl = d.add(last)
					d.addFirst(last, last)
				}
				tl.n[PER]++
				tl.score = max(tl.score, m.Score*0.9)
				tl.person = tl.person || r.nameWords(m.Text[:i], s)
			}
		}
	}
	// A name of the document after "alias" that follows a person's is the
	// same person's (Setya Novanto alias Setnov), whether the model
	// recognised it there or elsewhere: so are 35 of the 36 names after a
	// person's and alias in the NER corpora (TestAliasNames in
	// internal/eval/nereval).
	for _, m := range ms {
		if m.Label != PER || m.Score < 0 {
			continue
		}
		if j := afterAlias(text, m.End); j >= 0 {
			if name := d.nameAt(text[j:]); name != "" {
				d.tally(name).person = true
			}
		}
	}
	// The words of the organisation and place names of more than one word
	// (by their majority label: one Wayne Rooney taken for an organisation
	// is not one), gathered only when there is a surname or alias to ask
	// about, as most documents have none.
	if slices.ContainsFunc(d.tallies, func(t tally) bool { return t.person }) {
		for _, m := range ms {
			if (m.Label == ORG || m.Label == LOC) && m.Score >= 0 && strings.IndexByte(m.Text, ' ') > 0 {
				if l := d.tally(m.Text).major(); l == ORG || l == LOC {
					if d.orgLocWords == nil {
						d.orgLocWords = map[string]bool{}
					}
					for w := range strings.FieldsSeq(m.Text) {
						d.orgLocWords[w] = true
					}
				}
			}
		}
	}
	major := func(s string) Label {
		t := d.tally(s)
		// The surname or alias of a person named in full is that person
		// wherever it stands alone (Wayne Rooney … Rooney), whatever the
		// model made of it there, unless it is also a word of one of the
		// document's organisation or place names (Hut Bhayangkara …
		// Bhayangkara FC).
		if t.person && !d.orgLocWords[s] {
			return PER
		}
		return t.major()
	}
	for i := range ms {
		if ms[i].Label == PER || ms[i].Label == ORG || ms[i].Label == LOC {
			ms[i].Label = major(ms[i].Text)
		}
	}
	for _, names := range d.lists {
		// Longest first, so that "Tentara Nasional Libya" wins over "Tentara".
		slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	}
	g := r.m.lex.gaz
	var added []Mention
	j := 0 // index into ms of the first mention not before the sentence
	reuse := s.resets == 0 && len(s.docSents) == len(sents)
	for k, sent := range sents {
		toks := sent.Tokens
		if reuse && s.docSents[k].mode == 0 || !reuse && (len(toks) == 0 || !tokensFit(text, toks)) {
			continue // as Recognize skipped it
		}
		for j < len(ms) && ms[j].End <= toks[0].Start {
			j++
		}
		jEnd := j
		for jEnd < len(ms) && ms[jEnd].Start < toks[len(toks)-1].End {
			jEnd++
		}
		sentMs := ms[j:jEnd]
		// The sentence's words and mode, from the word table of the model's
		// pass when it was used (and not emptied since), else anew.
		var te []int32
		if reuse {
			ds := s.docSents[k]
			te = s.docEnts[ds.off : int(ds.off)+len(toks)]
		}
		var mixed bool
		if te != nil {
			mixed = s.docSents[k].mode == modeMixed
		} else {
			s.words = s.words[:0]
			for _, t := range toks {
				s.words = append(s.words, t.Text)
			}
			mixed = sentenceMode(s.words) == modeMixed
		}
		// The lower-cased words, made when the gazetteer needs them.
		s.low = s.low[:0]
		lows := func() []string {
			if len(s.low) == 0 {
				for i, t := range toks {
					if te != nil {
						s.low = append(s.low, s.ents[te[i]].low)
					} else {
						s.low = append(s.low, s.lowerOf(t.Text))
					}
				}
			}
			return s.low
		}
		// taken[i]: token i is inside a mention.
		s.taken = grow(s.taken, len(toks))
		taken := s.taken[:len(toks)]
		clear(taken)
		for _, m := range sentMs {
			a, b := tokenIndex(toks, m.Start), tokenIndex(toks, m.End-1)
			for k := max(a, 0); k >= 0 && k <= b; k++ {
				taken[k] = true
			}
		}
		d.locEnd, d.locStart = d.locEnd[:0], d.locStart[:0]
		for _, m := range sentMs {
			if m.Label == LOC {
				d.locEnd, d.locStart = append(d.locEnd, m.End), append(d.locStart, m.Start)
			}
		}
		covered := func(a, b int) bool {
			ta, tb := tokenIndex(toks, a), tokenIndex(toks, b-1)
			for k := max(ta, 0); ta >= 0 && k <= tb; k++ {
				if taken[k] {
					return true
				}
			}
			return false
		}
		mark := func(a, b int) {
			ta, tb := tokenIndex(toks, a), tokenIndex(toks, b-1)
			for k := max(ta, 0); ta >= 0 && k <= tb; k++ {
				taken[k] = true
			}
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if mixed && (te != nil && s.ents[te[i]].flags&wfStartUpper == 0 || te == nil && !startsUpper(t.Text)) {
				continue
			}
			done := false
			for _, name := range d.names(t.Text) {
				end := t.Start + len(name)
				if end > len(text) || text[t.Start:end] != name {
					continue
				}
				e := tokenIndex(toks, end-1)
				if e < 0 || toks[e].End != end || covered(t.Start, end) {
					continue
				}
				added = append(added, Mention{Text: name, Label: major(name), Start: t.Start, End: end, Score: d.tally(name).score})
				mark(t.Start, end)
				i = e
				done = true
				break
			}
			if done || !mixed || g.len() == 0 || te != nil && !s.ents[te[i]].gazStart {
				continue
			}
			var end, idx int
			if te != nil {
				e := &s.ents[te[i]]
				end, idx = g.matchFrom(lows(), i, int(e.gazK), e.gazFound)
			} else {
				end, idx = g.match(lows(), i)
			}
			if end > 0 && g.labels[idx] == LOC {
				st, en := t.Start, toks[end-1].End
				if !covered(st, en) && allCapitalised(toks[i:end]) && placeContext(d.locEnd, d.locStart, s.low, toks, i, end) {
					added = append(added, Mention{Text: text[st:en], Label: LOC, Start: st, End: en, Score: 0.5})
					mark(st, en)
					d.locEnd, d.locStart = append(d.locEnd, en), append(d.locStart, st)
					i = end - 1
				}
			}
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	slices.SortFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
	return ms
}

// nameWords reports whether the words of text (a person's name without
// its last word) are all written as names: one plain space between
// words that each start with an upper-case letter, none of them a word
// that the model's word classes know as mostly written in lower case
// (Gantian Arema, "in turn Arema", is not a name).
func (r *Recognizer) nameWords(text string, s *scratch) bool {
	for w := range strings.SplitSeq(text, " ") {
		if !startsUpper(w) {
			return false
		}
		if c, ok := r.m.lex.classes[s.lowerOf(w)]; ok && c.prior < 4 {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// allCapitalised reports whether every word of the tokens that is not a
// connective starts with a capital (Uni Emirat Arab, Bosnia dan Herzegovina).
func allCapitalised(toks []tokenize.Token) bool {
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !edgeStop[lower(t.Text)] {
			return false
		}
	}
	return true
}

// namesNoPerson reports whether the lower-cased word low is a place of
// the model's gazetteer or a listed place or organisation name
// (data/placenames.txt, data/orgnames.txt).
func (r *Recognizer) namesNoPerson(low string) bool {
	if placeNames.names[low] || orgNames.names[low] {
		return true
	}
	one := [1]string{low}
	end, _ := r.m.lex.gaz.match(one[:], 0)
	return end == 1
}

// placeCue are words after which a gazetteer name is taken as a place.
var placeCue = setOf("di", "ke", "dari", "negara", "kota", "wilayah", "provinsi", "ibukota", "ibu", "kawasan", "daerah", "asal", "menuju", "antara")

// placeContext reports whether a gazetteer match at tokens i..end is in a
// place context: after a locative word, or coordinated with a place
// mention (Mesir dan Uni Emirat Arab, serta Perancis). locEnd and locStart
// hold the byte offsets where the sentence's place mentions end and start.
func placeContext(locEnd, locStart []int, low []string, toks []tokenize.Token, i, end int) bool {
	if i > 0 && placeCue[low[i-1]] {
		return true
	}
	conj := func(w string) bool { return w == "dan" || w == "serta" || w == "," || w == "atau" }
	// "LOC , X" / "LOC dan X" / "LOC , serta X"
	k := i - 1
	for k >= 0 && conj(low[k]) {
		k--
	}
	if k < i-1 && k >= 0 && slices.Contains(locEnd, toks[k].End) {
		return true
	}
	// "X dan LOC"
	return end+1 < len(toks) && conj(low[end]) && slices.Contains(locStart, toks[end+1].Start)
}

// docState is the document pass's tables, kept in the scratch between
// calls.
type docState struct {
	tallies  []tally
	known    map[string]int32 // name → index in tallies
	byFirst  map[string]int32 // first word → index in lists
	lists    [][]string       // the names that start with a word, longest first
	locEnd   []int
	locStart []int
	// orgLocWords are the words of the document's organisation and place
	// names of more than one word (Partai Golkar, Kabupaten Lumajang)
	orgLocWords map[string]bool
}

// tally counts a name's mentions by label.
type tally struct {
	n     [numLabels]int
	score float64 // the best score of the name's mentions
	// person: the name is another name of a person named in full in the
	// document, the last word of the full name written as a name (see
	// nameWords) or the name after alias
	person bool
}

// major returns the label that t counts most often (the first of PER,
// ORG, LOC on a tie), None when it counts none.
func (t *tally) major() Label {
	best := None
	for l := PER; l <= LOC; l++ {
		if t.n[l] > t.n[best] || best == None && t.n[l] > 0 {
			best = l
		}
	}
	return best
}

func (d *docState) reset() {
	// Maps that a large document made large are dropped rather than
	// cleared at every call.
	if d.known == nil || len(d.known) > 1024 {
		d.known, d.byFirst = map[string]int32{}, map[string]int32{}
	}
	if len(d.orgLocWords) > 1024 {
		d.orgLocWords = nil
	}
	clear(d.known)
	clear(d.byFirst)
	clear(d.orgLocWords)
	clear(d.tallies)
	d.tallies = d.tallies[:0]
	for i := range d.lists {
		clear(d.lists[i])
		d.lists[i] = d.lists[i][:0]
	}
	d.lists = d.lists[:0]
}

// tally returns the tally of name, or nil.
func (d *docState) tally(name string) *tally {
	if k, ok := d.known[name]; ok {
		return &d.tallies[k]
	}
	return nil
}

// add adds a tally for name.
func (d *docState) add(name string) *tally {
	d.known[name] = int32(len(d.tallies))
	d.tallies = append(d.tallies, tally{})
	return &d.tallies[len(d.tallies)-1]
}

// addFirst adds name to the names that start with first.
func (d *docState) addFirst(first, name string) {
	k, ok := d.byFirst[first]
	if !ok {
		k = int32(len(d.lists))
		d.byFirst[first] = k
		if len(d.lists) < cap(d.lists) {
			d.lists = d.lists[:k+1]
		} else {
			d.lists = append(d.lists, nil)
		}
	}
	d.lists[k] = append(d.lists[k], name)
}

// afterAlias returns where the text after text[:i] goes on when it is
// white space, the word alias and white space again (Setya Novanto alias
// Setnov), else -1.
func afterAlias(text string, i int) int {
	if i < 0 || i > len(text) {
		return -1
	}
	rest := strings.TrimLeftFunc(text[i:], unicode.IsSpace)
	if len(rest) == len(text)-i || len(rest) < len("alias ") || !strings.EqualFold(rest[:5], "alias") {
		return -1
	}
	after := strings.TrimLeftFunc(rest[5:], unicode.IsSpace)
	if len(after) == len(rest)-5 {
		return -1
	}
	return len(text) - len(after)
}

// nameAt returns the longest of the document's names that s starts with,
// ending at a word boundary, or "".
func (d *docState) nameAt(s string) string {
	best := ""
	for _, name := range d.names(firstWord(s)) {
		if len(name) > len(best) && strings.HasPrefix(s, name) && !continuesWord(s[len(name):]) {
			best = name
		}
	}
	return best
}

// continuesWord reports whether s starts with a letter or a digit.
func continuesWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// firstWord returns the first word of a name: up to a space or a character
// other than a letter, digit, hyphen or apostrophe after the first.
func firstWord(name string) string {
	for i, r := range name {
		if unicode.IsSpace(r) || (i > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'') {
			return name[:i]
		}
	}
	return name
}

// names returns the names that start with word.
func (d *docState) names(word string) []string {
	if k, ok := d.byFirst[word]; ok {
		return d.lists[k]
	}
	return nil
}
