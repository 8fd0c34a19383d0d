package entities

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

// testTokenRE tokenizes like a news tokenizer: words and numbers keep their
// inner separators (10.30, 1,5, 29/11, Rp1,5), other runes stand alone.
var testTokenRE = regexp.MustCompile(`[\p{L}\p{N}]+(?:[.,/:'\-][\p{L}\p{N}]+)*|\S`)

// testSentences returns text as one sentence of such tokens, so that the
// rule tests do not depend on package tokenize's current splitting.
func testSentences(text string) []tokenize.Sentence {
	var toks []tokenize.Token
	for _, loc := range testTokenRE.FindAllStringIndex(text, -1) {
		toks = append(toks, tokenize.Token{Text: text[loc[0]:loc[1]], Start: loc[0], End: loc[1], Kind: tokenize.Word})
	}
	if len(toks) == 0 {
		return nil
	}
	st, en := toks[0].Start, toks[len(toks)-1].End
	return []tokenize.Sentence{{Text: text[st:en], Start: st, End: en, Tokens: toks}}
}

// TestRules has one case per rule of rules.go; each names the rule it
// exercises. Mentions are "LABEL text"; only rule labels are compared.
func TestRules(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		rule, text string
		want       []string
	}{
		{"DATE day (d/m)", "Pertemuan pada hari Selasa (29/11) tersebut.", []string{"DATE Selasa (29/11)"}},
		{"DATE day (d/m/y)", "Raker digelar Senin (25/8/2014) di Jakarta.", []string{"DATE Senin (25/8/2014)"}},
		{"DATE d month y", "Ia lahir pada 28 November 2016 di Bogor.", []string{"DATE 28 November 2016"}},
		{"DATE d month", "Rapat digelar 17 Agustus lalu.", []string{"DATE 17 Agustus"}},
		{"DATE day, d month y", "Acara itu digelar Sabtu, 28 November 2016.", []string{"DATE Sabtu, 28 November 2016"}},
		{"DATE month y", "Sejak Januari 2020 harga naik.", []string{"DATE Januari 2020"}},
		{"DATE bulan month", "Ia meminta dukungan pada bulan September yang lalu.", []string{"DATE bulan September"}},
		{"DATE tahun year", "Gaddafi digulingkan pada tahun 2011 silam.", []string{"DATE tahun 2011"}},
		{"DATE tahun year range", "Ia menjabat tahun 2005-2006.", []string{"DATE tahun 2005-2006"}},
		{"DATE edge year", "Pertemuan dimulai sejak awal 2006.", []string{"DATE awal 2006"}},
		{"DATE edge period deictic", "Haftar memimpin pada awal tahun ini.", []string{"DATE awal tahun ini"}},
		{"DATE period deictic", "Juara dunia pada tahun lalu.", []string{"DATE tahun lalu"}},
		{"DATE , Day .", "Hal itu dikatakannya di Jakarta, Sabtu.", []string{"DATE Sabtu"}},
		{"DATE (d/m/y) alone", "Laporan itu terbit (29/10/2013) pagi.", []string{"DATE (29/10/2013)"}},
		{"DATE d/m/y", "Surat bertanggal 29/10/2013 itu.", []string{"DATE 29/10/2013"}},
		{"DATE English page date", "Sat, Apr 8, 2023", []string{"DATE Sat, Apr 8, 2023"}},
		{"DATE page day name alone", "Sat.", []string{"DATE Sat"}},
		{"TIME hh.mm zone", "Gempa terjadi 10.30 WIB tadi.", []string{"TIME 10.30 WIB"}},
		{"TIME pukul hh.mm", "Rapat dimulai pukul 08.00 pagi.", []string{"TIME pukul 08.00"}},
		{"TIME pukul hh:mm zone", "Pesawat mendarat pukul 14:45 WITA.", []string{"TIME pukul 14:45 WITA"}},
		{"MONEY Rp space scale", "Anggaran Rp 1,5 triliun disetujui.", []string{"MONEY Rp 1,5 triliun"}},
		{"MONEY Rp glued", "Anggaran Rp1,5 triliun disetujui.", []string{"MONEY Rp1,5 triliun"}},
		{"MONEY Rp.", "Harganya Rp. 25.000 per kilo.", []string{"MONEY Rp. 25.000"}},
		{"MONEY US$", "Investasi US$3 juta masuk.", []string{"MONEY US$3 juta"}},
		{"MONEY $", "Penjualan senilai $1.4 miliar.", []string{"MONEY $1.4 miliar"}},
		{"MONEY number currency", "Utang 3 juta dolar AS dibayar.", []string{"MONEY 3 juta dolar AS"}},
		{"MONEY number rupiah", "Kerugian 5 miliar rupiah.", []string{"MONEY 5 miliar rupiah"}},
		{"PERCENT persen", "Inflasi naik 12,5 persen tahun ini.", []string{"PERCENT 12,5 persen", "DATE tahun ini"}},
		{"PERCENT %", "Dipangkas 12% saja.", []string{"PERCENT 12%"}},
		{"PERCENT word persen", "Naik lima persen.", []string{"PERCENT lima persen"}},
		{"QUANTITY unit", "Perbatasan sejauh 1.300 km dengan Rusia.", []string{"QUANTITY 1.300 km"}},
		{"QUANTITY scale unit", "Sebanyak 6 juta jiwa terdata.", []string{"QUANTITY 6 juta jiwa"}},
		{"QUANTITY people", "Korban mencapai 68 orang.", []string{"QUANTITY 68 orang"}},
		{"no rule: bare number", "Nomor 12 menang.", nil},
		{"no rule: minggu ini is lower-case week", "Rapat minggu depan.", []string{"DATE minggu depan"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			ms := r.Recognize(tt.text, testSentences(tt.text))
			checkMentions(t, tt.text, ms)
			var got []string
			for _, m := range ms {
				if m.Label >= DATE {
					got = append(got, m.Label.String()+" "+m.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("rule %s\ninput %q\n got %q\nwant %q", tt.rule, tt.text, got, tt.want)
			}
		})
	}
}

func TestLexItems(t *testing.T) {
	text := "Rp1,5 triliun (29/11) 10.30 WIB"
	var got []string
	for _, it := range lexItems(text, 0, len(text), nil) {
		got = append(got, fmt.Sprintf("%d:%s", it.kind, text[it.start:it.end]))
	}
	want := "0:Rp 1:1,5 0:triliun 2:( 1:29/11 2:) 1:10.30 0:WIB"
	if strings.Join(got, " ") != want {
		t.Errorf("lexItems(%q) = %q, want %q", text, strings.Join(got, " "), want)
	}
}

// TestWordFilterBounds: the rule-word filter takes words of every length up
// to maxRuleWord and every first and last letter (a 16-letter word ending in
// z once indexed past its end), and rejects longer ones.
func TestWordFilterBounds(t *testing.T) {
	var f wordFilter
	for n := 1; n <= maxRuleWord+2; n++ {
		for _, first := range "aAzZ" {
			for _, last := range "aAzZ" {
				w := string(first) + strings.Repeat("x", max(0, n-2)) + string(last)
				w = w[:n]
				k, ok := filterIndex(w)
				if ok != (n <= maxRuleWord) {
					t.Errorf("filterIndex(%q) ok = %v", w, ok)
				}
				if ok && k>>6 >= len(f) {
					t.Errorf("filterIndex(%q) = %d, beyond the filter's %d bits", w, k, 64*len(f))
				}
				f.has(w)
			}
		}
	}
	if got := ruleWordOf("YAAAAAAAAAAAAAAX"); got.low != "" {
		t.Errorf("ruleWordOf(YAAAAAAAAAAAAAAX) = %+v, want no rule word", got)
	}
}
