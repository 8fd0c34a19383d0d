package entities

import "github.com/kabar-id/kabar/tokenize"

func (r *Recognizer) appendUser(text string, toks []tokenize.Token, s *scratch, cands []cand) []cand {
	return cands
}
