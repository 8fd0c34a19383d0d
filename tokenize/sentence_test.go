package tokenize

import (
	"slices"
	"testing"
)

// sentenceCases are the sentence conventions of issue 2, one rule per case.
var sentenceCases = []struct {
	rule string
	in   string
	want []string
}{
	{"end: period", "Dia datang. Kami pulang.", []string{"Dia datang.", "Kami pulang."}},
	{"end: question and exclamation", "Apa kabar? Baik! Terima kasih.", []string{"Apa kabar?", "Baik!", "Terima kasih."}},
	{"end: ellipsis", "Dia menunggu… Lalu pergi. Lagi... Dan lagi.", []string{"Dia menunggu…", "Lalu pergi.", "Lagi...", "Dan lagi."}},
	{"end: with closing quote", `"Kami siap." Dia lalu pergi.`, []string{`"Kami siap."`, "Dia lalu pergi."}},
	{"end: with closing curly quote", "“Kami siap.” Dia pergi.", []string{"“Kami siap.”", "Dia pergi."}},
	{"end: with closing bracket", "Lihat halaman lain (hlm. 5.) Lalu baca.", []string{"Lihat halaman lain (hlm. 5.)", "Lalu baca."}},
	{"end: not before a lower-case word", "Apa kabar?” tanya dia.", []string{"Apa kabar?” tanya dia."}},
	{"end: not before a comma", "Dia bilang 'ya.', lalu pergi.", []string{"Dia bilang 'ya.', lalu pergi."}},
	{"end: before a number", "Itu terjadi tahun 2007. 10 orang tewas.", []string{"Itu terjadi tahun 2007.", "10 orang tewas."}},
	{"end: before an opening quote", `Dia berkata. "Saya siap."`, []string{"Dia berkata.", `"Saya siap."`}},
	{"end: emoji stay with the sentence", "Selamat! 🎉 Semoga sukses.", []string{"Selamat! 🎉", "Semoga sukses."}},

	{"abbreviation: title never ends a sentence", "Ia bertemu Dr. Budi dan Prof. Siti di Jl. Sudirman.", []string{"Ia bertemu Dr. Budi dan Prof. Siti di Jl. Sudirman."}},
	{"abbreviation: degree before a name", "Dekan Budi, S.H., M.Si. hadir.", []string{"Dekan Budi, S.H., M.Si. hadir."}},
	{"abbreviation: final before a capital", "Ada buah, sayur, dll. Kemudian dia pulang.", []string{"Ada buah, sayur, dll.", "Kemudian dia pulang."}},
	{"abbreviation: final before a lower-case word", "Ada buah, sayur, dll. yang dijual.", []string{"Ada buah, sayur, dll. yang dijual."}},
	{"abbreviation: number abbreviation before a number", "Ia tinggal di No. 5 dan membayar Rp. 500.", []string{"Ia tinggal di No. 5 dan membayar Rp. 500."}},
	{"abbreviation: number abbreviation before a capital", "Gedung itu di Jalan Kramat Raya no. Lebih dari 100 orang datang.", []string{"Gedung itu di Jalan Kramat Raya no.", "Lebih dari 100 orang datang."}},
	{"abbreviation: an all-capital acronym is not a title listed in lower case", "Proyek itu merusak KEL. Pada awal 2006 ia pindah. Kepala Kel. Cempaka hadir.", []string{"Proyek itu merusak KEL.", "Pada awal 2006 ia pindah.", "Kepala Kel. Cempaka hadir."}},
	{"abbreviation: a two-letter title matches in capitals", "Ia tinggal di JL. Sudirman No. 5 sejak lama.", []string{"Ia tinggal di JL. Sudirman No. 5 sejak lama."}},
	{"abbreviation: number abbreviation before a Roman numeral", "Ia disahkan dengan Ketetapan MPRS No. XXXIII / MPRS / 1967 tentang itu.", []string{"Ia disahkan dengan Ketetapan MPRS No. XXXIII / MPRS / 1967 tentang itu."}},
	{"abbreviation: final before the lone I, a Balinese name", "Ada buah, sayur, dll. I Wayan lalu pulang.", []string{"Ada buah, sayur, dll.", "I Wayan lalu pulang."}},
	{"abbreviation: final before an acronym that reads as a numeral", "Ada buah, sayur, dll. DI Yogyakarta juga.", []string{"Ada buah, sayur, dll.", "DI Yogyakarta juga."}},
	{"abbreviation: degree written with a space", "Ia meraih gelar Ph. D. dalam ilmu politik.", []string{"Ia meraih gelar Ph. D. dalam ilmu politik."}},
	{"abbreviation: suffix before a name", "Saham Pacific Asia Holdings Ltd. C/O dijual.", []string{"Saham Pacific Asia Holdings Ltd. C/O dijual."}},
	{"abbreviation: suffix before a sentence starter", "Saham dibeli PT Maju Tbk. Dia lalu menjualnya.", []string{"Saham dibeli PT Maju Tbk.", "Dia lalu menjualnya."}},
	{"abbreviation: suffix before an abbreviation", "Jiangsu Printing Co. Ltd. menjualnya.", []string{"Jiangsu Printing Co. Ltd. menjualnya."}},
	{"abbreviation: initial before a name", "Kata Miranda S. Goeltom kemarin.", []string{"Kata Miranda S. Goeltom kemarin."}},
	{"abbreviation: roman numeral before a sentence starter", "Ekonomi naik dibanding kuartal I. Dengan naiknya produksi, target tercapai.", []string{"Ekonomi naik dibanding kuartal I.", "Dengan naiknya produksi, target tercapai."}},
	{"abbreviation: month", "Sat. Apr 8th, 2023", []string{"Sat. Apr 8th, 2023"}},

	{"quotation: several sentences stay together", `"Kami siap. Kami menang," katanya. Lalu dia pergi.`, []string{`"Kami siap. Kami menang," katanya.`, "Lalu dia pergi."}},
	{"quotation: curly", "“Kami siap. Kami menang.” Lalu dia pergi.", []string{"“Kami siap. Kami menang.”", "Lalu dia pergi."}},
	{"quotation: unclosed on its line", "\"Kami siap. Kami menang.\nLalu dia pergi.", []string{"\"Kami siap.", "Kami menang.", "Lalu dia pergi."}},
	{"bracket: closed on its line", "Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru dibuka.", []string{"Bandara Sultan Syarif Kasim II (SSK. II) Pekanbaru dibuka."}},
	{"bracket: nested regions", "Kata dia \"satu. Dua (tiga. Empat) lima. Enam", []string{"Kata dia \"satu.", "Dua (tiga. Empat) lima.", "Enam"}},

	{"line: blank line ends a sentence", "Satu tanpa titik\n\nDua tanpa titik", []string{"Satu tanpa titik", "Dua tanpa titik"}},
	{"line: blank line after a title", "Ditulis oleh Dr.\n\nBudi datang.", []string{"Ditulis oleh Dr.", "Budi datang."}},
	{"line: headline", "Jenderal Libya Minta Bantuan Ke Rusia\nKhalifa Haftar bertemu Lavrov.", []string{"Jenderal Libya Minta Bantuan Ke Rusia", "Khalifa Haftar bertemu Lavrov."}},
	{"line: byline", "Oleh Budi Santoso\nJakarta dilanda banjir.", []string{"Oleh Budi Santoso", "Jakarta dilanda banjir."}},
	{"line: dateline on its own line", "JAKARTA, KOMPAS.com -\nPresiden tiba.", []string{"JAKARTA, KOMPAS.com -", "Presiden tiba."}},
	{"line: dateline before the text", "JAKARTA, KOMPAS.com - Presiden tiba di Bogor.", []string{"JAKARTA, KOMPAS.com -", "Presiden tiba di Bogor."}},
	{"line: dateline with a source in brackets", "Jakarta (ANTARA) - Harga emas naik.", []string{"Jakarta (ANTARA) -", "Harga emas naik."}},
	{"line: not a dateline", "KPK - lembaga antirasuah - memeriksa dia.", []string{"KPK - lembaga antirasuah - memeriksa dia."}},
	{"line: wrapped line goes on", "Dia pergi ke\npasar kemarin.", []string{"Dia pergi ke\npasar kemarin."}},
	{"line: after a comma goes on", "Dia membeli beras,\nGula dan kopi.", []string{"Dia membeli beras,\nGula dan kopi."}},
	{"line: CR LF", "Judul\r\n\r\nIsi berita.", []string{"Judul", "Isi berita."}},
	{"line: list label", "1. Pendahuluan\n2. Metode", []string{"1. Pendahuluan", "2. Metode"}},
	{"line: list letter", "A. Pendahuluan\nB. Metode", []string{"A. Pendahuluan", "B. Metode"}},
	{"line: list roman numeral", "II. Metode\nIII. Hasil", []string{"II. Metode", "III. Hasil"}},
	{"line: paragraph separator", "Satu\u2029Dua", []string{"Satu", "Dua"}},

	{"gap: no sentence end inside a run", "dia.Kemudian", []string{"dia.Kemudian"}},
	{"empty", "", nil},
	{"only gap", " \n\t ", nil},
}

func TestSentences(t *testing.T) {
	for _, c := range sentenceCases {
		ss := Sentences(c.in)
		checkSentences(t, c.in, ss)
		if got := sentTexts(ss); !equalStrings(got, c.want) {
			t.Errorf("%s: Sentences(%q)\n got %q\nwant %q", c.rule, c.in, got, c.want)
		}
	}
}

// TestSentenceTokensEqualTokens checks that the tokens of the sentences are
// the tokens of the text, and that AllSentences yields what Sentences does.
func TestSentenceTokensEqualTokens(t *testing.T) {
	var texts []string
	for _, c := range sentenceCases {
		texts = append(texts, c.in)
	}
	for _, c := range tokenCases {
		texts = append(texts, c.in)
	}
	texts = append(texts, seedArticle(t))
	for _, text := range texts {
		ss := Sentences(text)
		all := checkSentences(t, text, ss)
		if toks := Tokens(text); !slices.Equal(all, toks) {
			t.Errorf("Sentences and Tokens disagree on %q:\n%q\n%q", text, tokTexts(all), tokTexts(toks))
		}
		var seq []Sentence
		for s := range Default().AllSentences(text) {
			s.Tokens = slices.Clone(s.Tokens)
			seq = append(seq, s)
		}
		if !slices.EqualFunc(ss, seq, func(a, b Sentence) bool {
			return a.Text == b.Text && a.Start == b.Start && a.End == b.End && slices.Equal(a.Tokens, b.Tokens)
		}) {
			t.Errorf("AllSentences and Sentences disagree on %q", text)
		}
		var it []Token
		for iter := Default().Iterator(text); iter.Next(); {
			it = append(it, iter.Token())
		}
		if !slices.Equal(it, all) {
			t.Errorf("Iterator and Tokens disagree on %q", text)
		}
	}
}

func TestAllStopsEarly(t *testing.T) {
	n := 0
	for range Default().All("satu dua tiga") {
		n++
		break
	}
	m := 0
	for range Default().AllSentences("Satu. Dua. Tiga.") {
		m++
		break
	}
	if n != 1 || m != 1 {
		t.Errorf("break in range: got %d tokens, %d sentences", n, m)
	}
}

// TestIsNumeral checks the Roman numerals that go on after a numbering
// abbreviation (No. XXXIII): I, V and X in their usual form, not the lone I
// and not letters that make acronyms.
func TestIsNumeral(t *testing.T) {
	for w, want := range map[string]bool{
		"II": true, "IV": true, "V": true, "IX": true, "X": true, "XI": true, "XIV": true,
		"XIX": true, "XXXIII": true, "XXXIX": true,
		"I": false, "IIII": false, "VV": false, "IXI": false, "XXXX": false, "VIV": false,
		"DI": false, "CV": false, "MM": false, "XL": false, "xi": false, "Ini": false,
	} {
		if got := isNumeral(w, span{0, len(w), Word, 0}); got != want {
			t.Errorf("isNumeral(%q) = %v, want %v", w, got, want)
		}
	}
}
