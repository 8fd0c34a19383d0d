package tokenize

import "testing"

// cliticCases follow UD Indonesian's syntactic words (GSD, CSUI), one rule
// per case.
var cliticCases = []struct {
	rule string
	word string
	want []string
}{
	{"enclitic -nya", "perjuangannya", []string{"perjuangan", "nya"}},
	{"enclitic -nya, capitalised", "Menurutnya", []string{"Menurut", "nya"}},
	{"enclitic -ku", "namaku", []string{"nama", "ku"}},
	{"enclitic -mu", "kepadamu", []string{"kepada", "mu"}},
	{"particle -lah", "Itulah", []string{"Itu", "lah"}},
	{"particle -kah", "apakah", []string{"apa", "kah"}},
	{"particle -tah after a question word", "apatah", []string{"apa", "tah"}},
	{"particle -pun", "apapun", []string{"apa", "pun"}},
	{"proclitic ku-", "kulihat", []string{"ku", "lihat"}},
	{"proclitic kau-", "kaubawa", []string{"kau", "bawa"}},
	{"proclitic and enclitic", "kuambilnya", []string{"ku", "ambil", "nya"}},
	{"hyphenated clitic", "hamba-Ku", []string{"hamba-", "Ku"}},
	{"reduplication with clitic", "kawan-kawannya", []string{"kawan-kawan", "nya"}},
	{"lexicalised: hanya", "hanya", []string{"hanya"}},
	{"lexicalised: sebelumnya", "sebelumnya", []string{"sebelumnya"}},
	{"lexicalised: meskipun", "meskipun", []string{"meskipun"}},
	{"root ending in -lah", "sekolah", []string{"sekolah"}},
	{"prefix plus root ending in -lah", "bermasalah", []string{"bermasalah"}},
	{"prefix plus root ending in -mu", "bertemu", []string{"bertemu"}},
	{"name with Allah", "Abdullah", []string{"Abdullah"}},
	{"short host stays", "buku", []string{"buku"}},
	{"ku- only before a listed verb", "kuat", []string{"kuat"}},
	{"kau- root", "kaum", []string{"kaum"}},
	{"not a word", "2024", []string{"2024"}},
}

func TestClitics(t *testing.T) {
	for _, c := range cliticCases {
		text := "x " + c.word + " y"
		var words []Token
		for _, tok := range Tokens(text) {
			words = Default().AppendWords(words, tok)
		}
		checkInvariants(t, text, words)
		got := tokTexts(words[1 : len(words)-1])
		if !equalStrings(got, c.want) {
			t.Errorf("%s: words of %q = %q, want %q", c.rule, c.word, got, c.want)
		}
	}
	if got := tokTexts(Default().Words("Menurutnya, itulah perjuangannya.")); !equalStrings(got, []string{"Menurut", "nya", ",", "itu", "lah", "perjuangan", "nya", "."}) {
		t.Errorf("Words: got %q", got)
	}
}
