package names

import (
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// Capitals tells, word by word in text order, whether a word is a name by
// its capital: capitalised where it does not start its sentence or a
// clause. Call Sentence at the start of each sentence, Other for each token
// that is not a word and Word for each word. The zero Capitals is ready for
// use; call Sentence before the first word.
type Capitals struct {
	initial bool // the next word starts a sentence or a clause
}

// Sentence starts a new sentence: the next word is initial.
func (c *Capitals) Sentence() { c.initial = true }

// Other takes a token other than a word; after one that opens a clause
// ([OpensClause]) the next word is initial.
func (c *Capitals) Other(tok string) {
	if OpensClause(tok) {
		c.initial = true
	}
}

// Word takes the next word and reports whether it is capitalised where it
// does not start a sentence or a clause.
func (c *Capitals) Word(w string) bool {
	name := !c.initial && Capitalised(w)
	c.initial = false
	return name
}

// OpensClause reports whether a capitalised word after tok may be
// capitalised because it starts a clause: after an opening quote, a colon,
// an opening bracket or a dash.
func OpensClause(tok string) bool {
	switch tok {
	case "\"", "“", "'", "‘", ":", "(", "-", "–", "—", "«":
		return true
	}
	return false
}

// Capitalised reports whether w starts with an upper-case letter.
func Capitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// At reports whether token j of a sentence's tokens is a word that is a
// name by its capital, as [Capitals] run over toks would say. It looks back
// only to the previous word, so calling it for every token of a sentence
// costs time linear in the sentence.
func At(toks []tokenize.Token, j int) bool {
	if toks[j].Kind != tokenize.Word || !Capitalised(toks[j].Text) {
		return false
	}
	for k := j - 1; k >= 0; k-- {
		if toks[k].Kind == tokenize.Word {
			return true
		}
		if OpensClause(toks[k].Text) {
			return false
		}
	}
	return false
}
