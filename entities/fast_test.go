package entities

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/kabar-id/kabar/tokenize"
)

// fastTestSentences returns the words of test sentences: the seed article
// and the committed articles, as written, in capitals and in lower case,
// and some odd tokens.
func fastTestSentences(t *testing.T) [][]string {
	var texts []string
	for _, p := range []string{"testdata/000_891277e20803d97e.txt", "../testdata/articles.jsonl"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, strings.ToUpper(texts[0]), strings.ToLower(texts[0]),
		"İSTANBUL ŞEHRİ dan Ærø, ﬁ Ǆemal 12.000 (PBB) \u00a0 x «Émile» ... TIDAK ADA",
		strings.Repeat("Joko Widodo ", 100))
	var out [][]string
	for _, text := range texts {
		for _, s := range tokenize.Sentences(text) {
			var ws []string
			for _, tk := range s.Tokens {
				ws = append(ws, tk.Text)
			}
			out = append(out, ws)
		}
	}
	// One sentence of lexicon words with odd capitalisation, and a long one.
	m, _ := defaultModel()
	var ws []string
	for w := range m.lex.classes {
		if len(ws) == 300 {
			break
		}
		switch len(ws) % 3 {
		case 1:
			w = strings.ToUpper(w)
		case 2:
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		ws = append(ws, w)
	}
	return append(out, ws, []string{"A"}, []string{"a", "b"})
}

// TestFastEmissions checks that the fast path (fast.go) gives the same
// token information and bit-for-bit the same emission scores as the
// reference path that training uses.
func TestFastEmissions(t *testing.T) {
	m, err := defaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.fast == nil {
		t.Fatal("the embedded model does not take the fast path")
	}
	T := m.ntags
	var fs, rs scratch
	fs.allActive = true // the scores of every token
	for k, words := range fastTestSentences(t) {
		if k%50 == 0 {
			fs.resetWords() // also test with words remembered across sentences
		}
		m.emitFast(words, &fs)
		m.lex.extract(words, &rs)
		if fs.mode != rs.mode {
			t.Fatalf("%q: mode %c, reference %c", words, fs.mode, rs.mode)
		}
		for i := range words {
			f, r := fs.info[i], rs.info[i]
			if f.low != r.low || f.gaz != r.gaz || f.cap != r.cap || f.known != r.known || f.class != r.class || f.hw != r.hw {
				t.Fatalf("%q token %d: info %+v, reference %+v", words, i, f, r)
			}
			ref := make([]float32, T)
			m.addWeights(ref, rs.feats[rs.offs[i]:rs.offs[i+1]])
			for tag := range T {
				if got := float32(fs.iem[i*T+tag]); math.Float32bits(got) != math.Float32bits(ref[tag]) {
					t.Fatalf("%q token %d (%q) tag %d: fast %v, reference %v", words, i, words[i], tag, got, ref[tag])
				}
			}
		}
	}
}

// TestFastEmissionsIndoSum is TestFastEmissions on 1 MB of IndoSum
// articles (128 KB under -race; skipped without ../shared, and with
// -short).
func TestFastEmissionsIndoSum(t *testing.T) {
	_, sents, _ := indoSumDocs(t, indoSumTestSize(t))
	m, _ := defaultModel()
	T := m.ntags
	var fs, rs scratch
	fs.allActive = true // the scores of every token
	ref := make([]float32, T)
	for _, doc := range sents {
		fs.resetWords()
		for _, sent := range doc {
			var words []string
			for _, tk := range sent.Tokens {
				words = append(words, tk.Text)
			}
			m.emitFast(words, &fs)
			m.lex.extract(words, &rs)
			for i := range words {
				clear(ref)
				m.addWeights(ref, rs.feats[rs.offs[i]:rs.offs[i+1]])
				for tag := range T {
					if got := float32(fs.iem[i*T+tag]); got != ref[tag] {
						t.Fatalf("token %q tag %d: fast %v, reference %v", words[i], tag, got, ref[tag])
					}
				}
			}
		}
	}
}

// TestDecode7 checks viterbi7 and margins7 against viterbi and margins on
// random scores with many ties.
func TestDecode7(t *testing.T) {
	m, _ := defaultModel()
	if m.tr7 == nil {
		t.Fatal("the embedded model has no tr7")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var a, b scratch
	const T = 7
	for k := range 2000 {
		trans, tr := m.trans, m.tr7
		if k%2 == 1 {
			// transitions with ties
			trans = make([]int32, len(m.trans))
			for i := range trans {
				trans[i] = int32(rng.IntN(3) * 1000)
			}
			tr = foldTrans7(trans)
		}
		n := 1 + rng.IntN(40)
		if k%100 == 0 {
			n = 300 + rng.IntN(3000) // long, so that the sums round
		}
		em := make([]float32, n*T)
		for i := range em {
			switch k % 3 {
			case 0:
				em[i] = float32(rng.IntN(5) * 1000) // ties
			case 1:
				em[i] = float32(rng.IntN(20001) - 10000)
			default:
				em[i] = float32(rng.NormFloat64() * 3e5)
			}
		}
		viterbi(em, n, T, trans, &a)
		viterbi7(em, n, tr, &b)
		for i := range n {
			if a.tags[i] != b.tags[i] {
				t.Fatalf("case %d: tag %d: %d, viterbi7 %d", k, i, a.tags[i], b.tags[i])
			}
		}
		if !slicesEqualBits(a.alpha[:n*T], b.alpha[:n*T]) {
			t.Fatalf("case %d: forward scores differ", k)
		}
		lo := rng.IntN(n)
		m.margins(em, n, &a)
		margins7(em, n, lo, tr, &b)
		if !slicesEqualBits(a.margin[lo:n], b.margin[lo:n]) {
			t.Fatalf("case %d: margins differ", k)
		}
	}
}

func slicesEqualBits(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return false
		}
	}
	return true
}

// referenceOf returns a Recognizer with opts on m without its fast
// tables: the reference path, which the fast path must agree with.
func referenceOf(t testing.TB, m *model, opts ...Option) *Recognizer {
	t.Helper()
	slow := *m
	slow.fast, slow.tr7, slow.itr7 = nil, nil, nil
	r, err := build(&slow, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// indoSumTestSize returns how many bytes of IndoSum articles a corpus test
// reads: 1 MB, 128 KB under -race. It skips the test with -short.
func indoSumTestSize(t *testing.T) int {
	t.Helper()
	if testing.Short() {
		t.Skip("-short")
	}
	if raceEnabled {
		return 1 << 17
	}
	return 1 << 20
}

// TestReferencePath checks that a model without the fast tables (as one
// whose weights are too large for exact int32 sums would be) recognises
// the same mentions with the same scores.
func TestReferencePath(t *testing.T) {
	m, _ := defaultModel()
	fast, err := build(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref := referenceOf(t, m)
	for _, words := range fastTestSentences(t) {
		text := strings.Join(words, " ")
		a, b := fast.Find(text), ref.Find(text)
		if len(a) != len(b) {
			t.Fatalf("%q: %d mentions, reference path %d", text, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("%q: mention %+v, reference path %+v", text, a[i], b[i])
			}
		}
	}
}

// TestDecodeInt7 checks viterbiInt7 and marginsInt7 against viterbi and
// margins on random integer scores that exactBound accepts, with many
// ties and some near the bound.
func TestDecodeInt7(t *testing.T) {
	m, _ := defaultModel()
	if m.itr7 == nil {
		t.Fatal("the embedded model has no itr7")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var a, b scratch
	const T = 7
	accepted := 0
	for k := range 3000 {
		trans, itr := m.trans, m.itr7
		if k%2 == 1 {
			// transitions with ties
			trans = make([]int32, len(m.trans))
			for i := range trans {
				trans[i] = int32(rng.IntN(3) * 1000)
			}
			itr = intTrans7(foldTrans7(trans))
		}
		n := 1 + rng.IntN(60)
		scale := []int{3, 1000, 30000, 300000}[k%4]
		iem := make([]int32, n*T)
		em := make([]float32, n*T)
		for i := range iem {
			v := rng.IntN(2*scale+1) - scale
			if k%3 == 0 {
				v = v / 1000 * 1000 // ties
			}
			iem[i], em[i] = int32(v), float32(v)
		}
		var tokMax int64 // a bound on the scores' magnitude: the largest
		for _, v := range iem {
			tokMax = max(tokMax, int64(v), -int64(v))
		}
		if k%5 == 0 {
			tokMax = 1 << 30 // the bound from the scores themselves
		}
		if !exactBound(iem, n, itr, tokMax) {
			continue
		}
		accepted++
		viterbi(em, n, T, trans, &a)
		viterbiInt7(iem, n, itr, &b)
		for i := range n {
			if a.tags[i] != b.tags[i] {
				t.Fatalf("case %d: tag %d: %d, viterbiInt7 %d", k, i, a.tags[i], b.tags[i])
			}
		}
		lo := rng.IntN(n)
		m.margins(em, n, &a)
		marginsInt7(iem, n, lo, itr, &b)
		if !slicesEqualBits(a.margin[lo:n], b.margin[lo:n]) {
			t.Fatalf("case %d: margins differ:\n%v\n%v", k, a.margin[lo:n], b.margin[lo:n])
		}
	}
	if accepted < 1500 {
		t.Errorf("only %d of 3000 cases within the bound", accepted)
	}
}

// TestVocabTable checks that the fast path's lexicon table finds every
// word of the model's lexicon, with its class and gazetteer start, and no
// other word.
func TestVocabTable(t *testing.T) {
	m, _ := defaultModel()
	f := m.fast
	g := m.lex.gaz
	for w, c := range m.lex.classes {
		e := f.findVocab([]byte(w), hstr(fnvOffset, w))
		if e == nil || e.low != w || e.class != c {
			t.Fatalf("%q: lexicon entry %+v", w, e)
		}
		k, found, ok := g.startsKey(w)
		if e.gazStart != ok || ok && (int(e.gazK) != k || e.gazFound != found) {
			t.Fatalf("%q: gazetteer start %v %d %v, want %v %d %v", w, e.gazStart, e.gazK, e.gazFound, ok, k, found)
		}
	}
	for _, w := range []string{"", "kabarkabarkabar", strings.Repeat("panjang", 10), "Jakarta"} {
		if _, ok := m.lex.classes[w]; !ok && f.findVocab([]byte(w), hstr(fnvOffset, w)) != nil {
			t.Errorf("%q found in the lexicon table", w)
		}
	}
}

// TestSentenceItems checks that the rules' items built from the word
// table are those of the lexer over the sentence's text.
func TestSentenceItems(t *testing.T) {
	m, _ := defaultModel()
	texts := []string{
		"Rp1,5 triliun pada Selasa (29/11) pukul 10.30 WIB, naik 12,5% dari US$3 juta.",
		"Harga\u00a0naik 5 persen\tpada  bulan\nSeptember 2016 di Jakarta-Selatan (DKI).",
		"SENIN, 28 NOVEMBER 2016 -- Jum'at ke-3, ½ ton, 3.000orang, 20km, x2y, é è.",
		"", "a", "1", "Rp", "Rp 5", " tahun lalu ", "ke-20 dan 1945-1950",
	}
	for _, p := range []string{"testdata/000_891277e20803d97e.txt", "../testdata/articles.jsonl"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), strings.ToUpper(string(b)))
	}
	var s scratch
	for _, text := range texts {
		s.resetWords()
		for _, sent := range tokenize.Sentences(text) {
			toks := sent.Tokens
			if len(toks) == 0 {
				continue
			}
			var words []string
			for _, tk := range toks {
				words = append(words, tk.Text)
			}
			m.emitFast(words, &s)
			got := sentenceItems(text, toks, s.tokEnt[:len(toks)], s.ents, nil)
			want := lexItems(text, toks[0].Start, toks[len(toks)-1].End, nil)
			if len(got) != len(want) {
				t.Fatalf("%q: %d items, lexer %d", text[toks[0].Start:toks[len(toks)-1].End], len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%q item %d: %+v, lexer %+v", text[toks[0].Start:toks[len(toks)-1].End], i, got[i], want[i])
				}
			}
		}
	}
	// Tokens with text between them that is not white space.
	text := "Senin 5 Maret"
	toks := []tokenize.Token{{Text: "Senin", Start: 0, End: 5}, {Text: "Maret", Start: 8, End: 13}}
	s.resetWords()
	m.emitFast([]string{"Senin", "Maret"}, &s)
	got := sentenceItems(text, toks, s.tokEnt[:2], s.ents, nil)
	if want := lexItems(text, 0, 13, nil); len(got) != len(want) || got[1] != want[1] {
		t.Errorf("gap with a number: %+v, lexer %+v", got, want)
	}
}

// TestFastPathOtherModels trains small models with other label sets and
// weight scales and checks that the fast path, where a model takes it,
// gives the reference path's mentions.
func TestFastPathOtherModels(t *testing.T) {
	b, err := os.ReadFile("testdata/000_891277e20803d97e.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b) + "\nJOKO WIDODO TIBA DI JAKARTA.\njoko widodo tiba di jakarta pada 2011."
	sents := tokenize.Sentences(text)
	noTime := strings.Replace(tinyCoNLL, "2011\tB-TIME", "2011\tO", 1)
	perOnly := "Joko\tB-PER\nWidodo\tI-PER\ntiba\tO\n\nAmos\tB-PER\nkenda\tI-PER\npergi\tO\n"
	for _, c := range []struct {
		name    string
		data    string
		quantum float64
		fast    bool
	}{
		{"3 types", noTime, 0, true},
		{"4 types", tinyCoNLL, 0, false}, // 9 tags
		{"1 type", perOnly, 0, true},
		{"large weights", noTime, 1e-6, false},
	} {
		lm := DefaultLabelMap()
		lm["TIME"] = TIME
		exs, err := ReadCoNLL(strings.NewReader(c.data), lm)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Train(context.Background(), exs, TrainConfig{Epochs: 3, Seed: 1, Quantum: c.quantum,
			Gazetteer: []GazetteerEntry{{"Jakarta", LOC}, {"Uni Emirat Arab", LOC}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.m.fast != nil; got != c.fast {
			t.Errorf("%s: fast path %v, want %v", c.name, got, c.fast)
		}
		fast, _ := build(m.m, nil)
		ref := referenceOf(t, m.m)
		got, want := fast.Recognize(text, sents), ref.Recognize(text, sents)
		if !slices.Equal(got, want) {
			t.Errorf("%s: fast path %v\nreference path %v", c.name, got, want)
		}
	}
}

// TestOddLexicon loads a model whose lexicon has words that the trainer
// never writes (empty, upper case, long, non-ASCII, a prior out of range)
// and checks that the fast path gives the reference path's mentions.
func TestOddLexicon(t *testing.T) {
	exs, err := ReadCoNLL(strings.NewReader(tinyCoNLL), DefaultLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(context.Background(), exs, TrainConfig{Epochs: 3, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []string{"", "Jakarta", "joko", strings.Repeat("panjang", 9), "é", "ÉTÉ", "2011", "di"} {
		m.m.lex.classes[w] = wordClass{cluster: uint16(i * 300), prior: uint8(i * 40)}
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	fast, err := LoadBytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if fast.m.fast == nil {
		t.Fatal("the model does not take the fast path")
	}
	ref := referenceOf(t, fast.m)
	for _, text := range []string{
		"Joko tiba di Jakarta pada 2011. JOKO TIBA DI JAKARTA. joko tiba di jakarta.",
		"ÉTÉ é " + strings.Repeat("panjang", 9) + " Été",
	} {
		sents := tokenize.Sentences(text)
		if got, want := fast.Recognize(text, sents), ref.Recognize(text, sents); !slices.Equal(got, want) {
			t.Errorf("%q: fast path %v\nreference path %v", text, got, want)
		}
	}
}

// TestAllO checks that whenever allO holds, viterbiInt7 tags every token
// O, on random scores with O favoured by varying margins (and ties), with
// the model's transitions and with transitions with ties, and on the
// sentences of IndoSum articles.
func TestAllO(t *testing.T) {
	m, _ := defaultModel()
	rng := rand.New(rand.NewPCG(5, 6))
	var s scratch
	const T = 7
	held := 0
	check := func(em []int32, n int, itr *itr7) {
		if !allO(em, n, itr) {
			return
		}
		held++
		viterbiInt7(em, n, itr, &s)
		for i, tag := range s.tags[:n] {
			if tag != 0 {
				t.Fatalf("allO held but token %d of %d is tagged %d", i, n, tag)
			}
		}
	}
	for k := range 20000 {
		itr := m.itr7
		if k%2 == 1 {
			trans := make([]int32, len(m.trans))
			for i := range trans {
				trans[i] = int32(rng.IntN(3) * 1000)
			}
			itr = intTrans7(foldTrans7(trans))
		}
		n := 1 + rng.IntN(40)
		bias := int32(rng.IntN(12000))
		em := make([]int32, n*T)
		for i := range em {
			em[i] = int32(rng.IntN(4)) * 1000
			if i%T == 0 {
				em[i] += bias
			}
		}
		check(em, n, itr)
	}
	if held < 2000 {
		t.Errorf("allO held in only %d of 20000 random cases", held)
	}
	held = 0
	_, sents, _ := indoSumDocs(t, 1<<17)
	for _, doc := range sents {
		s.resetWords()
		for _, sent := range doc {
			var words []string
			for _, tk := range sent.Tokens {
				words = append(words, tk.Text)
			}
			m.emitFast(words, &s)
			n := len(words)
			em := append([]int32(nil), s.iem[:n*T]...)
			if exactBound(em, n, m.itr7, m.fast.tokMax) {
				check(em, n, m.itr7)
			}
		}
	}
	t.Logf("allO held for %d IndoSum sentences", held)
}

// TestDecodeSegments checks decodeSegments against the float decoders on
// the same scores with forceO, on random scores and random sets of active
// tokens: the same spans, and the same margins on their tokens. The
// scores of the inactive tokens are garbage that must not be read.
func TestDecodeSegments(t *testing.T) {
	m, _ := defaultModel()
	rng := rand.New(rand.NewPCG(7, 8))
	const T = 7
	var a, b scratch
	decoded, spans := 0, 0
	for k := range 4000 {
		mm := *m
		if k%2 == 1 { // transitions with ties
			mm.trans = make([]int32, len(m.trans))
			for i := range mm.trans {
				mm.trans[i] = int32(rng.IntN(3) * 1000)
			}
			mm.tr7 = foldTrans7(mm.trans)
			mm.itr7 = intTrans7(mm.tr7)
		}
		n := 1 + rng.IntN(50)
		scale := []int{3, 1000, 30000}[k%3]
		act := make([]bool, n)
		inactive := 0
		for i := range act {
			act[i] = rng.IntN(5) < 3
			if !act[i] {
				inactive++
			}
		}
		if inactive == 0 {
			continue
		}
		em := make([]float32, n*T)
		b.iem = grow(b.iem, n*T)[:n*T]
		for i := range em {
			v := rng.IntN(2*scale+1) - scale
			if k%4 == 0 {
				v = v / 1000 * 1000 // ties
			}
			em[i] = float32(v)
			b.iem[i] = int32(v)
			if !act[i/T] {
				b.iem[i] = int32(rng.Uint32()) // never read
			}
		}
		b.act = append(b.act[:0], act...)
		b.inactive = inactive
		got, ok := mm.decodeSegments(n, &b)
		if !ok {
			continue
		}
		decoded++
		forceO(em, T, act)
		viterbi(em, n, T, mm.trans, &a)
		want := mm.appendSpans(nil, a.tags)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: spans %v, float decoder %v (active %v)", k, got, want, act)
		}
		mm.margins(em, n, &a)
		for _, sp := range got {
			spans++
			if !slicesEqualBits(b.margin[sp.Start:sp.End], a.margin[sp.Start:sp.End]) {
				t.Fatalf("case %d: span %v margins %v, float decoder %v", k, sp, b.margin[sp.Start:sp.End], a.margin[sp.Start:sp.End])
			}
		}
	}
	if decoded < 2000 || spans < 2000 {
		t.Errorf("only %d cases decoded, %d spans compared", decoded, spans)
	}
}

// TestNearCapital checks which tokens nearCapital keeps for the model.
func TestNearCapital(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // 1: active
		off  int
	}{
		{"", "", 0},
		{"ia makan nasi", "000", 3},
		{"Ia makan nasi di rumah", "11000", 3},
		{"kata dia di Jakarta kemarin sore", "001110", 3},
		{"pemain Son Wan - ho dan rekannya", "1111100", 2},
		{"timnas U - 22 akan bertanding", "111100", 2},
		{"oleh - - Budi", "0111", 1},
		{"ke iPhone baru saja", "1110", 1},
		{"A b c d E", "11011", 1},
	} {
		words := strings.Fields(c.text)
		act := make([]bool, len(words))
		for i, w := range words {
			act[i] = strings.ContainsFunc(w, unicode.IsUpper)
		}
		off := nearCapital(act, words)
		var got strings.Builder
		for _, a := range act {
			c := byte('0')
			if a {
				c = '1'
			}
			got.WriteByte(c)
		}
		if got.String() != c.want || off != c.off {
			t.Errorf("%q: %s (%d left out), want %s (%d)", c.text, got.String(), off, c.want, c.off)
		}
	}
}

// TestLongRunFallback checks a sentence whose run of capitalised words is
// too long for the integer decoder: the fast path scores every token and
// takes the float decoder, with the same mentions as the reference path.
func TestLongRunFallback(t *testing.T) {
	m, _ := defaultModel()
	words := []string{"kata", "mereka", "di", "rumah"}
	for range 3000 {
		words = append(words, "Budi", "Jakarta", "PBB")
	}
	words = append(words, "makan", "nasi", "goreng", "di", "rumah", ".")
	var s scratch
	s.allActive = true
	m.emitFast(words, &s)
	if exactBound(s.iem[4*7:(len(words)-5)*7], len(words)-9, m.itr7, m.fast.tokMax) {
		t.Fatal("the run fits the integer decoder: make it longer")
	}
	fast, _ := build(m, nil)
	ref := referenceOf(t, m)
	text := strings.Join(words, " ")
	a, b := fast.Find(text), ref.Find(text)
	if !slices.Equal(a, b) || len(a) < 3000 {
		t.Errorf("%d mentions, reference path %d", len(a), len(b))
	}
}

// TestWordTableAcrossCalls checks the fast path against the reference
// path over many calls on one Recognizer, with enough distinct words that
// its word table is compacted between calls several times, and words
// first seen far from any capital come back next to one.
func TestWordTableAcrossCalls(t *testing.T) {
	m, _ := defaultModel()
	fast, _ := build(m, nil)
	ref := referenceOf(t, m)
	rng := rand.New(rand.NewPCG(11, 12))
	syl := []string{"ka", "lu", "mi", "so", "te", "ran", "pu", "ng", "di", "wo", "ce", "ha", "bi", "tor", "ze"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syl[rng.IntN(len(syl))])
		}
		return b.String()
	}
	lower := make([]string, 40000)
	for i := range lower {
		lower[i] = word()
	}
	docs := 120
	if testing.Short() || raceEnabled {
		docs = 40
	}
	calls, mentions := 0, 0
	for d := range docs {
		var b strings.Builder
		for range 40 {
			for j := range 12 {
				if j > 0 {
					b.WriteByte(' ')
				}
				w := lower[min(rng.IntN(len(lower)), rng.IntN(len(lower))*(1+d%3))%len(lower)]
				if rng.IntN(6) == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
			}
			b.WriteString(". ")
		}
		text := b.String()
		sents := tokenize.Sentences(text)
		got, want := fast.Recognize(text, sents), ref.Recognize(text, sents)
		calls++
		mentions += len(got)
		if !slices.Equal(got, want) {
			t.Fatalf("document %d: fast path %d mentions, reference path %d\n%v\n%v", d, len(got), len(want), got, want)
		}
	}
	if mentions == 0 {
		t.Errorf("no mentions in %d calls: the test checks nothing", calls)
	}
}

// TestCompactKeepsVectors checks that compacting the word table between
// calls leaves every kept entry's own word vectors (those of a word not in
// the lexicon) and shape right. (It caught the bug of 35a66d3, whose
// entries got their own vectors in the order of use rather than of entry,
// which compaction relies on.)
func TestCompactKeepsVectors(t *testing.T) {
	m, _ := defaultModel()
	rng := rand.New(rand.NewPCG(13, 14))
	// words not in the lexicon with the affixes of real ones, so that
	// their vectors differ
	var vocab []string
	seen := map[string]bool{}
	for _, words := range fastTestSentences(t) {
		for _, w := range words {
			w = strings.ToLower(w)
			if len(w) >= 6 && !seen[w] && !strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) {
				seen[w] = true
				vocab = append(vocab, w[:3]+"q"+w[3:])
			}
		}
	}
	if len(vocab) < 500 {
		t.Fatalf("only %d words", len(vocab))
	}
	var s scratch
	checked, compacted := 0, 0
	for call := range 600 {
		s.keepWords(m.fast)
		for range 5 {
			words := make([]string, 14)
			for j := range words {
				words[j] = vocab[rng.IntN(len(vocab))]
				if rng.IntN(8) == 0 {
					words[j] = strings.ToUpper(words[j][:1]) + words[j][1:]
				}
			}
			m.emitFast(words, &s)
		}
		if call%20 != 19 {
			continue
		}
		resets := s.resets
		s.compactWords(len(s.ents)) // the words used by two calls or more
		if s.resets != resets {
			continue
		}
		compacted++
		for k := range s.ents {
			e := &s.ents[k]
			if e.wvRef >= 0 {
				continue
			}
			var want [numWV]vec
			m.wordVecs(&want, e.low, e.hw, wordClass{}, false)
			if *s.wv(m.fast, e) != want || e.m2 != want[wvM2] || e.p2 != want[wvP2] {
				t.Fatalf("call %d: the vectors of %q changed in compaction", call, s.wkeys[k].text)
			}
			if shape := string(s.shapeBuf[e.shapeStart:e.shapeEnd]); shape != string(shapeOf(s.wkeys[k].text, nil)) {
				t.Fatalf("call %d: the shape of %q is %q", call, s.wkeys[k].text, shape)
			}
			checked++
		}
	}
	if compacted == 0 || checked < 1000 {
		t.Fatalf("%d compactions, %d entries checked", compacted, checked)
	}
}

// TestWordEntSize keeps a word-table entry at four cache lines: a bool
// more made it 264 bytes, and the pipeline's simulated L1d misses rose by
// 2 % and its L2 misses by 1.4 % (bench/instructions.sh, against the same
// code with the bool as a bit of flags).
func TestWordEntSize(t *testing.T) {
	if n := unsafe.Sizeof(wordEnt{}); n != 256 {
		t.Errorf("wordEnt is %d bytes, want 256", n)
	}
}

// TestReferencePathIndoSum is TestReferencePath on whole IndoSum articles
// through one Recognizer each (1 MB; 128 KB under -race; skipped without
// ../shared, and with -short): the mentions of the fast path, with its
// word table kept from call to call and its runs decoded on their own,
// are those of the reference path.
func TestReferencePathIndoSum(t *testing.T) {
	texts, sents, _ := indoSumDocs(t, indoSumTestSize(t))
	m, _ := defaultModel()
	fast, _ := build(m, nil)
	ref := referenceOf(t, m)
	mentions := 0
	for i, text := range texts {
		got, want := fast.Recognize(text, sents[i]), ref.Recognize(text, sents[i])
		if !slices.Equal(got, want) {
			t.Fatalf("article %d: fast path %v\nreference path %v", i, got, want)
		}
		mentions += len(got)
	}
	if mentions == 0 {
		t.Error("no mentions")
	}
}
