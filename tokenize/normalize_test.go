package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var normalizeCases = []struct {
	rule, in, want string
}{
	{"unchanged", "Dia datang.", "Dia datang."},
	{"NFC", "Jose\u0301 cafe\u0301", "José café"},
	{"curly double quotes", "“Ya,” katanya „oke‟", `"Ya," katanya "oke"`},
	{"curly single quotes", "‘Ya’ Jum’at", "'Ya' Jum'at"},
	{"no-break spaces", "Rp\u00a05.000\u202fjuta", "Rp 5.000 juta"},
	{"zero-width spaces", "peme\u200brintah\ufeff", "pemerintah"},
	{"soft hyphen", "ber\u00adkata", "berkata"},
	{"invalid UTF-8 kept", "a\xffb “c”", "a\xffb \"c\""},
}

func TestNormalize(t *testing.T) {
	for _, c := range normalizeCases {
		got, m := Normalize(c.in)
		if got != c.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", c.rule, c.in, got, c.want)
		}
		if got == c.in && m != nil {
			t.Errorf("%s: Normalize returned a map for an unchanged text", c.rule)
		}
		checkOffsetMap(t, c.in, got, m)
	}
}

func TestNormalizeTokens(t *testing.T) {
	orig := "“Peme\u200brintah” menaikkan\u00a0harga Rp1,5\u202ftriliun, kata Jose\u0301."
	n, m := Normalize(orig)
	want := []string{"“", "Peme\u200brintah", "”", "menaikkan", "harga", "Rp", "1,5", "triliun", ",", "kata", "Jose\u0301", "."}
	var got []string
	for _, tok := range Tokens(n) {
		got = append(got, m.Token(orig, tok).Text)
	}
	if !equalStrings(got, want) {
		t.Errorf("tokens of the normalised text, mapped back:\n got %q\nwant %q", got, want)
	}
}

// checkOffsetMap checks that every span of the normalised text maps to a
// span of the original that starts and ends at character boundaries, in
// order.
func checkOffsetMap(t testing.TB, orig, norm string, m *OffsetMap) {
	t.Helper()
	bound := func(s string, i int) bool { return i == 0 || i == len(s) || utf8.RuneStart(s[i]) }
	var cuts []int
	for i := 0; i <= len(norm); i++ {
		if bound(norm, i) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) > 60 {
		cuts = cuts[:60]
	}
	for _, a := range cuts {
		for _, b := range cuts {
			if b < a {
				continue
			}
			oa, ob := m.Original(a, b)
			if oa < 0 || ob < oa || ob > len(orig) {
				t.Fatalf("Original(%d,%d) = (%d,%d) out of range for %q → %q", a, b, oa, ob, orig, norm)
			}
			if utf8.ValidString(orig) && (!bound(orig, oa) || !bound(orig, ob)) {
				t.Fatalf("Original(%d,%d) = (%d,%d) splits a character of %q", a, b, oa, ob, orig)
			}
			if a < b {
				if n2, _ := Normalize(orig[oa:ob]); !strings.Contains(n2, strings.Trim(norm[a:b], " \"'")) && utf8.ValidString(norm[a:b]) && len(norm[a:b]) > 0 && !strings.ContainsAny(norm[a:b], " \"'") {
					t.Fatalf("Original(%d,%d): %q normalises to %q, which does not hold %q", a, b, orig[oa:ob], n2, norm[a:b])
				}
			}
		}
	}
	if m != nil {
		if a, b := m.Original(0, len(norm)); a != 0 || b > len(orig) {
			t.Fatalf("Original(0, len) = (%d,%d)", a, b)
		}
	}
}
