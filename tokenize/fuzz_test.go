package tokenize

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
)

// fuzzSeeds adds the inputs of the table tests, pieces of the seed article
// and malformed UTF-8 to a fuzz corpus.
func fuzzSeeds(f *testing.F) {
	for _, c := range tokenCases {
		f.Add(c.in)
	}
	for _, c := range sentenceCases {
		f.Add(c.in)
	}
	for _, c := range normalizeCases {
		f.Add(c.in)
	}
	seed := seedArticle(f)
	for i := 0; i+400 <= len(seed); i += 400 {
		f.Add(seed[i : i+400])
	}
	for _, s := range []string{"\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80", "a\x00b", "\ufeff“x.” Y", "((\"a. B", "http://x.com/(a))."} {
		f.Add(s)
	}
}

// FuzzTokens checks the offset contract: offsets in bounds and increasing,
// slicing back to the token text, only gap characters between tokens (so
// tokens and gaps rebuild the input), and All, Tokens and Iterator agree.
func FuzzTokens(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text)
		checkInvariants(t, text, toks)
		var b strings.Builder
		prev := 0
		for _, tok := range toks {
			b.WriteString(text[prev:tok.Start])
			b.WriteString(tok.Text)
			prev = tok.End
		}
		b.WriteString(text[prev:])
		if b.String() != text {
			t.Fatalf("tokens and gaps do not rebuild %q", text)
		}
		var it []Token
		for i := Default().Iterator(text); i.Next(); {
			it = append(it, i.Token())
		}
		if !equalTokens(it, toks) {
			t.Fatalf("Iterator and Tokens disagree on %q", text)
		}
	})
}

// FuzzSentences checks sentences, words and normalisation on any input.
func FuzzSentences(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkAll(t, text)
	})
}

// FuzzStream checks that the Scanner, fed in small pieces, yields what
// Sentences yields.
func FuzzStream(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		want := Sentences(text)
		for _, r := range []func() *Scanner{
			func() *Scanner { return Default().NewScanner(iotest.OneByteReader(strings.NewReader(text))) },
			func() *Scanner { return Default().NewScanner(iotest.HalfReader(strings.NewReader(text))) },
		} {
			got := scanAll(t, r())
			if i, ok := sameSentences(got, want); !ok {
				t.Fatalf("Scanner and Sentences differ on %q at sentence %d:\n got %+v\nwant %+v", text, i, at(got, i), at(want, i))
			}
		}
	})
}

// FuzzReadAbbreviations checks that the list loader never panics and that
// what it accepts can be used.
func FuzzReadAbbreviations(f *testing.F) {
	f.Add([]byte(abbreviationsTxt[:600]))
	f.Add([]byte("Kol.\ttitle\nx final\n# c\n"))
	f.Add([]byte("A.B.\tsuffix"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tk, err := New(ReadAbbreviations(bytes.NewReader(data)))
		if err != nil {
			return
		}
		checkInvariants(t, string(data), tk.Tokens(string(data)))
	})
}
