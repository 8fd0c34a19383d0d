package tokenize

import (
	"testing"
)

// tokenCases are the token conventions of issue 2, one rule per case.
var tokenCases = []struct {
	rule string
	in   string
	want []string
	kind []Kind // optional: kinds of the tokens
}{
	// Abbreviations keep their periods (built-in list, abbreviations.txt).
	{"abbreviation: title", "Dr. Budi", []string{"Dr.", "Budi"}, nil},
	{"abbreviation: titles in a row", "Prof. Dr. Ir. H. Hj. Siti", []string{"Prof.", "Dr.", "Ir.", "H.", "Hj.", "Siti"}, nil},
	{"abbreviation: dotted degree", "Budi, S.H., M.Si.", []string{"Budi", ",", "S.H.", ",", "M.Si."}, nil},
	{"abbreviation: address", "Jl. Sudirman No. 5 Kab. Bogor Kec. Cibinong", []string{"Jl.", "Sudirman", "No.", "5", "Kab.", "Bogor", "Kec.", "Cibinong"}, nil},
	{"abbreviation: village address", "Dsn. Kaluwan Dk. Botoh", []string{"Dsn.", "Kaluwan", "Dk.", "Botoh"}, nil},
	{"abbreviation: legal forms", "PT. Maju CV. Jaya Tbk.", []string{"PT.", "Maju", "CV.", "Jaya", "Tbk."}, nil},
	{"abbreviation: lists", "dll. dsb. dst. yth. a.n. tgl. pk.", []string{"dll.", "dsb.", "dst.", "yth.", "a.n.", "tgl.", "pk."}, nil},
	{"abbreviation: Rp. before a number", "Rp. 5.000", []string{"Rp.", "5.000"}, []Kind{Word, Number}},
	{"abbreviation: any case", "DLL. jl.", []string{"DLL.", "jl."}, nil},
	{"abbreviation: unknown word keeps its period apart", "rumah.", []string{"rumah", "."}, nil},
	{"abbreviation: degree written with a space", "Ph. D.", []string{"Ph.", "D."}, nil},
	{"abbreviation: initial", "Joko P. Widodo", []string{"Joko", "P.", "Widodo"}, nil},
	{"abbreviation: dotted initials", "Agus D.W. Martowardojo", []string{"Agus", "D.W.", "Martowardojo"}, nil},
	{"abbreviation: no initial after a hyphen", "APBN-P.", []string{"APBN-P", "."}, nil},
	{"abbreviation: lower-case single letter is not an initial", "huruf a.", []string{"huruf", "a", "."}, nil},

	// Numbers stay whole.
	{"number: thousands", "1.500.000", []string{"1.500.000"}, []Kind{Number}},
	{"number: decimal comma", "2,5", []string{"2,5"}, []Kind{Number}},
	{"number: thousands and decimals", "1.500,75", []string{"1.500,75"}, []Kind{Number}},
	{"number: currency", "Rp1,5 triliun", []string{"Rp", "1,5", "triliun"}, []Kind{Word, Number, Word}},
	{"number: currency with thousands", "Rp1.500.000,-", []string{"Rp", "1.500.000", ",", "-"}, nil},
	{"number: time", "10.30 WIB", []string{"10.30", "WIB"}, []Kind{Number, Word}},
	{"number: time with colon", "pukul 10:30", []string{"pukul", "10:30"}, nil},
	{"number: date", "29/11", []string{"29/11"}, []Kind{Number}},
	{"number: date in brackets", "(29/11)", []string{"(", "29/11", ")"}, []Kind{Punct, Number, Punct}},
	{"number: date with year", "29/11/2023", []string{"29/11/2023"}, nil},
	{"number: not a date", "41/1999", []string{"41", "/", "1999"}, nil},
	{"number: date with month name", "23-Aug", []string{"23-Aug"}, []Kind{Number}},
	{"number: decade", "1990-an", []string{"1990-an"}, []Kind{Number}},
	{"number: range", "5-10", []string{"5", "-", "10"}, nil},
	{"number: percent", "50%", []string{"50", "%"}, []Kind{Number, Symbol}},
	{"number: sentence end", "tahun 2007.", []string{"tahun", "2007", "."}, nil},
	{"number: ordinal", "ke-18", []string{"ke-18"}, []Kind{Word}},
	{"number: alphanumeric", "4G CuSO4 2ZR", []string{"4G", "CuSO4", "2ZR"}, []Kind{Word, Word, Word}},
	{"number: superscript", "34 km²", []string{"34", "km²"}, nil},

	// Reduplication stays one token.
	{"reduplication: full", "faksi-faksi kupu-kupu Orang-orang", []string{"faksi-faksi", "kupu-kupu", "Orang-orang"}, nil},
	{"reduplication: sound change", "sayur-mayur bolak-balik warna-warni", []string{"sayur-mayur", "bolak-balik", "warna-warni"}, nil},
	{"reduplication: with clitic", "malaikat-malaikat-Nya", []string{"malaikat-malaikat-Nya"}, nil},
	{"reduplication: with affixes", "besar-besaran sehari-hari kawan-kawannya dicita-citakan", []string{"besar-besaran", "sehari-hari", "kawan-kawannya", "dicita-citakan"}, nil},
	{"reduplication: reciprocal", "tarik-menarik bahu-membahu", []string{"tarik-menarik", "bahu-membahu"}, nil},
	{"reduplication: listed pair", "hiruk-pikuk", []string{"hiruk-pikuk"}, nil},
	{"reduplication: hyphenated clitic", "hamba-Ku anime-nya", []string{"hamba-Ku", "anime-nya"}, nil},
	{"hyphen: compound is split", "Jakarta-Bandung", []string{"Jakarta", "-", "Bandung"}, nil},
	{"hyphen: bound prefix", "non-migas anti-korupsi", []string{"non-migas", "anti-korupsi"}, nil},
	{"hyphen: lower-case compound (both treebanks keep play-off, profit-taking)", "play-off penyalah-gunaan", []string{"play-off", "penyalah-gunaan"}, nil},
	{"hyphen: short prefix before a capital (PUEBI)", "se-Indonesia e-KTP pasca-Reformasi", []string{"se-Indonesia", "e-KTP", "pasca-Reformasi"}, nil},
	{"hyphen: longer lower-case word before a capital is split", "pemerintah-DPR", []string{"pemerintah", "-", "DPR"}, nil},
	{"hyphen: capitalised first word is split", "Januari-September RI-Jepang", []string{"Januari", "-", "September", "RI", "-", "Jepang"}, nil},
	{"hyphen: acronym variant", "APBN-P", []string{"APBN-P"}, nil},

	// Clitics stay in the token.
	{"clitic: kept in the token", "perjuangannya", []string{"perjuangannya"}, nil},

	// Quotes, ellipses, dashes, brackets.
	{"quote: straight", `"Ya," katanya.`, []string{`"`, "Ya", ",", `"`, "katanya", "."}, nil},
	{"quote: curly", "“Ya,” katanya.", []string{"“", "Ya", ",", "”", "katanya", "."}, nil},
	{"quote: single", "‘Ya’", []string{"‘", "Ya", "’"}, nil},
	{"quote: apostrophe inside a word", "Jum'at Qur’an", []string{"Jum'at", "Qur’an"}, nil},
	{"ellipsis: three periods", "tapi... dia", []string{"tapi", "...", "dia"}, nil},
	{"ellipsis: character", "tapi… dia", []string{"tapi", "…", "dia"}, nil},
	{"ellipsis: four periods", "dia....", []string{"dia", "...", "."}, nil},
	{"dash: en and em", "Jakarta – Bandung — Bogor", []string{"Jakarta", "–", "Bandung", "—", "Bogor"}, nil},
	{"dash: double hyphen", "dia -- kata", []string{"dia", "--", "kata"}, nil},
	{"bracket: all kinds", "([{x}])", []string{"(", "[", "{", "x", "}", "]", ")"}, nil},

	// URLs, e-mail addresses, mentions, hashtags and emoji stay whole.
	{"url: scheme", "lihat https://kompas.com/read/2023/04/08/a-b?x=1#y.", []string{"lihat", "https://kompas.com/read/2023/04/08/a-b?x=1#y", "."}, []Kind{Word, URL, Punct}},
	{"url: host name", "KOMPAS.com - kabaraku.com, www.detik.com", []string{"KOMPAS.com", "-", "kabaraku.com", ",", "www.detik.com"}, []Kind{URL, Punct, URL, Punct, URL}},
	{"url: hyphen in a host name", "Tribun-Medan.com, tribun-medan.com/berita dan anak-anak.", []string{"Tribun-Medan.com", ",", "tribun-medan.com/berita", "dan", "anak-anak", "."}, []Kind{URL, Punct, URL, Word, Word, Punct}},
	{"url: brackets", "(https://id.wikipedia.org/wiki/Batik_(kain))", []string{"(", "https://id.wikipedia.org/wiki/Batik_(kain)", ")"}, nil},
	{"email", "nama.belakang@contoh.co.id.", []string{"nama.belakang@contoh.co.id", "."}, []Kind{Email, Punct}},
	{"mention", "@jokowi: ya", []string{"@jokowi", ":", "ya"}, []Kind{Mention, Punct, Word}},
	{"hashtag", "#PemiluDamai2024!", []string{"#PemiluDamai2024", "!"}, []Kind{Hashtag, Punct}},
	{"hashtag: digits only is not one", "#1", []string{"#", "1"}, []Kind{Symbol, Number}},
	{"emoji: single", "Mantap👍", []string{"Mantap", "👍"}, []Kind{Word, Emoji}},
	{"emoji: skin tone", "👍🏽", []string{"👍🏽"}, []Kind{Emoji}},
	{"emoji: ZWJ family", "👨‍👩‍👧", []string{"👨‍👩‍👧"}, []Kind{Emoji}},
	{"emoji: flag", "🇮🇩🇲🇾", []string{"🇮🇩", "🇲🇾"}, []Kind{Emoji, Emoji}},
	{"emoji: keycap", "1️⃣", []string{"1️⃣"}, []Kind{Emoji}},
	{"emoji: text symbol stays a symbol", "© 2023", []string{"©", "2023"}, []Kind{Symbol, Number}},

	// Gaps and invalid input.
	{"gap: no-break and zero-width spaces", "a\u00a0b\u200bc", []string{"a", "b", "c"}, nil},
	{"gap: control characters", "a\x00b", []string{"a", "b"}, nil},
	{"invalid: each bad byte is a token", "ab\xff\xfecd", []string{"ab", "\xff", "\xfe", "cd"}, []Kind{Word, Invalid, Invalid, Word}},
	{"invalid: truncated sequence", "a\xe2\x80", []string{"a", "\xe2", "\x80"}, []Kind{Word, Invalid, Invalid}},
}

func TestTokens(t *testing.T) {
	for _, c := range tokenCases {
		toks := Tokens(c.in)
		checkInvariants(t, c.in, toks)
		if got := tokTexts(toks); !equalStrings(got, c.want) {
			t.Errorf("%s: Tokens(%q)\n got %q\nwant %q", c.rule, c.in, got, c.want)
			continue
		}
		if c.kind != nil {
			for i, tok := range toks {
				if tok.Kind != c.kind[i] {
					t.Errorf("%s: Tokens(%q)[%d] = %q is %v, want %v", c.rule, c.in, i, tok.Text, tok.Kind, c.kind[i])
				}
			}
		}
	}
}

func TestAbbreviationOptions(t *testing.T) {
	_, err := New(WithAbbreviations("Kol.", "Gub."), WithAbbreviationClass(Final, "dkk2."))
	if err == nil {
		t.Fatalf("New accepted the abbreviation %q with a digit", "dkk2.")
	}
	tk, err := New(WithAbbreviations("Kol.", "Gub."))
	if err != nil {
		t.Fatal(err)
	}
	if got := tokTexts(tk.Tokens("Kol. Budi")); !equalStrings(got, []string{"Kol.", "Budi"}) {
		t.Errorf("WithAbbreviations: got %q", got)
	}
	if got := sentTexts(tk.Sentences("Bertemu Gub. Anies di sana.")); len(got) != 1 {
		t.Errorf("a title added by WithAbbreviations ended a sentence: %q", got)
	}
	if got := tokTexts(Default().Tokens("Kol. Budi")); !equalStrings(got, []string{"Kol.", "Budi"}) {
		t.Logf("built-in list already knows Kol.: %q", got)
	}
	bare, err := New(WithoutDefaultAbbreviations())
	if err != nil {
		t.Fatal(err)
	}
	if got := tokTexts(bare.Tokens("Dr. Budi")); !equalStrings(got, []string{"Dr", ".", "Budi"}) {
		t.Errorf("WithoutDefaultAbbreviations: got %q", got)
	}
	if c := Default().Abbreviation("DLL."); c != Final {
		t.Errorf("Abbreviation(DLL.) = %v, want final", c)
	}
	for _, bad := range []string{"", "Dr", ".", "a..b.", "Dr 2.", "Ä."} {
		if _, err := New(WithAbbreviations(bad)); err == nil {
			t.Errorf("WithAbbreviations(%q) was accepted", bad)
		}
	}
	if _, err := New(WithAbbreviationClass(Initial, "X.")); err == nil {
		t.Errorf("WithAbbreviationClass(Initial) was accepted")
	}
}

func TestKindText(t *testing.T) {
	for k := Invalid; k <= Emoji; k++ {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("Kind %d: round trip through %q gave %v, %v", k, b, back, err)
		}
	}
	var k Kind
	if err := k.UnmarshalText([]byte("abbrev")); err == nil {
		t.Errorf("UnmarshalText(abbrev) accepted an unknown kind")
	}
	if s := Kind(99).String(); s != "kind(99)" {
		t.Errorf("Kind(99).String() = %q", s)
	}
}
