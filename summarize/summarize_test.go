package summarize

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/kabar-id/kabar/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newT(t testing.TB, opts ...Option) *Summarizer {
	t.Helper()
	s, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "000_891277e20803d97e.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var allMethods = []Method{Learned, TFIDF, LexRank, Lead}

// checkSummary checks the invariants every summary keeps: each sentence is a
// span of the input text, one of its sentences (or its end, after a
// dateline), in text order, without duplicates.
func checkSummary(t testing.TB, in Input, got []Sentence) {
	t.Helper()
	prev := -1
	for _, s := range got {
		if s.Start < 0 || s.End > len(in.Text) || s.Start > s.End || in.Text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %+v is not a span of the text", s)
		}
		if s.Index <= prev {
			t.Fatalf("indexes not increasing: %d after %d", s.Index, prev)
		}
		prev = s.Index
		if s.Index >= len(in.Sentences) || in.Sentences[s.Index].Start > s.Start || in.Sentences[s.Index].End != s.End || s.Start >= s.End {
			t.Fatalf("sentence %+v is not input sentence %d", s, s.Index)
		}
	}
}

// Robustness rules from issue 4: empty text → empty summary; one sentence →
// that sentence; n larger than the sentence count → all sentences; only
// numbers or punctuation → no panic.
func TestRobustness(t *testing.T) {
	cases := []struct {
		name, text string
		l          Length
		want       int
	}{
		{"empty", "", Sentences(3), 0},
		{"spaces", " \n\t ", Sentences(3), 0},
		{"one sentence", "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah.", Sentences(3), 1},
		{"n larger than count", "Harga cabai naik tajam. Pedagang di pasar mengeluh. Pemerintah berjanji turun tangan.", Sentences(10), 3},
		{"zero sentences asked", "Harga cabai naik tajam. Pedagang mengeluh.", Sentences(0), 0},
		{"negative n", "Harga cabai naik tajam. Pedagang mengeluh.", Sentences(-2), 0},
		{"numbers only", "123 456. 7.890,12 99", Sentences(3), -1},
		{"punctuation only", "... !!! ??? --- «» “”", Sentences(3), -1},
		{"invalid utf8", "Harga \xff\xfe naik. Pedagang \x80 mengeluh.", Sentences(1), 1},
	}
	for _, c := range cases {
		for _, m := range allMethods {
			t.Run(c.name+"/"+m.String(), func(t *testing.T) {
				s := newT(t, WithMethod(m))
				in := s.Prepare(c.text)
				got := s.Summarize(in, c.l)
				checkSummary(t, in, got)
				want := c.want
				if want < 0 {
					want = min(3, len(in.Sentences))
				}
				if len(got) != want {
					t.Errorf("Summarize(%q, %v) gave %d sentences, want %d: %+v", c.text, c.l, len(got), want, got)
				}
				_ = s.Keywords(in, 5)
			})
		}
	}
}

func TestOneSentenceIsItself(t *testing.T) {
	text := "  Presiden Joko Widodo meresmikan jalan tol baru.  "
	s := newT(t)
	got := s.Summarize(s.Prepare(text), Sentences(3))
	if len(got) != 1 || got[0].Text != strings.TrimSpace(text) {
		t.Fatalf("got %+v, want the one sentence", got)
	}
}

// Length: the number of sentences, a ratio rounded up, or a word budget.
func TestLengthLimits(t *testing.T) {
	cases := []struct {
		l              Length
		n, max, budget int
	}{
		{Sentences(3), 10, 3, -1},
		{Sentences(30), 10, 10, -1},
		{Sentences(-1), 10, 0, -1},
		{Ratio(0.2), 12, 3, -1},
		{Ratio(0.25), 12, 3, -1},
		{Ratio(0.26), 12, 4, -1},
		{Ratio(1), 12, 12, -1},
		{Ratio(3), 12, 12, -1},
		{Ratio(0), 12, 0, -1},
		{Ratio(-1), 12, 0, -1},
		{Words(100), 12, 12, 100},
		{Words(-5), 12, 12, 0},
	}
	for _, c := range cases {
		mx, b := c.l.limits(c.n)
		if mx != c.max || b != c.budget {
			t.Errorf("%v.limits(%d) = %d, %d; want %d, %d", c.l, c.n, mx, b, c.max, c.budget)
		}
	}
}

func TestWordBudget(t *testing.T) {
	s := newT(t)
	in := s.Prepare(seedText(t))
	for _, budget := range []int{0, 5, 30, 60, 1000} {
		for _, m := range allMethods {
			s := newT(t, WithMethod(m))
			got := s.Summarize(in, Words(budget))
			checkSummary(t, in, got)
			used := 0
			for _, g := range got {
				used += wordCount(in.Sentences[g.Index])
			}
			if used > budget {
				t.Errorf("%v Words(%d): %d words", m, budget, used)
			}
			if budget >= 60 && len(got) == 0 {
				t.Errorf("%v Words(%d): empty summary", m, budget)
			}
		}
	}
}

func TestRatio(t *testing.T) {
	s := newT(t)
	in := s.Prepare(seedText(t))
	n := len(in.Sentences)
	got := s.Summarize(in, Ratio(0.5))
	if want := (n + 1) / 2; len(got) != want {
		t.Errorf("Ratio(0.5) of %d sentences gave %d, want %d", n, len(got), want)
	}
}

// Deterministic output: equal scores are broken by text order.
func TestTiesAndDeterminism(t *testing.T) {
	text := "Banjir melanda kota. Banjir melanda kota. Banjir melanda kota. Banjir melanda kota."
	for _, m := range allMethods {
		s := newT(t, WithMethod(m), WithLambda(1))
		in := s.Prepare(text)
		got := s.Summarize(in, Sentences(2))
		if len(got) != 2 || got[0].Index != 0 || got[1].Index != 1 {
			t.Errorf("%v: ties gave %+v, want sentences 0 and 1", m, got)
		}
	}
	s := newT(t)
	in := s.Prepare(seedText(t))
	first := s.Summarize(in, Sentences(3))
	for i := 0; i < 5; i++ {
		if got := s.Summarize(in, Sentences(3)); !slices.Equal(got, first) {
			t.Fatalf("run %d gave %+v, first gave %+v", i, got, first)
		}
	}
}

// MMR (Carbonell & Goldstein 1998): with λ < 1 a duplicate of a picked
// sentence loses to a new one.
func TestMMRAvoidsDuplicates(t *testing.T) {
	text := "Gempa berkekuatan besar mengguncang Sulawesi Tengah pada Jumat sore.\n\n" +
		"Gempa berkekuatan besar mengguncang Sulawesi Tengah pada Jumat sore.\n\n" +
		"Warga mengungsi ke dataran tinggi karena takut tsunami susulan.\n\n" +
		"Pemerintah mengirim bantuan logistik dan tim penyelamat ke Palu."
	s := newT(t, WithMethod(TFIDF), WithLambda(0.3))
	got := s.Summarize(s.Prepare(text), Sentences(2))
	if len(got) != 2 || got[0].Index != 0 || got[1].Index == 1 {
		t.Errorf("got %+v, want sentence 0 and not its duplicate 1", got)
	}
}

// LexRank (Erkan & Radev 2004): the sentence sharing words with all others
// is the most central.
func TestLexRankCentre(t *testing.T) {
	text := "Harga beras naik di pasar.\n\nHarga cabai naik di pasar.\n\nHarga beras dan cabai naik tajam di pasar tradisional Jakarta.\n\nPedagang beras mengeluh.\n\nPembeli cabai berkurang."
	s := newT(t, WithMethod(LexRank))
	in := s.Prepare(text)
	got := s.Summarize(in, Sentences(1))
	if len(got) != 1 || got[0].Index != 2 {
		t.Fatalf("got %+v, want sentence 2", got)
	}
	// The cap puts only the k sentences nearest the centroid in the graph.
	s = newT(t, WithMethod(LexRank), WithLexRankLimit(2))
	m := s.model(in)
	lr := m.lexRank(2)
	nodes := 0
	for _, v := range lr {
		if v > 0 {
			nodes++
		}
	}
	if nodes != 2 {
		t.Errorf("limit 2: %d sentences scored, want 2 (%v)", nodes, lr)
	}
}

// Paragraphs: blank lines when the text has any, else line breaks.
func TestParagraphs(t *testing.T) {
	cases := []struct {
		text string
		para []int
	}{
		{"Satu. Dua.\n\nTiga.\nEmpat.", []int{0, 0, 1, 1}},
		{"Satu. Dua.\nTiga.\nEmpat.", []int{0, 0, 1, 2}},
		{"Satu. Dua. Tiga.", []int{0, 0, 0}},
		{"Satu.\n \t\nDua.", []int{0, 1}},
	}
	s := newT(t)
	for _, c := range cases {
		m := s.model(s.Prepare(c.text))
		if !slices.Equal(m.para, c.para) {
			t.Errorf("%q: paragraphs %v, want %v", c.text, m.para, c.para)
		}
	}
}

func TestWeakSentences(t *testing.T) {
	text := "Sat. Apr 8th, 2023\n\nBerita Terkini, Sinopsis Film Terbaru\n\nKhalifa Haftar, komandan militer Libya timur, bertemu menteri luar negeri Rusia di Moskow. Dia meminta bantuan militer untuk melawan kelompok militan."
	s := newT(t)
	got := s.Summarize(s.Prepare(text), Sentences(2))
	for _, g := range got {
		if !strings.Contains(g.Text, "Haftar") && !strings.Contains(g.Text, "bantuan") {
			t.Errorf("picked page furniture %q", g.Text)
		}
	}
}

// Datelines ("JAKARTA, KOMPAS.com –") are left out of summary sentences.
func TestDateline(t *testing.T) {
	cases := []struct{ text, want string }{
		{"JAKARTA, KOMPAS.com – Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah.", "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah."},
		{"Jakarta , CNN Indonesia - - Bali lagi-lagi kedatangan tamu spesial dari Hollywood .", "Bali lagi-lagi kedatangan tamu spesial dari Hollywood ."},
		{"Washington ( ANTARA News ) - Sebagian besar kebakaran hutan dipicu ulah manusia .", "Sebagian besar kebakaran hutan dipicu ulah manusia ."},
		{"Merdeka.com - Hari-hari perancang busana itu kini terasa suram .", "Hari-hari perancang busana itu kini terasa suram ."},
		// Not datelines: a lower-case word before the dash, too little after
		// it, a lower-case word after it, no name before it.
		{"Harga cabai - yang naik tajam - membuat pedagang mengeluh.", "Harga cabai - yang naik tajam - membuat pedagang mengeluh."},
		{"Jakarta - Banjir lagi.", "Jakarta - Banjir lagi."},
		{"Presiden Jokowi - yang baru tiba - langsung meninjau lokasi banjir.", "Presiden Jokowi - yang baru tiba - langsung meninjau lokasi banjir."},
		{"2023 - Banjir melanda kota pada malam hari.", "2023 - Banjir melanda kota pada malam hari."},
	}
	for _, m := range allMethods {
		s := newT(t, WithMethod(m))
		for _, c := range cases {
			in := s.Prepare(c.text)
			got := s.Summarize(in, Sentences(1))
			checkSummary(t, in, got)
			if len(got) != 1 || got[0].Text != c.want {
				t.Errorf("%v: Summarize(%q) = %+v, want %q", m, c.text, got, c.want)
			}
		}
	}
}

// A dateline split off as a sentence of its own is never a summary
// sentence, even when a summary asks for more sentences than the text has
// besides it.
func TestDatelineNeverPicked(t *testing.T) {
	text := "JAKARTA, KOMPAS.com –\n\nPresiden Joko Widodo bertemu Menteri BUMN Erick Thohir di Istana Bogor. Jokowi meminta Erick membenahi Garuda."
	for _, m := range allMethods {
		s := newT(t, WithMethod(m))
		in := s.Prepare(text)
		got := s.Summarize(in, Sentences(3))
		checkSummary(t, in, got)
		if len(got) != 2 {
			t.Errorf("%v: %d sentences %+v, want the 2 after the dateline", m, len(got), got)
		}
		for _, g := range got {
			if strings.Contains(g.Text, "KOMPAS") {
				t.Errorf("%v: picked the dateline %q", m, g.Text)
			}
		}
	}
}

func TestParseMethod(t *testing.T) {
	for _, m := range allMethods {
		got, err := ParseMethod(strings.ToUpper(m.String()))
		if err != nil || got != m {
			t.Errorf("ParseMethod(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := ParseMethod("textrank"); !errors.Is(err, ErrUnknownMethod) {
		t.Errorf("ParseMethod(textrank) error %v, want ErrUnknownMethod", err)
	}
	if Method(99).String() != "method(99)" {
		t.Errorf("Method(99).String() = %q", Method(99).String())
	}
}

func TestOptionErrors(t *testing.T) {
	for name, o := range map[string]Option{
		"method":    WithMethod(Method(42)),
		"idf":       WithIDF(nil),
		"weights":   WithWeights(nil),
		"lambda":    WithLambda(1.5),
		"lambdaNaN": WithLambda(-0.1),
		"lexrank":   WithLexRankLimit(0),
		"tokenizer": WithTokenizer(nil),
		"stemmer":   WithStemmer(nil),
	} {
		if _, err := New(o); err == nil {
			t.Errorf("%s: New accepted a bad option", name)
		}
	}
}

// The embedded data are read once and shared.
func TestEmbeddedOnce(t *testing.T) {
	a, err := DefaultIDF()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := DefaultIDF()
	if a != b || a.Docs() < 1000 || a.Len() < 1000 {
		t.Errorf("DefaultIDF: %p %p, %d docs, %d terms", a, b, a.Docs(), a.Len())
	}
	w, err := DefaultWeights()
	if err != nil {
		t.Fatal(err)
	}
	if w.Weight("pos_inv") == 0 {
		t.Errorf("embedded weights have pos_inv 0")
	}
}

func TestIDFRoundTrip(t *testing.T) {
	s := newT(t)
	docs := []Input{
		s.Prepare("Harga beras naik. Pedagang beras mengeluh."),
		s.Prepare("Harga cabai naik."),
		s.Prepare("Banjir melanda kota."),
	}
	idf := LearnIDF(slices.Values(docs), 1)
	if idf.Docs() != 3 || idf.DF("harga") != 2 || idf.DF("beras") != 1 || idf.DF("banjir") != 1 {
		t.Fatalf("df harga %d beras %d banjir %d docs %d", idf.DF("harga"), idf.DF("beras"), idf.DF("banjir"), idf.Docs())
	}
	if !(idf.Weight("harga") < idf.Weight("beras")) || idf.Weight("tidak-ada") != idf.Weight("zzz") {
		t.Errorf("weights: harga %v beras %v", idf.Weight("harga"), idf.Weight("beras"))
	}
	var buf bytes.Buffer
	if err := idf.Write(&buf, []string{"test table", "two\nlines"}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadIDF(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range []string{"harga", "beras", "banjir", "nothing"} {
		if back.Weight(term) != idf.Weight(term) {
			t.Errorf("%s: %v after round trip, want %v", term, back.Weight(term), idf.Weight(term))
		}
	}
	pruned := LearnIDF(slices.Values(docs), 2)
	if pruned.Len() != 2 || pruned.Weight("banjir") != pruned.Weight("never-seen") {
		t.Errorf("pruned: %d terms; banjir %v unseen %v", pruned.Len(), pruned.Weight("banjir"), pruned.Weight("never-seen"))
	}
}

func TestReadIDFErrors(t *testing.T) {
	for _, c := range []string{
		"",
		"mindf 2\nharga\t1\n",
		"docs 2\nharga\tx\n",
		"docs 2\nharga\t3\n",
		"docs 2\nharga\t1\nharga\t1\n",
		"docs 2\nfoo 3\n",
		"docs\n",
		"docs 2\n\t1\n",
	} {
		if _, err := ReadIDF(strings.NewReader(c)); !errors.Is(err, ErrBadIDF) {
			t.Errorf("ReadIDF(%q) error %v, want ErrBadIDF", c, err)
		}
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	w, err := NewWeights(-1.5, map[string]float64{"pos_inv": 2, "centroid": 0.5})
	if err != nil {
		t.Fatal(err)
	}
	w, err = w.WithSelection(0.5, 0.8)
	if err != nil {
		t.Fatal(err)
	}
	u := make([]float64, len(FeatureNames()))
	u[featureIndex("pos_inv")] = 0.25
	w, err = w.WithUnits([]Unit{{Out: 2, Bias: 0.1, W: u}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, []string{"test", "two\nlines\r\n"}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadWeights(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Bias() != -1.5 || back.Weight("pos_inv") != 2 || back.Weight("centroid") != 0.5 || back.RefLen() != 0.5 || back.Lambda() != 0.8 {
		t.Errorf("round trip gave bias %v pos_inv %v centroid %v reflen %v lambda %v", back.Bias(), back.Weight("pos_inv"), back.Weight("centroid"), back.RefLen(), back.Lambda())
	}
	if back.Units() != 1 {
		t.Fatalf("%d units after round trip, want 1", back.Units())
	}
	x := make([]float64, len(FeatureNames()))
	x[featureIndex("pos_inv")] = 1
	if got, want := back.Score(x), 0.5+2*math.Tanh(0.35); math.Abs(got-want) > 1e-12 {
		t.Errorf("Score = %v, want %v", got, want)
	}
	if _, err := w.WithUnits([]Unit{{W: []float64{1}}}); !errors.Is(err, ErrBadWeights) {
		t.Errorf("unit of the wrong width: %v", err)
	}
}

func TestWeightsErrors(t *testing.T) {
	if _, err := NewWeights(0, map[string]float64{"nope": 1}); !errors.Is(err, ErrBadWeights) {
		t.Errorf("unknown feature: %v", err)
	}
	good := weightsText
	for name, c := range map[string]string{
		"missing feature": strings.Replace(good, "\npos_inv ", "\n#pos_inv ", 1),
		"unknown feature": good + "shiny 1\n",
		"bad number":      strings.Replace(good, "\nbias ", "\nbias x", 1),
		"no reflen":       strings.Replace(good, "\nreflen ", "\n#reflen ", 1),
		"dup bias":        good + "bias 1\n",
		"bad reflen":      strings.Replace(good, "\nreflen ", "\nreflen -1", 1),
		"short unit":      good + "unit 1 2 3\n",
		"bad unit":        good + "unit x\n",
	} {
		if _, err := ReadWeights(strings.NewReader(c)); !errors.Is(err, ErrBadWeights) {
			t.Errorf("%s: error %v, want ErrBadWeights", name, err)
		}
	}
}

func TestFeatures(t *testing.T) {
	s := newT(t)
	in := s.Prepare(seedText(t))
	x := s.Features(in)
	if len(x) != len(in.Sentences) {
		t.Fatalf("%d vectors for %d sentences", len(x), len(in.Sentences))
	}
	for i, xi := range x {
		if len(xi) != len(FeatureNames()) {
			t.Fatalf("sentence %d: %d features, want %d", i, len(xi), len(FeatureNames()))
		}
	}
	if x[0][featureIndex("pos_0")] != 1 || x[1][featureIndex("pos_1")] != 1 {
		t.Errorf("position one-hots wrong: %v %v", x[0][:4], x[1][:4])
	}
	if s.Features(Input{}) != nil {
		t.Errorf("features of an empty input")
	}
}

// Missing stems and stopword flags are filled by the stemmer, so a bare
// tokenized Input summarises the same as a prepared one.
func TestBareInput(t *testing.T) {
	s := newT(t)
	full := s.Prepare(seedText(t))
	bare := Input{Text: full.Text, Sentences: full.Sentences}
	if a, b := s.Summarize(full, Sentences(3)), s.Summarize(bare, Sentences(3)); !slices.Equal(a, b) {
		t.Errorf("bare input gave %+v, prepared gave %+v", b, a)
	}
}

func TestKeywords(t *testing.T) {
	s := newT(t)
	text := "Bantuan militer dari Rusia tiba di Libya. Haftar meminta bantuan militer kepada Moskow. " +
		"Pemerintah Rusia menjanjikan bantuan. Presiden Rusia Vladimir Putin menyetujui bantuan militer itu."
	in := s.Prepare(text)
	kw := s.Keywords(in, 5)
	if len(kw) == 0 || kw[0].Score != 1 {
		t.Fatalf("keywords %+v, want a first keyword scoring 1", kw)
	}
	var texts []string
	for i, k := range kw {
		texts = append(texts, k.Text)
		if i > 0 && k.Score > kw[i-1].Score {
			t.Errorf("keywords not sorted: %+v", kw)
		}
		if !(k.Score > 0 && k.Score <= 1) {
			t.Errorf("score %v out of (0, 1]", k.Score)
		}
	}
	if !slices.Contains(texts, "bantuan militer") {
		t.Errorf("keywords %q lack the phrase %q", texts, "bantuan militer")
	}
	if !slices.Contains(texts, "Rusia") {
		t.Errorf("keywords %q lack the name %q (capitalised)", texts, "Rusia")
	}
	if got := s.Keywords(in, 0); got != nil {
		t.Errorf("Keywords(k=0) = %+v", got)
	}
	if got := s.Keywords(in, 100); len(got) < len(kw) {
		t.Errorf("Keywords(k=100) gave fewer than k=5")
	}
}

// TestKeywordsManyK: any k, up to math.MaxInt, gives the first k of the
// ranking without panicking or allocating by k (it once made room for k+1
// keywords), and the ranking of more than 64 keywords, which sorts the
// candidates, starts with that of fewer, which picks them one by one.
func TestKeywordsManyK(t *testing.T) {
	s := newT(t)
	in := s.Prepare(seedText(t))
	all := s.Keywords(in, math.MaxInt)
	if len(all) <= 64 {
		t.Fatalf("the seed article has only %d keywords; the test needs more than 64", len(all))
	}
	for _, k := range []int{1, 10, 64, 65, 200, 1 << 40} {
		if got := s.Keywords(in, k); !slices.Equal(got, all[:min(k, len(all))]) {
			t.Errorf("Keywords(k=%d) is not the first %d of Keywords(k=MaxInt)", k, k)
		}
	}
}

// Surface forms: the most frequent form, lower case unless capitalised
// inside sentences more often than not (names, acronyms); capitals at the
// start of a sentence do not count.
func TestSurfaceForms(t *testing.T) {
	cases := []struct {
		text, want string
	}{
		{"Haftar datang. Kemarin Haftar pergi.", "Haftar"},
		{"Bencana datang. Badan Bencana sibuk. Tas siaga bencana siap.", "bencana"},
		{"Pemerintah sibuk. Kata pemerintah semua aman. Pemerintah diam.", "pemerintah"},
		{"DPR bersidang. Ketua DPR hadir.", "DPR"},
		{"Sidang dibuka. Sidang ditutup.", "sidang"},
	}
	s := newT(t)
	for _, c := range cases {
		kw := s.Keywords(s.Prepare(c.text), 1)
		if len(kw) != 1 || kw[0].Text != c.want {
			t.Errorf("Keywords(%q) = %+v, want %q first", c.text, kw, c.want)
		}
	}
}

// One Summarizer hammered from many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	s := newT(t)
	lr := newT(t, WithMethod(LexRank))
	in := s.Prepare(seedText(t))
	want := s.Summarize(in, Sentences(3))
	wantKW := s.Keywords(in, 10)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if got := s.Summarize(in, Sentences(3)); !slices.Equal(got, want) {
					t.Errorf("concurrent Summarize differs")
					return
				}
				if got := s.Keywords(in, 10); !slices.Equal(got, wantKW) {
					t.Errorf("concurrent Keywords differs")
					return
				}
				_ = lr.Summarize(s.Prepare(in.Text), Ratio(0.3))
			}
		}()
	}
	wg.Wait()
}

// The golden file holds the summary and keywords of the seed article with
// each method; go test ./summarize -update rewrites it.
func TestGolden(t *testing.T) {
	text := seedText(t)
	var b strings.Builder
	for _, m := range allMethods {
		s := newT(t, WithMethod(m))
		in := s.Prepare(text)
		b.WriteString("== " + m.String() + "\n")
		for _, se := range s.Summarize(in, Sentences(3)) {
			b.WriteString(strings.Join([]string{strconv.Itoa(se.Index), strconv.Itoa(se.Start), strconv.Itoa(se.End), se.Text}, "\t") + "\n")
		}
	}
	s := newT(t)
	b.WriteString("== keywords\n")
	for _, k := range s.Keywords(s.Prepare(text), 10) {
		b.WriteString(k.Text + "\n")
	}
	path := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./summarize -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("seed article summaries differ from %s (rerun with -update if intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// An Input built by hand may be inconsistent: offsets past the text, no
// tokens, short Stems and Stop. Nothing panics, and a sentence whose span is
// not in the text is returned as given.
func TestMalformedInput(t *testing.T) {
	in := Input{
		Text: "Harga naik.",
		Sentences: []tokenize.Sentence{
			{Text: "Harga naik.", Start: 0, End: 11, Tokens: []tokenize.Token{{Text: "Harga", Start: 0, End: 5, Kind: tokenize.Word}, {Text: "naik", Start: 6, End: 10, Kind: tokenize.Word}, {Text: ".", Start: 10, End: 11, Kind: tokenize.Punct}}},
			{Text: "", Start: 11, End: 11},
			{Text: "JAKARTA, KOMPAS.com – Pedagang cabai di pasar mengeluh.", Start: 40, End: 95, Tokens: []tokenize.Token{{Text: "JAKARTA", Start: 40, End: 47, Kind: tokenize.Word}, {Text: ",", Start: 47, End: 48, Kind: tokenize.Punct}, {Text: "KOMPAS.com", Start: 49, End: 59, Kind: tokenize.URL}, {Text: "–", Start: 60, End: 63, Kind: tokenize.Punct}, {Text: "Pedagang", Start: 64, End: 72, Kind: tokenize.Word}, {Text: "cabai", Start: 73, End: 78, Kind: tokenize.Word}, {Text: "di", Start: 79, End: 81, Kind: tokenize.Word}, {Text: "pasar", Start: 82, End: 87, Kind: tokenize.Word}, {Text: "mengeluh", Start: 88, End: 96, Kind: tokenize.Word}}},
		},
		Stems: [][]string{{"harga"}},
		Stop:  [][]bool{{false, false, false, true}},
	}
	for _, m := range allMethods {
		s := newT(t, WithMethod(m))
		for _, l := range []Length{Sentences(3), Words(5), Ratio(0.5)} {
			got := s.Summarize(in, l)
			for _, g := range got {
				if g.Index == 2 && g.Text != in.Sentences[2].Text {
					t.Errorf("%v: out-of-text sentence changed to %q", m, g.Text)
				}
			}
		}
		_ = s.Keywords(in, 5)
		_ = s.Features(in)
	}
}

// Name protection (the rule of internal/names, as the root package and the
// embedded tables use it): a word capitalised where it does not start its
// sentence or a clause is only lower-cased; WithoutNameProtection stems it.
// Missing stems are filled by the same rule.
func TestNameProtection(t *testing.T) {
	text := "Banjir melanda Bekasi. Bekasi kembali banjir: Bekasi (Bekasi) berbekas, kata Bekasi."
	tests := []struct {
		name string
		opts []Option
		want []string // stems of the word tokens named Bekasi, in text order
	}{
		// Rule: capitalised mid-sentence: a name. Sentence-initial, after a
		// colon, after an opening bracket: stemmed.
		{"protected", nil, []string{"bekasi", "bekas", "bekas", "bekas", "bekasi"}},
		// Rule: WithoutNameProtection stems every word.
		{"unprotected", []Option{WithoutNameProtection()}, []string{"bekas", "bekas", "bekas", "bekas", "bekas"}},
	}
	for _, tt := range tests {
		s := newT(t, tt.opts...)
		full := s.Prepare(text)
		bare := Input{Text: full.Text, Sentences: full.Sentences}
		var got, filled []string
		for i, se := range full.Sentences {
			for j, tk := range se.Tokens {
				if tk.Text == "Bekasi" {
					got = append(got, full.Stems[i][j])
					term, _ := candidateTerm(&bare, i, j, s)
					filled = append(filled, term)
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Prepare stems %q, want %q", tt.name, got, tt.want)
		}
		if !slices.Equal(filled, tt.want) {
			t.Errorf("%s: filled stems %q, want %q", tt.name, filled, tt.want)
		}
	}
}

// TestReadErrorMidLine: a reader that fails in the middle of a line is
// reported as the reader's error, not as a malformed line.
func TestReadErrorMidLine(t *testing.T) {
	fail := errors.New("disk gone")
	cut := func(s string) io.Reader { return io.MultiReader(strings.NewReader(s), iotest.ErrReader(fail)) }
	if _, err := ReadIDF(cut("docs 10\nmindf 1\nbantu\t")); !errors.Is(err, fail) || !errors.Is(err, ErrBadIDF) {
		t.Errorf("ReadIDF: %v, want ErrBadIDF wrapping the reader's error", err)
	}
	if _, err := ReadWeights(cut("reflen 90\nlambda 0.8\nbia")); !errors.Is(err, fail) || !errors.Is(err, ErrBadWeights) {
		t.Errorf("ReadWeights: %v, want ErrBadWeights wrapping the reader's error", err)
	}
}
