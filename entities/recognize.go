package entities

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// Recognize returns the mentions in text, whose sentences (as returned by
// package tokenize for that same text) are sents, in text order. Mentions
// never overlap and their offsets slice back to text. Sentences whose
// offsets do not fit text are skipped.
func (r *Recognizer) Recognize(text string, sents []tokenize.Sentence) []Mention {
	s := r.scratch.Get()
	s.keepWords(r.m.fast)
	defer func() {
		// drop the references to the text (the word table holds copies)
		clear(s.words[:cap(s.words)])
		clear(s.info[:cap(s.info)])
		clear(s.low[:cap(s.low)])
		clear(s.out) // the mentions were copied out
		s.out = s.out[:0]
		r.scratch.Put(s)
	}()
	// The mentions gather in s.out, and the caller gets one copy of the
	// right size rather than the garbage of a slice grown by appends.
	out := s.out[:0]
	s.docSents = s.docSents[:0]
	s.docEnts = s.docEnts[:0]
	s.resets = 0
	keep := r.docLevel && r.m.fast != nil
	for _, sent := range sents {
		toks := sent.Tokens
		if len(toks) == 0 || !tokensFit(text, toks) {
			if keep {
				s.docSents = append(s.docSents, docSent{})
			}
			continue
		}
		out = r.sentence(text, toks, s, out)
		if keep {
			// the document pass reuses the sentence's mode and words
			s.docSents = append(s.docSents, docSent{mode: s.mode, off: int32(len(s.docEnts))})
			s.docEnts = append(s.docEnts, s.tokEnt[:len(toks)]...)
		}
	}
	if r.docLevel {
		out = r.docPass(text, sents, out, s)
	}
	s.out = out
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// tokensFit checks that the tokens are in order and slice back to text.
func tokensFit(text string, toks []tokenize.Token) bool {
	last := 0
	for _, t := range toks {
		if t.Start < last || t.End < t.Start || t.End > len(text) || text[t.Start:t.End] != t.Text {
			return false
		}
		last = t.End
	}
	return true
}

// sentence appends the mentions of one sentence to out.
func (r *Recognizer) sentence(text string, toks []tokenize.Token, s *scratch, out []Mention) []Mention {
	s.words = s.words[:0]
	for _, t := range toks {
		s.words = append(s.words, t.Text)
	}
	cands := s.cands[:0]
	defer func() { s.cands = cands[:0] }()
	spans := r.m.tagCached(s.words, s)
	spans = r.postprocess(text, toks, s, spans)
	if len(spans) > 0 && isEnglish(s.info, s.ents) {
		spans = spans[:0] // page furniture such as "Your email address will not be published."
	}
	for _, sp := range spans {
		cands = append(cands, cand{TokenSpan: sp, prio: prioModel, score: spanScore(s.margin, sp)})
	}
	if r.rules {
		var te []int32 // the tokens' entries in the fast path's word table
		if r.m.fast != nil {
			te = s.tokEnt[:len(toks)]
		}
		cands = appendRules(text, toks, te, cands, s)
		cands = appendHosts(toks, cands)
	}
	if r.user != nil {
		cands = r.appendUser(text, toks, s, cands)
	}
	return appendResolved(text, toks, cands, out, s)
}

// appendHosts appends an ORG candidate for every token that the tokenizer
// calls a URL and that is a bare host name (KOMPAS.com, DailySocial.id,
// tribun-medan.com): in news text such a name is the outlet. The NER
// corpora tag 158 of their 167 host names as organisations and none as a
// person or place (TestHostNames in internal/eval/nereval), while the
// model sometimes labels one PER or LOC, or nothing. An ORG of the model
// that holds the host name (CNN Indonesia.com) stays.
func appendHosts(toks []tokenize.Token, cands []cand) []cand {
	n := len(cands)
	for i, t := range toks {
		if t.Kind != tokenize.URL || !isHostName(t.Text) {
			continue
		}
		if slices.ContainsFunc(cands[:n], func(c cand) bool { return c.Label == ORG && c.Start <= i && i < c.End }) {
			continue
		}
		cands = append(cands, cand{TokenSpan: TokenSpan{Start: i, End: i + 1, Label: ORG}, prio: prioRule, score: 1})
	}
	return cands
}

// isHostName reports whether w is made only of ASCII letters, digits,
// hyphens and dots, with a letter: no scheme, path, query or port.
func isHostName(w string) bool {
	letter := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c|0x20 && c|0x20 <= 'z':
			letter = true
		case '0' <= c && c <= '9', c == '-', c == '.':
		default:
			return false
		}
	}
	return letter
}

// Candidate priorities: a higher one wins an overlap.
const (
	prioModel = iota
	prioRule
	prioUser
)

type cand struct {
	TokenSpan
	prio  int
	score float64
}

// appendResolved keeps the candidates that do not overlap a better one
// (higher priority, then longer, then earlier) and appends them in text
// order as mentions.
func appendResolved(text string, toks []tokenize.Token, cands []cand, out []Mention, s *scratch) []Mention {
	if len(cands) == 0 {
		return out
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if a.prio != b.prio {
			return b.prio - a.prio
		}
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return lb - la
		}
		return a.Start - b.Start
	})
	s.taken = grow(s.taken, len(toks))
	taken := s.taken[:len(toks)]
	clear(taken)
	kept := s.kept[:0]
	defer func() { s.kept = kept[:0] }()
	for _, c := range cands {
		if c.Start < 0 || c.End > len(toks) || c.Start >= c.End {
			continue
		}
		ok := true
		for i := c.Start; i < c.End; i++ {
			if taken[i] {
				ok = false
				break
			}
		}
		if ok {
			for i := c.Start; i < c.End; i++ {
				taken[i] = true
			}
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b cand) int { return a.Start - b.Start })
	for _, c := range kept {
		st, en := toks[c.Start].Start, toks[c.End-1].End
		out = append(out, Mention{Text: text[st:en], Label: c.Label, Start: st, End: en, Score: c.score})
	}
	return out
}

// englishWords are English function words; a sentence made mostly of them
// is not Indonesian, and the model is not asked about it.
var englishWords = setOf("the", "a", "an", "of", "to", "and", "is", "are", "was", "were", "will", "not", "be",
	"your", "you", "we", "our", "this", "that", "with", "for", "by", "on", "in", "at", "from", "has", "have",
	"it", "its", "or", "but", "can", "all", "my", "me", "please", "here", "there", "been", "would", "should")

// isEnglish reports whether at least four words and 40% of the words of a
// sentence are English function words. ents is the fast path's word table
// (info[i].entry indexes it), if it was used.
func isEnglish(info []tokInfo, ents []wordEnt) bool {
	n, en := 0, 0
	for i := range info {
		fl := uint8(0)
		if k := info[i].entry; k >= 0 {
			fl = ents[k].flags
		} else {
			fl = wordFlags(info[i].low)
		}
		if fl&wfLetter == 0 {
			continue
		}
		n++
		if fl&wfEnglish != 0 {
			en++
		}
	}
	return en >= 4 && 5*en >= 2*n
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
