package summarize

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/names"
	"github.com/kabar-id/kabar/tokenize"
)

// contentTerm returns the term (stem) of token j of sentence i when it is a
// content word: a word token, not a stopword, whose stem has at least two
// runes and a letter. Missing stems are filled by s (or lower-cased when s
// is nil).
func contentTerm(in *Input, i, j int, s *Summarizer) (string, bool) {
	term, ok := candidateTerm(in, i, j, s)
	if !ok || !validTerm(term) {
		return "", false
	}
	return term, true
}

// candidateTerm is contentTerm without the check of the term itself.
func candidateTerm(in *Input, i, j int, s *Summarizer) (string, bool) {
	toks := in.Sentences[i].Tokens
	if toks[j].Kind != tokenize.Word {
		return "", false
	}
	stems, stop := in.sentence(i)
	return candidate(toks, j, stems, stop, s)
}

// candidate is candidateTerm for the word token j of a sentence whose
// tokens, stems and stopword flags are toks, stems and stop.
func candidate(toks []tokenize.Token, j int, stems []string, stop []bool, s *Summarizer) (string, bool) {
	w := toks[j].Text
	if j < len(stop) {
		if stop[j] {
			return "", false
		}
	} else if s != nil && s.st.IsStopword(w) {
		return "", false
	}
	if j < len(stems) && stems[j] != "" {
		return stems[j], true
	}
	if s != nil {
		return s.st.StemName(w, s.protect && names.At(toks, j)), true
	}
	return strings.ToLower(w), true
}

// validTerm reports whether a stem can be a term: two runes or more, a
// letter, no white space.
func validTerm(term string) bool {
	runes, letter := 0, false
	for i := 0; i < len(term); {
		c := term[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				return false
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				letter = true
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(term[i:])
			letter = letter || unicode.IsLetter(r)
			i += n
		}
		runes++
	}
	return runes >= 2 && letter
}

// model is the per-call view of one text: sentence term vectors weighted by
// tf·idf, and the per-sentence facts the scoring methods use. It is built
// for one call and never shared.
type model struct {
	in       *Input
	n        int
	start    []int     // terms of sentence i are tid[start[i]:start[i+1]]
	tid      []int32   // term ids
	tw       []float64 // L2-normalised tf·idf weights, parallel to tid
	words    []int     // word tokens per sentence
	para     []int     // paragraph index per sentence
	paraPos  []int     // position of the sentence in its paragraph
	docTF    []float64 // occurrences of each term in the text
	idf      []float64 // idf of each term
	centSim  []float64 // cosine similarity of each sentence to the centroid
	scratch  []float64 // dense vector over terms, all zero between uses
	nTerms   int
	lexCache []float64
	w        *scratch // where the slices of the call come from
}

// model returns the model of in, in memory of its own.
func (s *Summarizer) model(in Input) *model {
	w := new(scratch)
	return newModel(&in, s.index(&in, w), w)
}

// newModel builds the model of in from its index x, in w's memory.
func newModel(in *Input, x *index, w *scratch) *model {
	n := len(in.Sentences)
	m := &model{in: in, n: n, start: w.ints.make(n+1, n+1), words: x.words, idf: x.idf, nTerms: len(x.idf), w: w}
	m.docTF = w.f64.make(m.nTerms, m.nTerms)
	m.tid = w.i32.make(0, x.content)
	counts := w.f64.make(0, x.content)
	// slot[t] is where term t was put in m.tid, valid when it is in the
	// current sentence's part.
	slot := w.i32.make(m.nTerms, m.nTerms)
	for i := 0; i < n; i++ {
		a := len(m.tid)
		m.start[i] = a
		for _, id := range x.sentence(i) {
			if id < 0 {
				continue
			}
			m.docTF[id]++
			if p := int(slot[id]); p >= a && p < len(m.tid) && m.tid[p] == id {
				counts[p]++
				continue
			}
			slot[id] = int32(len(m.tid))
			m.tid = append(m.tid, id)
			counts = append(counts, 1)
		}
	}
	m.start[n] = len(m.tid)
	m.nTerms = len(m.idf)
	m.tw = counts
	for i := 0; i < n; i++ {
		a, b := m.start[i], m.start[i+1]
		norm := 0.0
		for k := a; k < b; k++ {
			m.tw[k] *= m.idf[m.tid[k]]
			norm += m.tw[k] * m.tw[k]
		}
		if norm > 0 {
			norm = 1 / math.Sqrt(norm)
			for k := a; k < b; k++ {
				m.tw[k] *= norm
			}
		}
	}
	m.scratch = w.f64.make(m.nTerms, m.nTerms)
	// Centroid: the text's tf·idf vector, normalised.
	cent := m.scratch
	norm := 0.0
	for t := range cent {
		cent[t] = m.docTF[t] * m.idf[t]
		norm += cent[t] * cent[t]
	}
	m.centSim = w.f64.make(n, n)
	if norm > 0 {
		norm = 1 / math.Sqrt(norm)
		for i := 0; i < n; i++ {
			m.centSim[i] = m.gather(i) * norm
		}
	}
	clear(m.scratch)
	m.paragraphs()
	return m
}

// scatter adds sentence i's vector into the scratch vector; gather returns
// the dot product of sentence j with it; unscatter zeroes it again.
func (m *model) scatter(i int) {
	tid, tw := m.terms(i)
	sc := m.scratch
	for k, t := range tid {
		sc[t] += tw[k]
	}
}

func (m *model) unscatter(i int) {
	tid, _ := m.terms(i)
	sc := m.scratch
	for _, t := range tid {
		sc[t] = 0
	}
}

func (m *model) gather(j int) float64 {
	tid, tw := m.terms(j)
	sc := m.scratch
	d := 0.0
	for k, t := range tid {
		d += sc[t] * tw[k]
	}
	return d
}

// terms returns the term ids of sentence i and their weights.
func (m *model) terms(i int) ([]int32, []float64) {
	a, b := m.start[i], m.start[i+1]
	tid := m.tid[a:b]
	return tid, m.tw[a:b][:len(tid)]
}

// paragraphs finds paragraph breaks in the gaps between sentences: blank
// lines when the text has any, otherwise any line break.
func (m *model) paragraphs() {
	m.para = m.w.ints.make(m.n, m.n)
	m.paraPos = m.w.ints.make(m.n, m.n)
	text := m.in.Text
	blank := hasBlankLine(text)
	p, pos := 0, 0
	for i := 1; i < m.n; i++ {
		a, b := m.in.Sentences[i-1].End, m.in.Sentences[i].Start
		pos++
		if a >= 0 && b <= len(text) && a <= b {
			gap := text[a:b]
			if (blank && hasBlankLine(gap)) || (!blank && strings.ContainsRune(gap, '\n')) {
				p++
				pos = 0
			}
		}
		m.para[i] = p
		m.paraPos[i] = pos
	}
}

func hasBlankLine(s string) bool {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		j := 0
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r') {
			j++
		}
		if j < len(s) && s[j] == '\n' {
			return true
		}
	}
}

// salience is Luhn's idea with tf·idf: the sum of the text-level weights
// docTF·idf of the sentence's distinct terms, divided by the square root of
// their number.
func (m *model) salience() []float64 {
	out := m.w.f64.make(m.n, m.n)
	for i := 0; i < m.n; i++ {
		a, b := m.start[i], m.start[i+1]
		if a == b {
			continue
		}
		s := 0.0
		for k := a; k < b; k++ {
			t := m.tid[k]
			s += m.docTF[t] * m.idf[t]
		}
		out[i] = s / math.Sqrt(float64(b-a))
	}
	return out
}

func maxOf(x []float64) float64 {
	mx := 0.0
	for _, v := range x {
		mx = max(mx, v)
	}
	return mx
}

// heuristicScores is the TF-IDF method: a fixed mix of centroid similarity,
// salience, position and length.
func (m *model) heuristicScores() []float64 {
	sal := m.salience()
	ms, mc := maxOf(sal), maxOf(m.centSim)
	out := m.w.f64.make(m.n, m.n)
	for i := range out {
		c, s := 0.0, 0.0
		if mc > 0 {
			c = m.centSim[i] / mc
		}
		if ms > 0 {
			s = sal[i] / ms
		}
		pos := 1 / math.Sqrt(float64(i+1))
		out[i] = 0.3*c + 0.2*s + 0.4*pos + 0.1*lengthScore(m.words[i])
	}
	return out
}

// lengthScore prefers sentences of 12 to 50 words.
func lengthScore(w int) float64 {
	s := min(float64(w)/12, 1)
	if w > 50 {
		s *= 0.5
	}
	return s
}

// MinWords is the number of words below which a sentence is weak.
const minWords = 4

// weak reports the sentences that are picked only when no other is left:
// those with fewer than minWords words and lines without terminal
// punctuation that make a paragraph of their own (headings, datelines,
// page furniture, "Baca juga" links); and never those that are never
// picked, datelines split off as sentences of their own (JAKARTA,
// KOMPAS.com –), as Lead leaves them out: a place and a source say nothing
// of the news.
func (m *model) weak() (weak, never []bool) {
	weak, never = m.w.bools.make(m.n, m.n), m.w.bools.make(m.n, m.n)
	for i := 0; i < m.n; i++ {
		if datelineOnly(m.in.Sentences[i]) {
			weak[i], never[i] = true, true
			continue
		}
		if m.words[i] < minWords {
			weak[i] = true
			continue
		}
		alone := m.paraPos[i] == 0 && (i+1 == m.n || m.paraPos[i+1] == 0)
		if alone && !terminal(m.in.Sentences[i]) {
			weak[i] = true
		}
	}
	return weak, never
}

// terminal reports whether a sentence ends with terminal punctuation or a
// closing quote.
func terminal(se tokenize.Sentence) bool {
	if len(se.Tokens) == 0 {
		return false
	}
	switch se.Tokens[len(se.Tokens)-1].Text {
	case ".", "!", "?", "\"", "”", "'", "’", "…", "...":
		return true
	}
	return false
}

// maxSimRows is the number of sentences up to which expectedF1 keeps the
// similarity rows of the sentences it picks.
const maxSimRows = 2048

// expectedF1 picks the sentences of the Learned method. With p the
// probability that a sentence belongs in the summary and w its words, the
// expected ROUGE-1 matches of a set S are about Σ p·w and its F1 about
// 2·Σ p·w / (Σ w + R), R the reference length: expectedF1 maximises
// Σ a / (Σ w + R) over sets of maxN sentences (within the word budget, when
// ≥ 0) by Dinkelbach's method (1967) for fractional objectives: for the
// current ratio t it picks greedily the sentences of largest a − t·w, then
// sets t to the picked set's ratio, until t stops growing. For redundancy
// control, a = p·w·(1 − (1−λ)·s), s the largest cosine similarity to a
// sentence picked before it (MMR's penalty, Carbonell & Goldstein 1998).
// Weak sentences come after all others; ties go to the earlier sentence.
func (m *model) expectedF1(p []float64, lambda, refLen float64, maxN, budget int) []int {
	weak, never := m.weak()
	g := m.newGreedy(weak, never, maxN, budget, lambda < 1, true)
	pick := func(t float64) ([]int, float64) {
		picked := g.run(func(i int) float64 {
			w := float64(m.words[i])
			return p[i]*w*(1-(1-lambda)*g.maxSim[i]) - t*w
		})
		// a of each pick as it was picked: with its similarity to the
		// sentences picked before it.
		num, den := 0.0, refLen
		for k, i := range picked {
			w := float64(m.words[i])
			num += p[i] * w * (1 - (1-lambda)*g.simAt[k])
			den += w
		}
		if den <= 0 {
			return picked, 0
		}
		return picked, num / den
	}
	picked, t := pick(0)
	for iter := 0; iter < 20; iter++ {
		next, nt := pick(t)
		if !(nt > t+1e-12) {
			break
		}
		picked, t = next, nt
	}
	slices.Sort(picked)
	return picked
}

// mmr picks sentences greedily by maximal marginal relevance (Carbonell &
// Goldstein 1998): λ·rel(s) − (1−λ)·max sim(s, picked), rel min-max
// normalised to [0, 1], until maxN sentences or the word budget (when ≥ 0)
// is used. Weak sentences (see weak) are picked only after all others,
// even those that did not fit the budget. It returns the picked indexes in text order. Ties go to the
// earlier sentence.
func (m *model) mmr(rel []float64, lambda float64, maxN, budget int) []int {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range rel {
		lo, hi = min(lo, v), max(hi, v)
	}
	span := hi - lo
	norm := m.w.f64.make(m.n, m.n)
	if span > 0 && !math.IsInf(span, 0) && !math.IsNaN(span) {
		for i, v := range rel {
			norm[i] = (v - lo) / span
		}
	}
	weak, never := m.weak()
	g := m.newGreedy(weak, never, maxN, budget, true, false)
	picked := g.run(func(i int) float64 { return lambda*norm[i] - (1-lambda)*g.maxSim[i] })
	slices.Sort(picked)
	return picked
}
