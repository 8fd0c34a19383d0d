package entities

import (
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// appendUser appends the matches of the user's gazetteer as candidates.
// s.info holds the sentence's token information from the model's pass.
func (r *Recognizer) appendUser(text string, toks []tokenize.Token, s *scratch, cands []cand) []cand {
	g := r.user
	s.low = s.low[:0]
	for i := range toks {
		s.low = append(s.low, s.info[i].low)
	}
	mixed := s.mode == modeMixed
	for i := 0; i < len(toks); {
		end, idx := g.match(s.low, i)
		if end < 0 {
			i++
			continue
		}
		if mixed && g.cased[idx] {
			if r, _ := utf8.DecodeRuneInString(toks[i].Text); !unicode.IsUpper(r) {
				i++
				continue
			}
		}
		// Only whole tokens next to each other: "Uni Emirat Arab" but not
		// across a sentence's gap of other text.
		cands = append(cands, cand{TokenSpan: TokenSpan{Start: i, End: end, Label: g.labels[idx]}, prio: prioUser, score: 1})
		i = end
	}
	return cands
}
