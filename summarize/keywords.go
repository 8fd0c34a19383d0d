package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// kwTerm gathers what Keywords knows about one stem or stem pair.
type kwTerm struct {
	key     string
	count   int
	first   int                  // index of the first occurrence (sentence·1e6 + token)
	forms   map[string]*formStat // by lower-cased form
	idf     float64
	score   float64
	words   []string // stems of a phrase
	claimed int      // occurrences inside chosen phrases
}

// Keywords returns up to k keywords of in, best first. Terms are the stems of
// content words (word tokens that are not stopwords), scored by tf·idf
// against the IDF table, so that occurrences of different forms of one stem
// (bantuan, membantu) add up; phrases are runs of two or three adjacent
// content words that occur at least twice, scored by count times the sum of
// their idfs. A phrase inside or around a better phrase is left out, and the
// occurrences inside a chosen phrase no longer count for its words. Each
// keyword is shown in its most frequent surface form, lower-cased unless it
// is mostly written capitalised inside sentences (a name or an acronym). Scores are divided
// by the best, so the first keyword scores 1. Ties go to the term seen first.
func (s *Summarizer) Keywords(in Input, k int) []Keyword {
	if k <= 0 || len(in.Sentences) == 0 {
		return nil
	}
	uni := map[string]*kwTerm{}
	phr := map[string]*kwTerm{}
	var order []*kwTerm
	var runStems, runForms []string
	for i, se := range in.Sentences {
		runStems, runForms = runStems[:0], runForms[:0]
		for j, t := range se.Tokens {
			term, ok := contentTerm(&in, i, j, s.st)
			if !ok {
				runStems, runForms = runStems[:0], runForms[:0]
				continue
			}
			form, initial := t.Text, j == 0
			pos := i*1_000_000 + j
			u := uni[term]
			if u == nil {
				u = &kwTerm{key: term, first: pos, forms: map[string]*formStat{}, idf: s.idf.Weight(term), words: []string{term}}
				uni[term] = u
				order = append(order, u)
			}
			u.count++
			u.addForm(form, initial, pos)
			runStems, runForms = append(runStems, term), append(runForms, form)
			for n := 2; n <= maxPhrase && n <= len(runStems); n++ {
				words := runStems[len(runStems)-n:]
				key := strings.Join(words, " ")
				p := phr[key]
				if p == nil {
					p = &kwTerm{key: key, first: pos, forms: map[string]*formStat{}, words: slices.Clone(words)}
					for _, w := range words {
						p.idf += uni[w].idf
					}
					phr[key] = p
				}
				p.count++
				p.addForm(strings.Join(runForms[len(runForms)-n:], " "), j+1 == n, pos)
			}
		}
	}
	// Phrases first: seen twice or more, no word repeated; a phrase inside
	// or around a better one is left out.
	var phrases []*kwTerm
	for _, p := range phr {
		if p.count >= 2 && !repeats(p.words) {
			p.score = float64(p.count) * p.idf
			phrases = append(phrases, p)
		}
	}
	slices.SortFunc(phrases, byScore)
	var cands []*kwTerm
	for _, p := range phrases {
		if len(cands) == k {
			break
		}
		if slices.ContainsFunc(cands, func(c *kwTerm) bool { return overlaps(c.key, p.key) }) {
			continue
		}
		cands = append(cands, p)
		for _, w := range p.words {
			uni[w].claimed += p.count
		}
	}
	for _, u := range order {
		if c := u.count - u.claimed; c > 0 {
			u.score = float64(c) * u.idf
			cands = append(cands, u)
		}
	}
	slices.SortFunc(cands, byScore)
	cands = cands[:min(k, len(cands))]
	out := make([]Keyword, len(cands))
	best := 1.0
	if len(cands) > 0 && cands[0].score > 0 {
		best = cands[0].score
	}
	for i, c := range cands {
		out[i] = Keyword{Text: c.bestForm(), Score: c.score / best}
	}
	return out
}

// maxPhrase is the longest keyphrase, in words.
const maxPhrase = 3

func repeats(words []string) bool {
	for i, w := range words {
		if slices.Contains(words[:i], w) {
			return true
		}
	}
	return false
}

// overlaps reports whether two phrase keys share two adjacent words, or one
// contains the other.
func overlaps(a, b string) bool {
	if strings.Contains(" "+a+" ", " "+b+" ") || strings.Contains(" "+b+" ", " "+a+" ") {
		return true
	}
	wa := strings.Fields(a)
	for i := 0; i+1 < len(wa); i++ {
		if strings.Contains(" "+b+" ", " "+wa[i]+" "+wa[i+1]+" ") {
			return true
		}
	}
	return false
}

func byScore(a, b *kwTerm) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.first, b.first)
}

// formStat counts one surface form of a term, compared without case.
type formStat struct {
	total, lower int
	caps         map[string]int // capitalised spellings, not sentence-initial
	pos          int            // first occurrence
}

func (t *kwTerm) addForm(form string, initial bool, pos int) {
	l := strings.ToLower(form)
	f := t.forms[l]
	if f == nil {
		f = &formStat{pos: pos}
		t.forms[l] = f
	}
	f.total++
	switch {
	case form == l:
		f.lower++
	case initial && !isAcronym(form):
		// A capital at the start of a sentence says nothing.
	default:
		if f.caps == nil {
			f.caps = map[string]int{}
		}
		f.caps[form]++
	}
}

// bestForm returns the most frequent surface form, compared without case
// (the earliest on ties). It is shown capitalised, in its most frequent
// capitalised spelling, when capitalised spellings inside sentences (names,
// acronyms) outnumber lower-case ones; otherwise in lower case.
func (t *kwTerm) bestForm() string {
	var best string
	var bf *formStat
	for l, f := range t.forms {
		if bf == nil || f.total > bf.total || (f.total == bf.total && f.pos < bf.pos) {
			best, bf = l, f
		}
	}
	if bf == nil {
		return ""
	}
	caps, nc, total := "", 0, 0
	for c, n := range bf.caps {
		total += n
		if n > nc || (n == nc && c < caps) {
			caps, nc = c, n
		}
	}
	if total > bf.lower {
		return caps
	}
	return best
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
