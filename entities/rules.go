package entities

import "github.com/kabar-id/kabar/tokenize"

func appendRules(text string, toks []tokenize.Token, cands []cand) []cand { return cands }
