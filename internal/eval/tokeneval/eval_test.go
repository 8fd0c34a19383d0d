package tokeneval

import (
	"strings"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

const sample = `# sent_id = s1
# text = Menurutnya, Dr. Budi datang.
1-2	Menurutnya	_	_	_	_	_	_	_	SpaceAfter=No
1	Menurut	_	_	_	_	_	_	_	_
2	nya	_	_	_	_	_	_	_	_
3	,	_	_	_	_	_	_	_	_
4	Dr.	_	_	_	_	_	_	_	_
5	Budi	_	_	_	_	_	_	_	_
6	datang	_	_	_	_	_	_	_	SpaceAfter=No
7	.	_	_	_	_	_	_	_	_

# sent_id = s2
# text = Judul tanpa titik
1	Judul	_	_	_	_	_	_	_	_
2	tanpa	_	_	_	_	_	_	_	_
3	titik	_	_	_	_	_	_	_	_

`

func TestDocuments(t *testing.T) {
	sents, err := ParseCoNLLU(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || len(sents[0].Tokens) != 6 || len(sents[0].Tokens[0].Words) != 2 {
		t.Fatalf("parsed %+v", sents)
	}
	for _, c := range []struct {
		l    Layout
		text string
	}{{News, "Menurutnya, Dr. Budi datang. Judul tanpa titik"}, {RunOn, "Menurutnya, Dr. Budi datang. Judul tanpa titik"}} {
		docs, err := Documents(sents, 10, c.l)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 1 || docs[0].Text != c.text {
			t.Fatalf("%v: %q", c.l, docs[0].Text)
		}
		d := docs[0]
		if len(d.Tokens) != 9 || len(d.Words) != 10 || len(d.Sentences) != 2 {
			t.Fatalf("%v: %d tokens, %d words, %d sentences", c.l, len(d.Tokens), len(d.Words), len(d.Sentences))
		}
		if w := d.Words[1]; d.Text[w.Start:w.End] != "nya" {
			t.Errorf("word 1 = %q", d.Text[w.Start:w.End])
		}
	}
	docs, _ := Documents(append(sents[1:], sents[0]), 10, News)
	if want := "Judul tanpa titik\nMenurutnya, Dr. Budi datang."; docs[0].Text != want {
		t.Errorf("news layout: %q, want %q", docs[0].Text, want)
	}
}

func TestScore(t *testing.T) {
	sents, _ := ParseCoNLLU(strings.NewReader(sample), "sample")
	docs, _ := Documents(sents, 10, News)
	perfect := func(text string) Prediction {
		d := docs[0]
		return Prediction{Tokens: d.Tokens, Words: d.Words, Sentences: d.Sentences}
	}
	sc := Score(docs, perfect)
	if sc.Tokens.F1() != 100 || sc.Words.F1() != 100 || sc.Sentences.F1() != 100 {
		t.Errorf("perfect system: %+v", sc)
	}
	none := func(string) Prediction { return Prediction{} }
	if sc := Score(docs, none); sc.Tokens.F1() != 0 || len(sc.SentenceErrors) != 2 {
		t.Errorf("empty system: %+v", sc)
	}
}

func TestArtefactOf(t *testing.T) {
	for text, want := range map[string]Artefact{
		"Dia datang. Kami pulang.":     TwoOrMore,
		"Ia bertemu Dr. Budi.":         Clean,
		"atau nama kecilnya adalah X.": LowerStart,
		"Harga naik 5 persen di 2007.": Clean,
		"“Kami siap.” Lalu dia pergi.": TwoOrMore,
		"Judul tanpa titik":            Clean,
		// A quotation that closes on the line is one sentence (UD CSUI).
		`"Kami siap. Kami menang," katanya.`: Clean,
	} {
		if got := ArtefactOf(text); got != want {
			t.Errorf("ArtefactOf(%q) = %v, want %v", text, got, want)
		}
	}
}

// innerEndCases are pieces of UD Indonesian GSD and CSUI lines, with the
// rule of endsWithPeriod or InnerEnds that decides each.
var innerEndCases = []struct {
	rule string
	text string
	want []string // the text before each inner end
}{
	{"lower-case word", "Ia datang ke sana. Kami pulang.", []string{"Ia datang ke sana."}},
	{"lower-case word before an acronym", "dan bertanggung jawab atas. FHF adalah anggota CONCACAF.", []string{"dan bertanggung jawab atas."}},
	{"number of two or more digits", "Luasnya 397 km dan penduduknya 1879. Kota ini kecil.", []string{"Luasnya 397 km dan penduduknya 1879."}},
	{"single digit: a list label", "Langkahnya: 1. Menjaga kebersihan.", nil},
	{"percent sign", "sedangkan lainnya hanya 0,1 %. Bahasa Azerbaijan digunakan.", []string{"sedangkan lainnya hanya 0,1 %."}},
	{"unit with a digit", "luas wilayah 397 km2. Kota ini memiliki angka kepadatan.", []string{"luas wilayah 397 km2."}},
	{"unit with a superscript", "luas sebesar 34.18 km². Vaterstetten pada tahun 2006.", []string{"luas sebesar 34.18 km²."}},
	{"unit in mixed case", "bekerja pada frekuensi 450 MHz. Standar ini dikembangkan.", []string{"bekerja pada frekuensi 450 MHz."}},
	{"acronym of three capitals", "semifinal Liga Champions UEFA. Gol tersebut membuat skor imbang.", []string{"semifinal Liga Champions UEFA."}},
	{"two capitals before a sentence", "bagi Skuadron Udara 12 TNI AU. Bandar udara Sultan Syarif Kasim II.", []string{"bagi Skuadron Udara 12 TNI AU."}},
	{"two capitals after a year", "sejak pertengahan abad ke-4 SM. Sejarawan biasanya menempatkan.", []string{"sejak pertengahan abad ke-4 SM."}},
	{"two capitals before a name", "menjadikan RS. Santo Borromeus sebagai fasilitas.", nil},
	{"two capitals before capitals", "yang terletak di JL. KS Tubun No. 3 Pontianak.", nil},
	{"Roman numeral", "pemerintahan Raja Charles II. Raja Charles II melihat Lord Ashley.", []string{"pemerintahan Raja Charles II."}},
	{"word in mixed case", "dapat memainkan film DivX. Format video kompresi.", []string{"dapat memainkan film DivX."}},
	{"capitalised word of four or more letters", "Ia lahir di Connecticut, berkuliah di Yale. Kemudian ia menjadi pendeta.", []string{"Ia lahir di Connecticut, berkuliah di Yale."}},
	{"title of up to three letters", "saat pergantian ketua antara Dr. Soetomo dan Herman Kartawisastra.", nil},
	{"title of up to three letters, several", "dibantu oleh H. Abdul Madjid, Drs. Iman Santosa Sukardi (almarhum), Drs. M. Enoch Markum, Ir. Suharyadi, MS.", nil},
	{"number abbreviation before a numeral", "Ketetapan MPRS No. XXXIII / MPRS / 1967 tentang itu.", nil},
	{"short name: missed on purpose", "untuk menumbangkan Dinasti Xia. Untuk menunjang ekspansinya.", nil},
	{"initial", "Tari Kreasi identik dengan R. Tjetje Somantri.", nil},
	{"initial at a sentence end: missed on purpose", "dekat dengan kumpulan B. Rancangan awal bandara berbeda.", nil},
	{"dotted abbreviation", "Dekan Budi, S.H. Kepala dinas hadir.", nil},
	{"before an abbreviation", "Mal Ambasador, Lt. 5 Jl. Prof. Dr. Satrio - Kuningan.", nil},
	{"Roman numeral before an initial", "Peraturan Bapepam No. XI. B. 02.00 jangka waktu.", nil},
	{"first word of a line", "Pres. Manuel A. Roxas adalah munisipalitas.", nil},
	{"closing quote before the period", "seperti “Rietvield Schroeder House serta Red Blue Chair”. Gaya de Stijl memengaruhi.", []string{"seperti “Rietvield Schroeder House serta Red Blue Chair”."}},
	{"closing bracket before the period", "dan Taman Kanak-Kanak (TK). Jumlah Taman Kanak-Kanak 20 unit.", []string{"dan Taman Kanak-Kanak (TK)."}},
	{"initial and closing bracket before the period", "terutama Paprika (Capsicum annuum L.). Komoditas ini utama.", []string{"terutama Paprika (Capsicum annuum L.)."}},
	{"closing quote after the period", "serial animasi “Gensoumaden Saiyuuki.” Hal ini adalah pengalaman pertama.", []string{"serial animasi “Gensoumaden Saiyuuki.”"}},
	{"question mark", "Tuh, kamu lupa lagi kan? Lihat, kamu lupa.", []string{"Tuh, kamu lupa lagi kan?"}},
	{"ellipsis", "dimanapun mereka berada... Web - site untuk jadwal.", []string{"dimanapun mereka berada..."}},
	{"not before a bracket", "melalui Medco Energy US LLC. (Medco Energy US), anak perusahaan.", nil},
	{"not before a lower-case word", "seperti kaliber. 50 M2 Browning dan senapan. lalu.", nil},
	{"inside a quotation that closes on the line", `"Kalau Rooney, mereka ini orang dewasa. Mereka boleh saja merokok."`, nil},
	{"inside brackets that close on the line", "Bandar udara Sultan Syarif Kasim II (SSK. II) Pekanbaru.", nil},
	{"quotation with straight quotes around semicolons", `"Wajah bulat jenaka ";" telinga runcing ";" rambut keriting (cokelat). Kaki tertutup bulu," tambahnya.`, nil},
	{"quotation that does not close on the line", `"Para penembak itu ada satu. Situs resmi melaporkan.`, []string{`"Para penembak itu ada satu.`}},
	{"several ends", "Pada 1041, ia dikalahkan oleh Kaisar Henry III. Menandatangani perjanjian di Regensburg. Itu adalah keberhasilan.", []string{"Pada 1041, ia dikalahkan oleh Kaisar Henry III.", "Menandatangani perjanjian di Regensburg."}},
}

func TestInnerEnds(t *testing.T) {
	for _, c := range innerEndCases {
		var got []string
		prev := 0
		for _, e := range InnerEnds(c.text) {
			if e.End <= prev || e.Next < e.End || e.Next > len(c.text) {
				t.Fatalf("%s: bad end %+v in %q", c.rule, e, c.text)
			}
			got = append(got, c.text[prev:e.End])
			prev = e.Next
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: InnerEnds(%q)\n got %q\nwant %q", c.rule, c.text, got, c.want)
		}
	}
}

const twoInOne = `# sent_id = s1
# text = Ia datang dari TNI AU. Bandar udara itu besar.
1	Ia	_	_	_	_	_	_	_	_
2	datang	_	_	_	_	_	_	_	_
3	dari	_	_	_	_	_	_	_	_
4	TNI	_	_	_	_	_	_	_	_
5	AU	_	_	_	_	_	_	_	SpaceAfter=No
6	.	_	_	_	_	_	_	_	_
7	Bandar	_	_	_	_	_	_	_	_
8	udara	_	_	_	_	_	_	_	_
9	itu	_	_	_	_	_	_	_	_
10	besar	_	_	_	_	_	_	_	SpaceAfter=No
11	.	_	_	_	_	_	_	_	_

`

func TestResegment(t *testing.T) {
	sents, err := ParseCoNLLU(strings.NewReader(twoInOne+sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := Documents(sents, 10, News)
	re, n := Resegment(docs)
	if n != 1 {
		t.Fatalf("Resegment: %d splits, want 1", n)
	}
	d, r := docs[0], re[0]
	var got []string
	for _, s := range r.Sentences {
		got = append(got, r.Text[s.Start:s.End])
	}
	want := []string{"Ia datang dari TNI AU.", "Bandar udara itu besar.", "Menurutnya, Dr. Budi datang.", "Judul tanpa titik"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if ids := strings.Join(r.IDs, " "); ids != "s1[1] s1[2] s1 s2" {
		t.Errorf("ids %q", ids)
	}
	if len(r.Tokens) != len(d.Tokens) || len(d.Sentences) != 3 {
		t.Errorf("tokens or the original sentences changed: %d %d", len(r.Tokens), len(d.Sentences))
	}
}

const gsdAbbrev = `# sent_id = s1
# text = Ia bertemu Dr. Budi.
1	Ia	_	_	_	_	_	_	_	_
2	bertemu	_	_	_	_	_	_	_	_
3	Dr	_	_	_	_	_	_	_	SpaceAfter=No
4	.	_	_	_	_	_	_	_	_
5	Budi	_	_	_	_	_	_	_	SpaceAfter=No
6	.	_	_	_	_	_	_	_	_

`

// TestGSDAbbreviations checks the scoring adapter for GSD's convention:
// kabar's "Dr." counts as "Dr" and ".", which GSD has; other tokens stay.
func TestGSDAbbreviations(t *testing.T) {
	sents, err := ParseCoNLLU(strings.NewReader(gsdAbbrev), "gsd")
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := Documents(sents, 10, News)
	sys := Kabar(tokenize.Default())
	if sc := Score(docs, sys); sc.Tokens.Match != 4 || sc.Tokens.Pred != 5 {
		t.Errorf("raw: %+v, want 4 of 5 predicted tokens right", sc.Tokens)
	}
	sc := Score(docs, GSDAbbreviations(sys))
	if sc.Tokens.F1() != 100 || sc.Words.F1() != 100 || sc.Sentences.F1() != 100 {
		t.Errorf("GSD abbreviations: tokens %+v words %+v sentences %+v, want all right", sc.Tokens, sc.Words, sc.Sentences)
	}
	noKinds := func(text string) Prediction { p := sys(text); p.Kinds = nil; return p }
	if sc := Score(docs, GSDAbbreviations(noKinds)); sc.Tokens.Pred != 5 {
		t.Errorf("without kinds: %+v, want the tokens unchanged", sc.Tokens)
	}
}

func FuzzInnerEnds(f *testing.F) {
	for _, c := range innerEndCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, e := range InnerEnds(text) {
			if e.End <= prev || e.Next <= e.End || e.Next > len(text) {
				t.Fatalf("bad end %+v after %d in %q", e, prev, text)
			}
			prev = e.Next
		}
	})
}

func FuzzParseCoNLLU(f *testing.F) {
	f.Add(sample)
	f.Add("1-3\tx\n2\ty\n\n")
	f.Fuzz(func(t *testing.T, data string) {
		sents, err := ParseCoNLLU(strings.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		docs, err := Documents(sents, 3, News)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, s := range append(append([]Span{}, d.Tokens...), d.Sentences...) {
				if s.Start < 0 || s.End < s.Start || s.End > len(d.Text) {
					t.Fatalf("span %v out of %q", s, d.Text)
				}
			}
		}
	})
}
