package tokeneval

import (
	"regexp"
	"unicode"
	"unicode/utf8"
)

// innerEnd matches a sentence end inside a line: a lower-case word or a
// number, then . ? or ! and any closing quotes or brackets, a space and a
// capitalised word. It does not depend on kabar's rules or lists: the word
// before the mark is in lower case, so titles (Dr., Prof.) do not match.
var innerEnd = regexp.MustCompile(`(?:\p{Ll}{2,}|[0-9]{2,})[.?!]["”’)]*\s+\p{Lu}\p{Ll}`)

// Artefact says why a treebank line is not one plain sentence.
type Artefact int

// Artefacts.
const (
	Clean      Artefact = iota
	TwoOrMore           // the line holds a sentence end followed by another sentence
	LowerStart          // the line starts with a lower-case letter (a fragment)
)

// ArtefactOf classifies the raw text of a treebank line.
func ArtefactOf(text string) Artefact {
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsLower(r) {
		return LowerStart
	}
	if innerEnd.MatchString(text) {
		return TwoOrMore
	}
	return Clean
}
