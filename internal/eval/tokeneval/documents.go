package tokeneval

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Span is a byte span [Start, End) of a document.
type Span struct{ Start, End int }

// Doc is a document rebuilt from treebank sentences, with its gold units.
type Doc struct {
	Text      string
	Tokens    []Span
	Words     []Span // a word that cannot be placed has Start = End = -1
	Sentences []Span
	IDs       []string // sentence ids, in order
}

// Layout says how the sentences of a document are separated.
type Layout int

// Layouts.
const (
	News  Layout = iota // a space after a sentence with final punctuation, else a line break
	RunOn               // a space after every sentence
)

func (l Layout) String() string {
	if l == RunOn {
		return "run-on"
	}
	return "news"
}

// DocSize is the number of sentences per document.
const DocSize = 10

// endsSentence reports whether text ends with . ? ! or … before any closing
// quotes or brackets.
func endsSentence(text string) bool {
	for text != "" {
		r, n := utf8.DecodeLastRuneInString(text)
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»':
			text = text[:len(text)-n]
			continue
		case '.', '?', '!', '…':
			return true
		}
		return false
	}
	return false
}

// Documents groups sentences into documents of size sentences (the last
// may be shorter) laid out by l, with the gold spans of every unit.
func Documents(sents []UDSentence, size int, l Layout) ([]Doc, error) {
	var docs []Doc
	for i := 0; i < len(sents); i += size {
		grp := sents[i:min(i+size, len(sents))]
		var b strings.Builder
		var d Doc
		for j, s := range grp {
			if j > 0 {
				if l == News && !endsSentence(grp[j-1].Text) {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			off := b.Len()
			b.WriteString(s.Text)
			d.Sentences = append(d.Sentences, Span{off, off + len(s.Text)})
			d.IDs = append(d.IDs, s.ID)
			pos := 0
			for _, t := range s.Tokens {
				for pos < len(s.Text) && (s.Text[pos] == ' ' || s.Text[pos] == '\t') {
					pos++
				}
				if !strings.HasPrefix(s.Text[pos:], t.Form) {
					return nil, fmt.Errorf("sentence %s: token %q not found at byte %d of %q", s.ID, t.Form, pos, s.Text)
				}
				start := off + pos
				pos += len(t.Form)
				d.Tokens = append(d.Tokens, Span{start, off + pos})
				if strings.Join(t.Words, "") == t.Form {
					w := start
					for _, word := range t.Words {
						d.Words = append(d.Words, Span{w, w + len(word)})
						w += len(word)
					}
				} else {
					for range t.Words {
						d.Words = append(d.Words, Span{-1, -1})
					}
				}
			}
		}
		d.Text = b.String()
		docs = append(docs, d)
	}
	return docs, nil
}
