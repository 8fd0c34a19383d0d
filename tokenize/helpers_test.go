package tokenize

import (
	"testing"
	"unicode/utf8"
)

func tokTexts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func sentTexts(ss []Sentence) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkInvariants checks the offset contract on the tokens and sentences
// of text: spans in bounds, increasing, slicing back to their text, and
// only gap characters between tokens.
func checkInvariants(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d %q: span [%d,%d) out of order or bounds (prev end %d, len %d)", i, tok.Text, tok.Start, tok.End, prev, len(text))
		}
		if text[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, text[tok.Start:tok.End], tok.Text)
		}
		if g := text[prev:tok.Start]; !isGapString(g) {
			t.Fatalf("token %d %q: gap before it %q holds non-gap characters", i, tok.Text, g)
		}
		if tok.Kind == Invalid && (len(tok.Text) != 1 || utf8.ValidString(tok.Text)) {
			t.Fatalf("token %d: Invalid token %q is not one invalid byte", i, tok.Text)
		}
		if tok.Kind != Invalid && !utf8.ValidString(tok.Text) {
			t.Fatalf("token %d: %v token %q holds invalid UTF-8", i, tok.Kind, tok.Text)
		}
		prev = tok.End
	}
	if g := text[prev:]; !isGapString(g) {
		t.Fatalf("trailing gap %q holds non-gap characters", g)
	}
}

func isGapString(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !IsGap(r) {
			return false
		}
		i += n
	}
	return true
}

func checkSentences(t testing.TB, text string, ss []Sentence) []Token {
	t.Helper()
	var all []Token
	prev := 0
	for i, s := range ss {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d %q has no tokens", i, s.Text)
		}
		if s.Start < prev || s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End || text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d %q: bad span [%d,%d)", i, s.Text, s.Start, s.End)
		}
		prev = s.End
		all = append(all, s.Tokens...)
	}
	checkInvariants(t, text, all)
	return all
}
