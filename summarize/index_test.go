package summarize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// validTermRef is the definition validTerm implements in one pass.
func validTermRef(term string) bool {
	letter := false
	for _, r := range term {
		letter = letter || unicode.IsLetter(r)
	}
	return utf8.RuneCountInString(term) >= 2 && letter && !strings.ContainsAny(term, " \t\n\r")
}

// TestValidTerm: two runes or more, a letter, no white space.
func TestValidTerm(t *testing.T) {
	for _, c := range []struct {
		term string
		want bool
	}{
		{"", false}, {"a", false}, {"ab", true}, {"a1", true}, {"12", false}, {"é", false}, {"éa", true},
		{"1é", true}, {"a b", false}, {"ab\t", false}, {"ab\n", false}, {"ab\r", false}, {"4g", true},
		{"\xffa", true}, {"\xff\xff", false}, {"日本", true}, {"--", false}, {"a\u00a0", true}, {"١٢", false},
	} {
		if got := validTerm(c.term); got != c.want || got != validTermRef(c.term) {
			t.Errorf("validTerm(%q) = %v, want %v (reference %v)", c.term, got, c.want, validTermRef(c.term))
		}
	}
}

// FuzzValidTerm: validTerm agrees with its definition on any string.
func FuzzValidTerm(f *testing.F) {
	for _, s := range []string{"ab", "a b", "\xffa", "日本", "1é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validTerm(s) != validTermRef(s) {
			t.Errorf("validTerm(%q) = %v, definition says %v", s, validTerm(s), validTermRef(s))
		}
	})
}
