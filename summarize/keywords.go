package summarize

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// kwTerm is a keyword candidate: a term or a phrase of n terms.
type kwTerm struct {
	ids   [maxPhrase]int32 // term ids of the words
	n     int
	count int
	first int // index of the first occurrence (sentence·1e6 + token)
	score float64
}

// kwUni counts the occurrences of one term.
type kwUni struct {
	count   int
	first   int // index of the first occurrence (sentence·1e6 + token)
	claimed int // occurrences inside chosen phrases
}

// Keywords returns up to k keywords of in, best first. Terms are the stems of
// content words (word tokens that are not stopwords), scored by tf·idf
// against the IDF table, so that occurrences of different forms of one stem
// (bantuan, membantu) add up; phrases are runs of two or three adjacent
// content words that occur at least twice, scored by count times the sum of
// their idfs. A phrase inside or around a better phrase is left out, and the
// occurrences inside a chosen phrase no longer count for its words. Each
// keyword is shown in its most frequent surface form, lower-cased unless it
// is mostly written capitalised inside sentences (a name or an acronym).
// Scores are divided by the best, so the first keyword scores 1. Ties go to
// the term seen first.
func (s *Summarizer) Keywords(in Input, k int) []Keyword {
	if k <= 0 || len(in.Sentences) == 0 {
		return nil
	}
	w := s.getScratch()
	defer s.putScratch(w)
	return keywords(&in, s.index(&in, w), k, w)
}

// keywords is Keywords over the index x of in.
func keywords(in *Input, x *index, k int, w *scratch) []Keyword {
	uni := w.uni.make(len(x.idf), len(x.idf))
	phr := newPhraseSet(x.content, w)
	for i := range in.Sentences {
		a := x.start[i]
		ids := x.sentence(i)
		run := 0          // content words ending at token j
		prev := int32(-1) // the bigram ending at the previous token
		for j, id := range ids {
			if id < 0 {
				run = 0
				continue
			}
			u := &uni[id]
			if u.count == 0 {
				u.first = i*1_000_000 + j
			}
			u.count++
			run++
			bi := int32(-1)
			if run >= 2 {
				bi = phr.add(uint64(uint32(ids[j-1]))<<32|uint64(uint32(id)), a+j)
			}
			if run >= 3 {
				phr.add(1<<63|uint64(uint32(prev))<<32|uint64(uint32(id)), a+j)
			}
			prev = bi
		}
	}
	// Phrases first: seen twice or more, no word repeated; a phrase inside
	// or around a better one is left out.
	var phrases []kwRank
	for p := range phr.list {
		e := &phr.list[p]
		if e.count < 2 {
			continue
		}
		var ids [maxPhrase]int32
		n := phr.words(p, &ids)
		if repeats(ids[:n]) {
			continue
		}
		// The first occurrence ends at token e.first of the text.
		k := int(e.first)
		i := sort.Search(len(in.Sentences), func(i int) bool { return x.start[i+1] > k })
		idf := 0.0
		for _, w := range ids[:n] {
			idf += x.idf[w]
		}
		phrases = append(phrases, kwRank{score: float64(e.count) * idf, first: i*1_000_000 + k - x.start[i], i: int32(p), n: int8(n)})
	}
	slices.SortFunc(phrases, func(a, b kwRank) int {
		if c := byScore(a, b); c != 0 {
			return c
		}
		// Phrases have no other ties: two phrases of one length never
		// end at one token.
		return cmp.Compare(b.n, a.n)
	})
	var cands []kwTerm
	for _, r := range phrases {
		if len(cands) == k {
			break
		}
		p := kwTerm{count: int(phr.list[r.i].count), first: r.first, score: r.score}
		p.n = phr.words(int(r.i), &p.ids)
		if slices.ContainsFunc(cands, func(c kwTerm) bool { return overlaps(c.ids[:c.n], p.ids[:p.n]) }) {
			continue
		}
		cands = append(cands, p)
		for _, w := range p.ids[:p.n] {
			uni[w].claimed += p.count
		}
	}
	// The chosen phrases, then the terms, best first.
	rank := topK(cands, uni, x, k)
	top := make([]kwTerm, len(rank))
	for r, e := range rank {
		if e.i >= 0 {
			top[r] = cands[e.i]
		} else {
			top[r] = kwTerm{ids: [maxPhrase]int32{^e.i}, n: 1, score: e.score}
		}
	}
	forms := surfaceForms(in, x, top, w)
	out := make([]Keyword, len(top))
	best := 1.0
	if len(top) > 0 && top[0].score > 0 {
		best = top[0].score
	}
	for i := range top {
		out[i] = Keyword{Text: forms[i].best(), Score: top[i].score / best}
	}
	return out
}

// topK returns the best k of the chosen phrases cands and the terms that
// occur outside them, by byScore. Ties under byScore can only be between a
// phrase and the term of its last word, first seen where the phrase was:
// for them, and for sentences too long for the occurrence index, the whole
// list is sorted, as it always was, so that such ties come out the same
// (the order of pdqsort); otherwise the best k are picked in one pass.
// Terms are never tied with each other, nor phrases, as each is first
// seen at a token of its own.
func topK(cands []kwTerm, uni []kwUni, x *index, k int) []kwRank {
	// each calls f with the candidates in list order: the phrases, then
	// the terms.
	each := func(f func(kwRank)) {
		for c := range cands {
			f(kwRank{score: cands[c].score, first: cands[c].first, i: int32(c)})
		}
		for id := range uni {
			u := &uni[id]
			if c := u.count - u.claimed; c > 0 {
				f(kwRank{score: float64(c) * x.idf[id], first: u.first, i: ^int32(id)})
			}
		}
	}
	exact := true
	for c, p := range cands {
		id := p.ids[p.n-1]
		if u := &uni[id]; u.first == p.first && float64(u.count-u.claimed)*x.idf[id] == p.score {
			exact = false
		}
		for _, q := range cands[:c] { // never, as chosen phrases do not overlap
			if q.first == p.first && q.score == p.score {
				exact = false
			}
		}
	}
	for i := 0; exact && i+1 < len(x.start); i++ {
		exact = x.start[i+1]-x.start[i] < 1_000_000
	}
	n := 0
	each(func(e kwRank) {
		n++
		if math.IsNaN(e.score) {
			exact = false
		}
	})
	// The candidates are in a total order when exact, so sorting them all
	// gives the same top k as the insertion below, which is quicker for a
	// few but quadratic for many (and k may be huge: keep the room to n).
	k = min(k, n)
	if !exact || k > 64 {
		rank := make([]kwRank, 0, n)
		each(func(e kwRank) { rank = append(rank, e) })
		slices.SortFunc(rank, byScore)
		return rank[:min(k, len(rank))]
	}
	top := make([]kwRank, 0, k+1)
	each(func(e kwRank) {
		if len(top) == k && byScore(e, top[k-1]) >= 0 {
			return
		}
		j := len(top)
		for j > 0 && byScore(e, top[j-1]) < 0 {
			j--
		}
		top = slices.Insert(top, j, e)
		if len(top) > k {
			top = top[:k]
		}
	})
	return top
}

// kwRank is a candidate in a sort. Among phrases, i is the index in the
// phrase set and n the number of words; in the final sort, i indexes the
// chosen phrases, or is ^id for the term id.
type kwRank struct {
	score float64
	first int
	i     int32
	n     int8
}

// byScore sorts by score, best first, then by first occurrence.
func byScore(a, b kwRank) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.first, b.first)
}

// phraseSet counts phrases by key: an open-addressing hash table over the
// entries of list. A bigram's key is its two term ids; a trigram's, with
// the top bit set, the index in list of its first two words' bigram and
// its last term id.
type phraseSet struct {
	slots []int32 // 1 + index in list; 0 for an empty slot
	list  []phraseEntry
	w     *scratch // where the slots come from
}

type phraseEntry struct {
	key   uint64
	count int32
	first int32 // index in the text of the last token of the first occurrence
}

// newPhraseSet returns a set for a text of n content words, which has at
// most 2n phrases.
func newPhraseSet(n int, w *scratch) *phraseSet {
	slots := 64
	for slots < 4*n && slots < 1<<16 {
		slots *= 2
	}
	return &phraseSet{slots: w.i32.make(slots, slots), list: w.phrases.make(0, min(2*n, 1<<15)), w: w}
}

// add counts an occurrence, ending at token k of the text, of the phrase
// key, and returns its index in list.
func (p *phraseSet) add(key uint64, k int) int32 {
	mask := uint64(len(p.slots) - 1)
	h := (key * 0x9E3779B97F4A7C15) >> 32 & mask
	for {
		s := p.slots[h]
		if s == 0 {
			break
		}
		if e := &p.list[s-1]; e.key == key {
			e.count++
			return s - 1
		}
		h = (h + 1) & mask
	}
	p.list = append(p.list, phraseEntry{key: key, count: 1, first: int32(k)})
	i := int32(len(p.list))
	p.slots[h] = i
	if 2*len(p.list) > len(p.slots) {
		p.grow()
	}
	return i - 1
}

// grow doubles the table and puts the entries back.
func (p *phraseSet) grow() {
	p.slots = p.w.i32.make(2*len(p.slots), 2*len(p.slots))
	mask := uint64(len(p.slots) - 1)
	for i := range p.list {
		h := (p.list[i].key * 0x9E3779B97F4A7C15) >> 32 & mask
		for p.slots[h] != 0 {
			h = (h + 1) & mask
		}
		p.slots[h] = int32(i + 1)
	}
}

// words puts the term ids of phrase i in ids and returns their number.
func (p *phraseSet) words(i int, ids *[maxPhrase]int32) int {
	key := p.list[i].key
	if key>>63 == 0 {
		ids[0], ids[1] = int32(key>>32), int32(uint32(key))
		return 2
	}
	bi := p.list[key>>32&(1<<31-1)].key
	ids[0], ids[1], ids[2] = int32(bi>>32), int32(uint32(bi)), int32(uint32(key))
	return 3
}

// maxPhrase is the longest keyphrase, in words.
const maxPhrase = 3

func repeats(words []int32) bool {
	for i, w := range words {
		if slices.Contains(words[:i], w) {
			return true
		}
	}
	return false
}

// overlaps reports whether two phrases share two adjacent words, or one
// contains the other.
func overlaps(a, b []int32) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 1 {
		return slices.Contains(b, a[0])
	}
	for i := 0; i+1 < len(a); i++ {
		for j := 0; j+1 < len(b); j++ {
			if a[i] == b[j] && a[i+1] == b[j+1] {
				return true
			}
		}
	}
	return false
}

// formStat counts one surface form of a term, compared without case.
type formStat struct {
	lower string // the form lower-cased
	total int
	nLow  int       // occurrences written in lower case
	caps  []capForm // capitalised spellings, not sentence-initial
	pos   int       // first occurrence
}

type capForm struct {
	form string
	n    int
}

// termForms gathers the surface forms of one keyword.
type termForms struct {
	forms []formStat
	n     int // occurrences so far
}

// surfaceForms gathers the surface forms of the occurrences of each of
// top, in one pass over the text.
func surfaceForms(in *Input, x *index, top []kwTerm, w *scratch) []termForms {
	out := make([]termForms, len(top))
	// role[t]: 1 + the keyword that is the term t alone, or 0; and
	// endsPhrase when a phrase keyword ends with t.
	const endsPhrase = 1 << 30
	role := w.i32.make(len(x.idf), len(x.idf))
	for c := range top {
		t := &top[c]
		if t.n == 1 {
			role[t.ids[0]] |= int32(c + 1)
		} else {
			role[t.ids[t.n-1]] |= endsPhrase
		}
	}
	var buf []byte
	for i := range in.Sentences {
		ids := x.sentence(i)
		toks := in.Sentences[i].Tokens
		for j, id := range ids {
			if id < 0 || role[id] == 0 {
				continue
			}
			if c := role[id] &^ endsPhrase; c > 0 {
				out[c-1].add(toks[j].Text, toks[j:j+1], j == 0)
			}
			if role[id]&endsPhrase == 0 {
				continue
			}
			for c := range top {
				t := &top[c]
				if n := t.n; n > 1 && j >= n-1 && slices.Equal(ids[j-n+1:j+1], t.ids[:n]) {
					ts := toks[j-n+1 : j+1]
					buf = buf[:0]
					for q, tok := range ts {
						if q > 0 {
							buf = append(buf, ' ')
						}
						buf = append(buf, tok.Text...)
					}
					out[c].add(string(buf), ts, j-n+1 == 0)
				}
			}
		}
	}
	return out
}

// add counts an occurrence, the tokens toks written form; initial says
// whether it starts its sentence. form may be a buffer that is reused: it
// is copied when kept.
func (tf *termForms) add(form string, toks []tokenize.Token, initial bool) {
	// The form lower-cased, compared without building it for ASCII forms.
	lower, ascii := asciiLower(form)
	var lf string
	if !ascii {
		lf = strings.ToLower(form)
		lower = form == lf
	}
	var f *formStat
	for i := range tf.forms {
		if fl := tf.forms[i].lower; ascii && len(fl) == len(form) && equalLowerASCII(fl, form) || !ascii && fl == lf {
			f = &tf.forms[i]
			break
		}
	}
	if f == nil {
		switch {
		case !ascii:
			lf = strings.Clone(lf)
		case lower:
			lf = strings.Clone(form)
		default:
			lf = strings.ToLower(form)
		}
		tf.forms = append(tf.forms, formStat{lower: lf, pos: tf.n})
		f = &tf.forms[len(tf.forms)-1]
	}
	tf.n++
	f.total++
	switch {
	case lower:
		f.nLow++
	case initial && !isAcronym(toks[0].Text):
	default:
		for i := range f.caps {
			if f.caps[i].form == form {
				f.caps[i].n++
				return
			}
		}
		f.caps = append(f.caps, capForm{strings.Clone(form), 1})
	}
}

// asciiLower reports whether s is all ASCII with no upper-case letter, and
// whether it is all ASCII.
func asciiLower(s string) (lower, ascii bool) {
	lower = true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	return lower, true
}

// equalLowerASCII reports whether the ASCII string s lower-cased is l, of
// the same length.
func equalLowerASCII(l, s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if l[i] != c {
			return false
		}
	}
	return true
}

// best returns the most frequent surface form, compared without case (the
// earliest on ties). It is shown capitalised, in its most frequent
// capitalised spelling, when capitalised spellings inside sentences (names,
// acronyms) outnumber lower-case ones; otherwise in lower case. A capital
// at the start of a sentence says nothing.
func (tf *termForms) best() string {
	var bf *formStat
	for i := range tf.forms {
		f := &tf.forms[i]
		if bf == nil || f.total > bf.total || (f.total == bf.total && f.pos < bf.pos) {
			bf = f
		}
	}
	if bf == nil {
		return ""
	}
	caps, nc, total := "", 0, 0
	for _, c := range bf.caps {
		total += c.n
		if c.n > nc || (c.n == nc && c.form < caps) {
			caps, nc = c.form, c.n
		}
	}
	if total > bf.nLow {
		return caps
	}
	return bf.lower
}

// isAcronym reports a word with two or more capitals (DPR, PBNU, McDonald).
func isAcronym(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}
