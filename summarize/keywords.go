package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kwTerm gathers what Keywords knows about one stem or stem pair.
type kwTerm struct {
	key     string
	count   int
	first   int            // index of the first occurrence (sentence·1e6 + token)
	forms   map[string]int // surface forms (words lower-cased unless names)
	formAt  map[string]int // first occurrence of each form
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
// is a name (capitalised inside sentences) or an acronym. Scores are divided
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
			form := surface(t.Text, j == 0)
			pos := i*1_000_000 + j
			u := uni[term]
			if u == nil {
				u = &kwTerm{key: term, first: pos, forms: map[string]int{}, formAt: map[string]int{}, idf: s.idf.Weight(term), words: []string{term}}
				uni[term] = u
				order = append(order, u)
			}
			u.count++
			u.addForm(form, pos)
			runStems, runForms = append(runStems, term), append(runForms, form)
			for n := 2; n <= maxPhrase && n <= len(runStems); n++ {
				words := runStems[len(runStems)-n:]
				key := strings.Join(words, " ")
				p := phr[key]
				if p == nil {
					p = &kwTerm{key: key, first: pos, forms: map[string]int{}, formAt: map[string]int{}, words: slices.Clone(words)}
					for _, w := range words {
						p.idf += uni[w].idf
					}
					phr[key] = p
				}
				p.count++
				p.addForm(strings.Join(runForms[len(runForms)-n:], " "), pos)
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

func (t *kwTerm) addForm(form string, pos int) {
	if _, ok := t.formAt[form]; !ok {
		t.formAt[form] = pos
	}
	t.forms[form]++
}

// bestForm returns the most frequent surface form, compared without case
// (the earliest on ties); it is shown capitalised when the capitalised
// spellings (names and acronyms inside sentences) are at least as frequent
// as the lower-case one.
func (t *kwTerm) bestForm() string {
	type group struct {
		total, lower, pos int
		caps              string
		capsN, capsPos    int
	}
	groups := map[string]*group{}
	for f, c := range t.forms {
		l := strings.ToLower(f)
		g := groups[l]
		p := t.formAt[f]
		if g == nil {
			g = &group{pos: p}
			groups[l] = g
		}
		g.total += c
		g.pos = min(g.pos, p)
		if f == l {
			g.lower += c
		} else if c > g.capsN || (c == g.capsN && p < g.capsPos) {
			g.caps, g.capsN, g.capsPos = f, c, p
		}
	}
	best, bg := "", (*group)(nil)
	for l, g := range groups {
		if bg == nil || g.total > bg.total || (g.total == bg.total && g.pos < bg.pos) {
			best, bg = l, g
		}
	}
	if bg != nil && bg.capsN > 0 && bg.total-bg.lower >= bg.lower {
		return bg.caps
	}
	return best
}

// surface returns how a word is shown in a keyword: as written when it is an
// acronym (two or more capitals) or a capitalised word inside a sentence (a
// name), lower-cased otherwise.
func surface(word string, sentenceStart bool) string {
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return strings.ToLower(word)
	}
	upper := 0
	for _, r := range word {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper >= 2 || !sentenceStart {
		return word
	}
	return strings.ToLower(word)
}
