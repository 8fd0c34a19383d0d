package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// kwTerm gathers what Keywords knows about one term or phrase.
type kwTerm struct {
	count   int
	first   int // index of the first occurrence (sentence·1e6 + token)
	idf     float64
	score   float64
	ids     []int32  // term ids of the words
	occ     []kwOcc  // occurrences
	claimed int      // occurrences inside chosen phrases
	words   []string // stems of the words
}

// kwOcc is an occurrence: sentence i, tokens j-n+1 … j.
type kwOcc struct{ i, j int32 }

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
	ids := map[string]int32{}
	var uni []*kwTerm
	phr := map[[maxPhrase]int32]*kwTerm{}
	var run []int32 // term ids of the current run of content words
	// Token positions j of the run's words, for phrases: runs are contiguous
	// content tokens, so the words of an n-gram ending at j are j-n+1 … j.
	for i, se := range in.Sentences {
		run = run[:0]
		for j := range se.Tokens {
			term, ok := contentTerm(&in, i, j, s.st)
			if !ok {
				run = run[:0]
				continue
			}
			pos := i*1_000_000 + j
			id, ok := ids[term]
			if !ok {
				id = int32(len(uni))
				ids[term] = id
				uni = append(uni, &kwTerm{first: pos, idf: s.idf.Weight(term), ids: []int32{id}, words: []string{term}})
			}
			u := uni[id]
			u.count++
			u.occ = append(u.occ, kwOcc{int32(i), int32(j)})
			run = append(run, id)
			for n := 2; n <= maxPhrase && n <= len(run); n++ {
				var key [maxPhrase]int32
				for q := range key {
					key[q] = -1
				}
				copy(key[:], run[len(run)-n:])
				p := phr[key]
				if p == nil {
					p = &kwTerm{first: pos, ids: slices.Clone(run[len(run)-n:])}
					for _, w := range p.ids {
						p.idf += uni[w].idf
						p.words = append(p.words, uni[w].words[0])
					}
					phr[key] = p
				}
				p.count++
				p.occ = append(p.occ, kwOcc{int32(i), int32(j)})
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
		if slices.ContainsFunc(cands, func(c *kwTerm) bool { return overlaps(c.ids, p.ids) }) {
			continue
		}
		cands = append(cands, p)
		for _, w := range p.ids {
			uni[w].claimed += p.count
		}
	}
	for _, u := range uni {
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
		out[i] = Keyword{Text: c.bestForm(&in), Score: c.score / best}
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

// bestForm returns the most frequent surface form of t's occurrences,
// compared without case (the earliest on ties). It is shown capitalised, in
// its most frequent capitalised spelling, when capitalised spellings inside
// sentences (names, acronyms) outnumber lower-case ones; otherwise in lower
// case. A capital at the start of a sentence says nothing.
func (t *kwTerm) bestForm(in *Input) string {
	forms := map[string]*formStat{}
	n := len(t.ids)
	var parts []string
	for k, o := range t.occ {
		toks := in.Sentences[o.i].Tokens[int(o.j)-n+1 : o.j+1]
		parts = parts[:0]
		for _, tok := range toks {
			parts = append(parts, tok.Text)
		}
		form := strings.Join(parts, " ")
		initial := int(o.j)-n+1 == 0
		l := strings.ToLower(form)
		f := forms[l]
		if f == nil {
			f = &formStat{pos: k}
			forms[l] = f
		}
		f.total++
		switch {
		case form == l:
			f.lower++
		case initial && !isAcronym(toks[0].Text):
		default:
			if f.caps == nil {
				f.caps = map[string]int{}
			}
			f.caps[form]++
		}
	}
	var best string
	var bf *formStat
	for l, f := range forms {
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
