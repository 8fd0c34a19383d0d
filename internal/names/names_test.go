package names

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// flags runs Capitals over sentences of space-separated tokens; a token is
// a word when it starts with a letter. It returns the flag of each token.
func flags(sents ...string) []bool {
	var out []bool
	var c Capitals
	for _, s := range sents {
		c.Sentence()
		for _, t := range strings.Fields(s) {
			r, _ := utf8.DecodeRuneInString(t)
			if !isLetter(r) {
				c.Other(t)
				out = append(out, false)
				continue
			}
			out = append(out, c.Word(t))
		}
	}
	return out
}

func isLetter(r rune) bool {
	return strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZÉéÅå", r) || r == utf8.RuneError
}

func TestCapitals(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []bool
	}{{
		// Rule: a capitalised word that does not start its sentence is a name.
		name:  "mid-sentence",
		sents: []string{"Warga Bekasi menanam padi"},
		want:  []bool{false, true, false, false},
	}, {
		// Rule: the first word of each sentence is not a name by its capital alone.
		name:  "sentence-initial",
		sents: []string{"Pemerintah Kota .", "Bekasi banjir"},
		want:  []bool{false, true, false, false, false},
	}, {
		// Rule: a capital after an opening quote, colon, bracket or dash starts a clause.
		name:  "clause openers",
		sents: []string{`kata Joko : Kami " Tidak ( Atau - Ini – Itu — Dan « Ya ‘ Oh “ Eh ' Ah`},
		want: []bool{false, true, false, false, false, false, false, false, false, false,
			false, false, false, false, false, false, false, false, false, false, false, false},
	}, {
		// Rule: only the word right after the opener is initial.
		name:  "opener then names",
		sents: []string{"ujar : Presiden Joko"},
		want:  []bool{false, false, false, true},
	}, {
		// Rule: closing punctuation does not open a clause.
		name:  "comma and closing bracket",
		sents: []string{"di Jakarta , Bandung ) Bogor"},
		want:  []bool{false, true, false, true, false, true},
	}, {
		// Rule: lower-case words are never names by this rule.
		name:  "lower case",
		sents: []string{"bank dunia"},
		want:  []bool{false, false},
	}, {
		// Rule: the capital is a Unicode upper-case letter.
		name:  "non-ASCII capital",
		sents: []string{"kota Éire dan Ångström"},
		want:  []bool{false, true, false, true},
	}}
	for _, tt := range tests {
		got := flags(tt.sents...)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d flags, want %d", tt.name, len(got), len(tt.want))
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: token %d: name %v, want %v", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

func TestCapitalised(t *testing.T) {
	for w, want := range map[string]bool{
		"": false, "Bekasi": true, "bekasi": false, "DPR": true, "Éire": true,
		"élan": false, "1945": false, "\xff": false, "'s": false,
	} {
		if got := Capitalised(w); got != want {
			t.Errorf("Capitalised(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestAt: At agrees with Capitals on every token of the test sentences.
func TestAt(t *testing.T) {
	for _, text := range []string{
		"Warga Bekasi menanam padi",
		`kata Joko : Kami " Tidak ( Atau - Ini – Itu Dan`,
		", Bekasi , Bogor ) Depok",
		"",
	} {
		toks := tokens(text)
		var c Capitals
		c.Sentence()
		for j, tk := range toks {
			var want bool
			if tk.Kind == tokenize.Word {
				want = c.Word(tk.Text)
			} else {
				c.Other(tk.Text)
			}
			if got := At(toks, j); got != want {
				t.Errorf("%q token %d %q: At %v, Capitals %v", text, j, tk.Text, got, want)
			}
		}
	}
}

// tokens splits text at spaces; a token starting with a letter is a word.
func tokens(text string) []tokenize.Token {
	var toks []tokenize.Token
	for _, f := range strings.Fields(text) {
		r, _ := utf8.DecodeRuneInString(f)
		k := tokenize.Punct
		if isLetter(r) {
			k = tokenize.Word
		}
		toks = append(toks, tokenize.Token{Text: f, Kind: k})
	}
	return toks
}

func FuzzCapitals(f *testing.F) {
	f.Add("Warga Bekasi : Kami", "\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		var c Capitals
		c.Sentence()
		if c.Word(a) {
			t.Errorf("initial word %q taken as a name", a)
		}
		c.Other(a)
		if got, want := c.Word(b), !OpensClause(a) && Capitalised(b); got != want {
			t.Errorf("after %q, word %q: name %v, want %v", a, b, got, want)
		}
		toks := []tokenize.Token{{Text: b, Kind: tokenize.Word}, {Text: a, Kind: tokenize.Punct}, {Text: b, Kind: tokenize.Word}}
		if got, want := At(toks, 2), !OpensClause(a) && Capitalised(b); got != want {
			t.Errorf("At after %q, word %q: name %v, want %v", a, b, got, want)
		}
		if At(toks, 0) || At(toks, 1) {
			t.Errorf("At: initial word or non-word %q %q taken as a name", b, a)
		}
	})
}
