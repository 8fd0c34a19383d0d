package kabar

import (
	"testing"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/tokenize"
)

// TestNameFlags checks which words are protected from stemming as names.
func TestNameFlags(t *testing.T) {
	tok := func(text string, start int, kind tokenize.Kind, sent int) Token {
		return Token{Text: text, Start: start, End: start + len(text), Kind: kind, Sentence: sent}
	}
	w, p := tokenize.Word, tokenize.Punct
	tests := []struct {
		name     string
		toks     []Token
		mentions []entities.Mention
		want     []bool
	}{{
		// Rule: a capitalised word that does not start its sentence is a name.
		name: "capitalised mid-sentence",
		toks: []Token{tok("Warga", 0, w, 0), tok("Bekasi", 6, w, 0), tok("menanam", 13, w, 0)},
		want: []bool{false, true, false},
	}, {
		// Rule: the first word of each sentence is not a name by its capital alone.
		name: "sentence-initial",
		toks: []Token{tok("Pemerintah", 0, w, 0), tok(".", 10, p, 0), tok("Bekasi", 12, w, 1)},
		want: []bool{false, false, false},
	}, {
		// Rule: a word inside a PER, ORG or LOC mention is a name, also sentence-initial.
		name:     "inside a mention",
		toks:     []Token{tok("Bekasi", 0, w, 0), tok("banjir", 7, w, 0)},
		mentions: []entities.Mention{{Text: "Bekasi", Label: entities.LOC, Start: 0, End: 6}},
		want:     []bool{true, false},
	}, {
		// Rule: DATE and other rule labels do not make names.
		name:     "date mention",
		toks:     []Token{tok("pada", 0, w, 0), tok("Senin", 5, w, 0), tok("pagi", 11, w, 0)},
		mentions: []entities.Mention{{Text: "Senin pagi", Label: entities.DATE, Start: 5, End: 15}},
		want:     []bool{false, true, false},
	}, {
		// Rule: after an opening quote or a colon a capital starts a clause.
		name: "after a quote",
		toks: []Token{tok("kata", 0, w, 0), tok(":", 4, p, 0), tok("Kami", 6, w, 0), tok("\"", 11, p, 0), tok("Tidak", 12, w, 0)},
		want: []bool{false, false, false, false, false},
	}, {
		// Rule: lower-case words are not names unless inside a mention.
		name:     "lower case in a mention",
		toks:     []Token{tok("bank", 0, w, 0), tok("dunia", 5, w, 0)},
		mentions: []entities.Mention{{Text: "dunia", Label: entities.ORG, Start: 5, End: 10}},
		want:     []bool{false, true},
	}}
	for _, tt := range tests {
		got := nameFlags(tt.toks, tt.mentions)
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%s: token %q: name %v, want %v", tt.name, tt.toks[i].Text, got[i], tt.want[i])
			}
		}
	}
}

// nameFlags runs names over toks, whose Sentence fields say where
// sentences start, and returns the flag of each token (false for tokens
// other than words).
func nameFlags(toks []Token, mentions []entities.Mention) []bool {
	flags := make([]bool, len(toks))
	nm := names{mentions: mentions}
	for i, t := range toks {
		if i == 0 || t.Sentence != toks[i-1].Sentence {
			nm.sentence()
		}
		if t.Kind != tokenize.Word {
			nm.other(t.Text)
			continue
		}
		flags[i] = nm.word(tokenize.Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind})
	}
	return flags
}
