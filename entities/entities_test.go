package entities

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kabar-id/kabar/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// raceEnabled is set under -race (race_test.go), where the 10 MB test is
// too slow; .ci/checks.d/30-entities.sh runs it without -race.
var raceEnabled = false

func defaultRecognizer(t testing.TB) *Recognizer {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// checkMentions verifies the invariants: in bounds, slicing back, in order,
// not overlapping, with a known label.
func checkMentions(t testing.TB, text string, ms []Mention) {
	t.Helper()
	last := 0
	for i, m := range ms {
		if m.Start < last || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("mention %d %+v out of order or bounds (previous end %d, len %d)", i, m, last, len(text))
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d: text[%d:%d] = %q, Text = %q", i, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		if m.Label == None || m.Label >= numLabels || m.Score < 0 || m.Score > 1 {
			t.Fatalf("mention %d %+v: bad label or score", i, m)
		}
		last = m.End
	}
}

func formatMentions(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%s\t%s\t%d\t%d\n", m.Label, m.Text, m.Start, m.End)
	}
	return b.String()
}

// TestSeedGolden compares the seed article's mentions and groups with
// testdata/seed.entities.golden (go test -update rewrites it).
func TestSeedGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	r := defaultRecognizer(t)
	ms := r.Find(text)
	checkMentions(t, text, ms)
	js, err := json.MarshalIndent(GroupMentions(ms), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got := formatMentions(ms) + "\n" + string(js) + "\n"
	const golden = "testdata/seed.entities.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("seed article entities differ from %s (go test -update rewrites it):\ngot:\n%s", golden, got)
	}
}

// TestSeedIssueList checks the list of issue 5: every listed entity is
// found with its label, except the known misses below, and none of
// prose's English-model mistakes is made.
func TestSeedIssueList(t *testing.T) {
	b, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	ms := defaultRecognizer(t).Find(string(b))
	found := map[string]Label{}
	for _, m := range ms {
		found[m.Text] = m.Label
	}
	want := map[string]Label{
		"Khalifa Haftar": PER, "Sergei Lavrov": PER, "Sergei Shoigu": PER, "Muammar Gaddafi": PER,
		"Libya": LOC, "Rusia": LOC, "Moskow": LOC, "Tobruk": LOC, "Benghazi": LOC, "Tripoli": LOC, "Mesir": LOC,
		"Uni Emirat Arab": LOC, "Perancis": LOC,
		"ISIS": ORG, "TASS": ORG, "PBB": ORG, "Dewan Keamanan PBB": ORG, "Tentara Nasional Libya": ORG,
		"Selasa (29/11)": DATE, "Senin (28/11)": DATE, "tahun 2011": DATE,
	}
	knownMisses := map[string]bool{
		// "Hanya Tripoli yang pemerintahannya …": a city standing for its
		// government, which idner-news-2k tags O (see Known limits in doc.go
		// and TestPlacesLeftO in internal/eval/nereval).
		"Tripoli": true,
	}
	for name, l := range want {
		got, ok := found[name]
		switch {
		case knownMisses[name]:
			if ok && got == l {
				t.Logf("%q is found now: remove it from knownMisses", name)
			}
		case !ok:
			t.Errorf("%s %q not found", l, name)
		case got != l:
			t.Errorf("%q labelled %s, want %s", name, got, l)
		}
	}
	for _, m := range ms {
		switch {
		case m.Label == PER && (m.Text == "Menurut" || m.Text == "Belum" || m.Text == "Kami" || m.Text == "Banyak" || m.Text == "Dengan"):
			t.Errorf("prose's mistake: %q as PER", m.Text)
		case m.Text == "Selasa" && m.Label != DATE:
			t.Errorf("prose's mistake: Selasa as %s", m.Label)
		case strings.HasSuffix(m.Text, " yang"):
			t.Errorf("mention %q ends with yang", m.Text)
		}
	}
}

func TestNewsShapes(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		name, text string
		want       []string // "LABEL text"
		not        []string
	}{
		{"title before name", "Presiden Joko Widodo meresmikan bendungan itu.", []string{"PER Joko Widodo"}, []string{"PER Presiden Joko Widodo"}},
		{"minister title", "Menteri Luar Negeri Retno Marsudi bertemu Sergei Lavrov di Moskow.", []string{"PER Retno Marsudi", "PER Sergei Lavrov"}, nil},
		{"abbreviation in brackets", "Pasukan Tentara Nasional Libya (LNA) menyerang kota itu.", []string{"ORG Tentara Nasional Libya (LNA)"}, nil},
		{"no trailing yang", "Khalifa Haftar tiba di Moskow. Haftar yang berlatar belakang militer bertemu Lavrov.", []string{"PER Haftar"}, []string{"PER Haftar yang"}},
		{"particle bin", "Pemimpin kelompok itu, Osama bin Laden, tewas di Pakistan.", []string{"PER Osama bin Laden", "LOC Pakistan"}, nil},
		{"all-caps headline", "JOKOWI BERTEMU PRABOWO DI ISTANA BOGOR", []string{"PER PRABOWO"}, nil},
		{"negara before a place", "PBB sendiri telah mengembargo senjata di negara Libya sejak tahun 2011 silam.", []string{"LOC Libya"}, []string{"LOC negara Libya"}},
		{"lowercase", "presiden joko widodo berkunjung ke jakarta kemarin.", []string{"LOC jakarta"}, nil},
		// the model alone tags this Anda PER (and the document pass then
		// every Anda of the text)
		{"pronoun", "Namun nurani Anda berkata bahwa apa yang ia pilih sudah tepat. Anda tahu itu.", nil, []string{"PER Anda"}},
		// the model alone tags the first PER and leaves the second out
		{"host name", "DailySocial.id adalah portal berita startup. Liputan6.com, Jakarta - Harga naik.", []string{"ORG DailySocial.id", "ORG Liputan6.com"}, []string{"PER DailySocial.id"}},
		{"host name in a longer ORG", "Dilansir CNN Indonesia.com, harga naik.", nil, []string{"ORG Indonesia.com"}},
		// the model alone tags Kabid PER and the rank AKBP inside the name
		{"titles alone and ranks", `"Pelaku sudah kami tangkap," kata Kabid Humas Polda Jawa Timur Komisaris Besar Frans Barung Mangera, Jumat (26/1). ` +
			"Kapolres Purwakarta AKBP Hanny Hidayat membenarkan hal itu.", []string{"PER Frans Barung Mangera", "PER Hanny Hidayat"}, []string{"PER Kabid", "PER AKBP Hanny Hidayat"}},
		// the model alone tags both PER; the training corpora call it ORG
		{"organisation of the corpora", "Semenjak dirilis, Microsoft bilang sudah ada sekitar 100.000 pengguna. " +
			"Ke depannya saya yakin Microsoft bakal menambah jumlahnya.", []string{"ORG Microsoft"}, []string{"PER Microsoft"}},
		// the model alone tags every Korut PER; it is a place of the gazetteer
		{"gazetteer place", "Kyung memastikan bahwa tim penyelidik cukup yakin Korut ada di balik peretasan ini. " +
			"Sejumlah pembuat kebijakan mengatakan bahwa peretas Korut mencuri banyak dokumen rahasia militer. " +
			"Seberapa penting dokumen yang dicuri oleh Korut masih dirahasiakan.", []string{"PER Kyung", "LOC Korut"}, []string{"PER Korut"}},
		// the model alone tags Myanmar and AS ORG
		{"country as a team or an actor", "Timnas Indonesia kalah 1-3 dari Myanmar di Stadion Pakansari. Pelatih Myanmar memuji pemainnya. " +
			"AS menuduh sebuah bank China membantu Korea Utara.", []string{"LOC Myanmar", "LOC AS"}, []string{"ORG Myanmar", "ORG AS"}},
		{"club named after its city", "Real Madrid menang atas Barcelona. Madrid kini memimpin klasemen.", []string{"ORG Madrid"}, []string{"LOC Madrid"}},
		// the model alone tags Rooney alone ORG
		{"surname of a person named in full", "Manchester United siap melepas Wayne Rooney ke klub China. Klub itu menawarkan gaji besar kepada Rooney. " +
			"Jika setuju, Rooney akan menjadi pemain termahal di Liga Super China.", []string{"PER Wayne Rooney", "PER Rooney"}, []string{"ORG Rooney"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := r.Find(tt.text)
			checkMentions(t, tt.text, ms)
			got := map[string]bool{}
			for _, m := range ms {
				got[m.Label.String()+" "+m.Text] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("%q: want %q among %v", tt.text, w, ms)
				}
			}
			for _, w := range tt.not {
				if got[w] {
					t.Errorf("%q: do not want %q", tt.text, w)
				}
			}
		})
	}
}

func TestGazetteer(t *testing.T) {
	r, err := New(WithGazetteer(ORG, []string{"Kabar Nusantara", "kabarku"}), WithGazetteer(LOC, []string{"Negeri Antah"}))
	if err != nil {
		t.Fatal(err)
	}
	text := "Redaksi Kabar Nusantara pindah ke Negeri Antah bersama kabarku."
	ms := r.Find(text)
	checkMentions(t, text, ms)
	got := formatMentions(ms)
	for _, w := range []string{"ORG\tKabar Nusantara\t", "LOC\tNegeri Antah\t", "ORG\tkabarku\t"} {
		if !strings.Contains(got, w) {
			t.Errorf("want %q in\n%s", w, got)
		}
	}
	if _, err := New(WithGazetteer(None, []string{"x"})); err == nil {
		t.Error("WithGazetteer(None) gave no error")
	}
}

func TestGroupMentions(t *testing.T) {
	text := "Khalifa Haftar bertemu Lavrov. Haftar meminta bantuan. Tentara Nasional Libya (LNA) maju. LNA menang. Perserikatan Bangsa-Bangsa dan PBB. " +
		"Korea Utara menguji rudal; Korut mengancam. Sumut bukan Sumatera Barat."
	ms := []Mention{}
	add := func(s string, l Label, from int) int {
		i := strings.Index(text[from:], s) + from
		ms = append(ms, Mention{Text: s, Label: l, Start: i, End: i + len(s), Score: 1})
		return i + len(s)
	}
	p := add("Khalifa Haftar", PER, 0)
	p = add("Lavrov", PER, p)
	p = add("Haftar", PER, p)
	p = add("Tentara Nasional Libya (LNA)", ORG, p)
	p = add("LNA", ORG, p)
	p = add("Perserikatan Bangsa-Bangsa", ORG, p)
	p = add("PBB", ORG, p)
	p = add("Korea Utara", LOC, p)
	p = add("Korut", LOC, p)
	p = add("Sumut", LOC, p) // the short form of Sumatera Utara
	add("Sumatera Barat", LOC, p)
	gs := GroupMentions(ms)
	want := []struct {
		name  string
		count int
	}{{"Khalifa Haftar", 2}, {"Tentara Nasional Libya", 2}, {"Perserikatan Bangsa-Bangsa", 2}, {"Korea Utara", 2}, {"Lavrov", 1}, {"Sumut", 1}, {"Sumatera Barat", 1}}
	if len(gs) != len(want) {
		t.Fatalf("got %d groups %+v, want %d", len(gs), gs, len(want))
	}
	for i, w := range want {
		if gs[i].Name != w.name || gs[i].Count != w.count || len(gs[i].Mentions) != w.count {
			t.Errorf("group %d = %+v, want %s ×%d", i, gs[i], w.name, w.count)
		}
	}
}

// TestConcurrent hammers one Recognizer from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	r := defaultRecognizer(t)
	b, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	want := formatMentions(r.Find(text))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				if got := formatMentions(r.Find(text)); got != want {
					t.Error("concurrent Find gave a different result")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestHugeDocument checks bounded time on a 10 MB document, including one
// long run without spaces.
func TestHugeDocument(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("slow under -short and -race; .ci/checks.d/30-entities.sh runs it")
	}
	b, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 9<<20 {
		sb.Write(b)
	}
	sb.WriteString(strings.Repeat("Rp1,5", 200000))
	text := sb.String()
	r := defaultRecognizer(t)
	sents := tokenize.Sentences(text)
	start := time.Now()
	ms := r.Recognize(text, sents)
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("10 MB took %v", d)
	}
	checkMentions(t, text, ms)
}

func TestBadSentences(t *testing.T) {
	r := defaultRecognizer(t)
	text := "Joko Widodo di Jakarta."
	bad := []tokenize.Sentence{{Tokens: []tokenize.Token{{Text: "Joko", Start: 5, End: 9}}}, {Tokens: []tokenize.Token{{Text: "x", Start: 100, End: 101}}}}
	if ms := r.Recognize(text, bad); len(ms) != 0 {
		t.Errorf("mentions from tokens that do not fit the text: %v", ms)
	}
	if ms := r.Recognize("", nil); len(ms) != 0 {
		t.Errorf("mentions in empty text: %v", ms)
	}
}

func TestLoadErrors(t *testing.T) {
	good := defaultModelBytes
	if _, err := LoadBytes(good); err != nil {
		t.Fatalf("embedded model: %v", err)
	}
	cases := map[string][]byte{
		"empty":      nil,
		"foreign":    []byte("PK\x03\x04 this is a zip file, not a model"),
		"truncated":  good[:len(good)/2],
		"magic only": []byte(modelMagic),
	}
	flipped := bytes.Clone(good)
	flipped[len(flipped)/3] ^= 0x40
	cases["corrupt"] = flipped
	v2 := bytes.Clone(good)
	v2[len(modelMagic)] = 2
	cases["version 2"] = v2
	for name, b := range cases {
		if _, err := LoadBytes(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, err := defaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.encode(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), defaultModelBytes) {
		t.Error("decoding and encoding the embedded model changed its bytes")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(defaultModelBytes)))
	c0 := cpuTime()
	for b.Loop() {
		if _, err := decodeModel(defaultModelBytes); err != nil {
			b.Fatal(err)
		}
	}
	if d := cpuTime() - c0; d > 0 && c0 > 0 {
		b.ReportMetric(d.Seconds()*1e3/float64(b.N), "cpu-ms/op")
	}
}

// newsText returns about 1 MB of the seed article repeated.
func newsText(b *testing.B) string {
	raw, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(raw), (1<<20)/len(raw)+1)
}

// BenchmarkRecognize measures PER/ORG/LOC and the rules on tokenized text
// (tokenization excluded).
func BenchmarkRecognize(b *testing.B) {
	r := defaultRecognizer(b)
	text := newsText(b)
	sents := tokenize.Sentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		r.Recognize(text, sents)
	}
	reportCPU(b, c0, len(text))
}

// reportCPU reports MB per CPU second (user+system time of the process),
// which a busy machine disturbs less than MB/s of wall time.
func reportCPU(b *testing.B, c0 time.Duration, n int) {
	if d := cpuTime() - c0; d > 0 && c0 > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkFind includes tokenization.
func BenchmarkFind(b *testing.B) {
	r := defaultRecognizer(b)
	text := newsText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		r.Find(text)
	}
	reportCPU(b, c0, len(text))
}

func TestIsHostName(t *testing.T) {
	for w, want := range map[string]bool{
		"KOMPAS.com": true, "tribun-medan.com": true, "viva.co.id": true, "www.detik.com": true,
		"https://kompas.com": false, "kompas.com/read": false, "a@b.id": false, "kompas.com:80": false,
		"1.2.3": false, "": false,
	} {
		if got := isHostName(w); got != want {
			t.Errorf("isHostName(%q) = %v, want %v", w, got, want)
		}
	}
}
