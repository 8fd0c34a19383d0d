package stem

import (
	"strings"
	"testing"
)

// ruleDict is a small dictionary holding the roots the rule cases need.
const ruleDict = `adu ajar asing raup gerak puruk terbang lipat ringkas warna yakin
bangun fitnah vonis baru pengaruh minum pukul cinta dua jauh ziarah nuklir
tangkap nasihat gila hajar qasar udara kupas suara populer yoga adil rumah
muka daerah tarung kerja ternak rambut labuh serta tani tebar percaya kritik
bom nyala nyanyi sepak lembut rata ligas nganga kaji promosi proteksi
buang sakit suap tahan sembunyi iman puas terang makan tiru kuasa malaikat
nikmat allah stabil transkripsi tega getar gigi kerja hantu beli jubah
baju celana buku milik kulit hancur benar apa siapa sepuluh`

func ruleStemmer(t testing.TB) *Stemmer {
	t.Helper()
	s, err := New(WithMode(Sastrawi), WithDictionary(strings.NewReader(strings.Join(strings.Fields(ruleDict), "\n"))))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestRules has one case per Sastrawi disambiguation rule (numbered as in
// Sastrawi, after Asian et al. 2007 and Arifin et al. 2009) and per
// suffix visitor, in Sastrawi mode.
func TestRules(t *testing.T) {
	s := ruleStemmer(t)
	for _, c := range []struct{ rule, word, want string }{
		{"particle -lah", "hancurlah", "hancur"},
		{"particle -kah", "benarkah", "benar"},
		{"particle -pun", "siapapun", "siapa"},
		{"possessive -ku", "jubahku", "jubah"},
		{"possessive -mu", "bajumu", "baju"},
		{"possessive -nya", "celananya", "celana"},
		{"derivational -i", "hantui", "hantu"},
		{"derivational -kan", "belikan", "beli"},
		{"particle+possessive", "bukumukah", "buku"},
		{"plain di-", "dibuang", "buang"},
		{"plain ke-…-an", "kesakitan", "sakit"},
		{"plain se-", "sesuap", "suap"},
		{"1a berV → ber-V", "beradu", "adu"},
		{"1b berV → be-rV", "berambut", "rambut"},
		{"2 berCAP → ber-CAP", "bersuara", "suara"},
		{"3 berCAerV → ber-CAerV", "berdaerah", "daerah"},
		{"4 belajar → bel-ajar", "belajar", "ajar"},
		{"5 beC1erC2 → be-C1erC2", "bekerja", "kerja"},
		{"6a terV → ter-V", "terasing", "asing"},
		{"6b terV → te-rV", "teraup", "raup"},
		{"7 terCerV → ter-CerV", "tergerak", "gerak"},
		{"8 terCP → ter-CP", "terpuruk", "puruk"},
		{"9 teC1erC2 → te-C1erC2", "teterbang", "terbang"},
		{"10 me{l,r,w,y}V → me-{l,r,w,y}V", "melipat", "lipat"},
		{"10 me{r}V", "meringkas", "ringkas"},
		{"11 mem{b,f,v} → mem-{b,f,v}", "membangun", "bangun"},
		{"11 memf", "memfitnah", "fitnah"},
		{"11 memv", "memvonis", "vonis"},
		{"12 mempe → mem-pe", "mempengaruhi", "pengaruh"},
		{"13a memV → me-mV", "meminum", "minum"},
		{"13b memV → me-pV", "memukul", "pukul"},
		{"14 men{c,d,j,s,t,z} → men-…", "mencinta", "cinta"},
		{"14 mend", "mendua", "dua"},
		{"14 menz", "menziarah", "ziarah"},
		{"15a menV → me-nV", "menuklir", "nuklir"},
		{"15b menV → me-tV", "menangkap", "tangkap"},
		{"16 meng{g,h,q,k} → meng-…", "menggila", "gila"},
		{"16 mengh", "menghajar", "hajar"},
		{"16 mengq", "mengqasar", "qasar"},
		{"17a mengV → meng-V", "mengudara", "udara"},
		{"17b mengV → meng-kV", "mengupas", "kupas"},
		{"17c menge → menge-C", "mengebom", "bom"},
		{"17d mengV → me-ngV", "menganga", "nganga"},
		{"18a menyV → me-nyV", "menyala", "nyala"},
		{"18b menyV → meny-sV", "menyuarakan", "suara"},
		{"19 mempV → mem-pV", "mempromosikan", "promosi"},
		{"20 pe{w,y}V → pe-{w,y}V", "pewarna", "warna"},
		{"20 pey", "peyoga", "yoga"},
		{"21a perV → per-V", "peradilan", "adil"},
		{"21b perV → pe-rV", "perumahan", "rumah"},
		{"23 perCAP → per-CAP", "permuka", "muka"},
		{"24 perCAerV → per-CAerV", "perdaerah", "daerah"},
		{"25 pem{b,f,v} → pem-{b,f,v}", "pembangun", "bangun"},
		{"26a pemV → pe-mV", "peminum", "minum"},
		{"26b pemV → pe-pV", "pemukul", "pukul"},
		{"27 pen{c,d,j,s,t,z} → pen-…", "pencinta", "cinta"},
		{"27 pens", "penstabilan", "stabil"},
		{"28a penV → pe-nV", "penasihat", "nasihat"},
		{"28b penV → pe-tV", "penangkap", "tangkap"},
		{"29 pengC → peng-C", "penggila", "gila"},
		{"30a pengV → peng-V", "pengudara", "udara"},
		{"30b pengV → peng-kV", "pengupas", "kupas"},
		{"30c penge → penge-C", "pengebom", "bom"},
		{"31a penyV → pe-nyV", "penyanyi", "nyanyi"},
		{"31b penyV → peny-sV", "penyuara", "suara"},
		{"32 pelV → pe-lV", "pelabuhan", "labuh"},
		{"32 pelajar → ajar", "pelajar", "ajar"},
		{"33 peCerV → pe-CerV", "pegerak", "gerak"},
		{"34 peCP → pe-CP", "petarung", "tarung"},
		{"35 terC1erC2 → ter-C1erC2", "terpercaya", "percaya"},
		{"36 peC1erC2 → pe-C1erC2", "pekerja", "kerja"},
		{"37b CerV → CV", "rerata", "rata"},
		{"38b CelV → CV", "lelembut", "lembut"},
		{"39b CemV → CV", "lemigas", "ligas"},
		{"40b CinV → CV", "kinerja", "kerja"},
		{"41 kuA → ku-A", "kupukul", "pukul"},
		{"42 kauA → kau-A", "kauhajar", "hajar"},
		{"precedence be-…-lah", "bersembunyilah", "sembunyi"},
		{"precedence be-…-an", "bertahan", "tahan"},
		{"precedence me-…-i", "mempengaruhi", "pengaruh"},
		{"precedence pe-…-i", "petani", "tani"},
		{"loop: -kan restores k", "menahan", "tahan"},
		{"loop: restore -an", "berimanlah", "iman"},
		{"derivational -is", "memuaskan", "puas"},
		{"short word unchanged", "mei", "mei"},
		{"three prefixes (ke-se-per-)", "kesepersepuluhnya", "sepuluh"},
		{"at most three prefixes", "dikesepersepuluh", "dikesepersepuluh"},
		{"not a root: unchanged", "marwan", "marwan"},
		{"reduplication", "buku-buku", "buku"},
		{"reduplication, affixed", "meniru-nirukan", "tiru"},
		{"reduplication, second part with me-", "menyepak-nyepak", "sepak"},
		{"reduplication with -Nya", "malaikat-malaikat-Nya", "malaikat"},
		{"clitic with hyphen", "kuasa-Mu", "kuasa"},
		{"particle with hyphen", "allah-lah", "allah"},
		{"hyphen variant U+2010", "buku\u2010buku", "buku"},
		{"hyphen variant U+2013", "buku\u2013buku", "buku"},
		{"upper case", "MENYUARAKAN", "suara"},
	} {
		if got := s.Stem(c.word); got != c.want {
			t.Errorf("rule %s: Stem(%q) = %q, want %q", c.rule, c.word, got, c.want)
		}
	}
}

// TestImproved checks the failure classes the Improved mode fixes, with
// the embedded dictionary (stem/testdata/improvements.tsv).
func TestImproved(t *testing.T) {
	s := Default()
	c, err := New(WithMode(Sastrawi))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range readTSV(t, "testdata/improvements.tsv") {
		if got := s.Stem(p[0]); got != p[1] {
			t.Errorf("%s: Stem(%q) = %q, want %q (sastrawi mode: %q)", p[2], p[0], got, p[1], c.Stem(p[0]))
		}
	}
}

func TestPrecedence(t *testing.T) {
	for w, want := range map[string]bool{"berimanlah": true, "bertahan": true, "mewarnai": true, "dimulai": true,
		"petani": true, "terabai": true, "belah": true, "membaca": false, "dimakan": false, "pelaku": false} {
		if got := precedence([]byte(w)); got != want {
			t.Errorf("precedence(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestInvalidPair(t *testing.T) {
	// Sastrawi's InvalidAffixPairSpecification.
	for _, c := range []struct {
		p, s string
		want bool
	}{{"ber", "i", true}, {"di", "an", true}, {"ke", "i", true}, {"ke", "kan", true}, {"me", "an", true},
		{"se", "i", true}, {"se", "kan", true}, {"ter", "an", true}, {"ke", "an", false}, {"me", "kan", false}, {"pe", "an", false}} {
		if got := invalidPair(c.p, c.s); got != c.want {
			t.Errorf("invalidPair(%s-, -%s) = %v, want %v", c.p, c.s, got, c.want)
		}
	}
}
