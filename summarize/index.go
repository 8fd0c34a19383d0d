package summarize

import "github.com/kabar-id/kabar/tokenize"

// index numbers the content terms of an Input (see contentTerm) in order of
// first occurrence and gives each token its term: what the sentence model
// and Keywords both start from, built once per call (once for both in
// SummaryAndKeywords). It is built for one call and never shared.
type index struct {
	start   []int     // the tokens of sentence i are tok[start[i]:start[i+1]]
	tok     []int32   // term id of each token, -1 for tokens that are not content words
	idf     []float64 // idf weight of each term
	words   []int     // word and number tokens of each sentence
	content int       // tokens that are content words
}

// index builds the index of in. Terms missing from in are filled by s's
// stemmer, as contentTerm does.
func (s *Summarizer) index(in *Input, w *scratch) *index {
	n := len(in.Sentences)
	ntok := 0
	for _, se := range in.Sentences {
		ntok += len(se.Tokens)
	}
	x := &index{start: w.ints.make(n+1, n+1), tok: w.i32.make(ntok, ntok), words: w.ints.make(n, n)}
	// Term ids of the candidate terms seen so far; -1 for a candidate that
	// is not a valid term.
	hint := min(ntok/2, 1<<12) + 1
	vocab := newStrtab(hint, w)
	ids := w.i32.make(0, hint) // term id of each candidate in vocab, -1 when not valid
	x.idf = w.f64.make(0, hint)
	k := 0
	for i := range in.Sentences {
		se := &in.Sentences[i]
		x.start[i] = k
		stems, stop := in.sentence(i)
		words := 0
		for j := range se.Tokens {
			t := &se.Tokens[j]
			id := int32(-1)
			if t.Kind == tokenize.Word {
				words++
				var term string
				var ok bool
				if j < len(stop) && j < len(stems) && stems[j] != "" {
					term, ok = stems[j], !stop[j] // candidate's common case
				} else {
					term, ok = candidate(se.Tokens, j, stems, stop, s)
				}
				if ok {
					h := strHash(term)
					if v := vocab.find(term, h); v >= 0 {
						id = ids[v]
					} else {
						if w, valid := s.idf.weightHashed(term, h); valid || validTerm(term) {
							id = int32(len(x.idf))
							x.idf = append(x.idf, w)
						}
						vocab.add(term, h)
						ids = append(ids, id)
					}
				}
			} else if t.Kind == tokenize.Number {
				words++
			}
			if id >= 0 {
				x.content++
			}
			x.tok[k] = id
			k++
		}
		x.words[i] = words
	}
	x.start[n] = k
	return x
}

// sentence returns the term ids of the tokens of sentence i.
func (x *index) sentence(i int) []int32 { return x.tok[x.start[i]:x.start[i+1]] }
