package kabar

import (
	"testing"
	"unicode/utf8"
)

// FuzzRuneCount: runeCount counts the runes of valid UTF-8 as
// utf8.RuneCountInString does (Stats.Chars; the Analyzer rejects invalid
// text before).
func FuzzRuneCount(f *testing.F) {
	for _, s := range []string{"", "a", "abcdefgh", "Jakarta, KOMPAS.com – “kutip”", "é", "日本語のテキスト12345678", "😀😀😀😀😀", "abcdefg\u00e9hij"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	})
}
