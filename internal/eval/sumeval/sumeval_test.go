package sumeval

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/summarize"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRougeTokens(t *testing.T) {
	got := RougeTokens("Harga BBM naik 10,5 % di Jawa-Bali; “kata” Joko’s")
	want := []string{"harga", "bbm", "naik", "10", "5", "di", "jawa", "bali", "kata", "joko", "s"}
	if !slices.Equal(got, want) {
		t.Errorf("RougeTokens = %q, want %q", got, want)
	}
}

func sents(s string) [][]string {
	var out [][]string
	for _, x := range strings.Split(s, "|") {
		out = append(out, strings.Fields(x))
	}
	return out
}

// ROUGE-N and the summary-level union-LCS ROUGE-L of Lin (2004).
func TestScore(t *testing.T) {
	cases := []struct {
		name, cand, ref string
		r1, r2, rl      PRF
	}{
		{"one sentence", "the cat sat", "the cat ran",
			PRF{2. / 3, 2. / 3, 2. / 3}, PRF{0.5, 0.5, 0.5}, PRF{2. / 3, 2. / 3, 2. / 3}},
		// Lin (2004) section 3.2: r = w1..w5, c1 = w1 w2 w6 w7 w8,
		// c2 = w1 w3 w8 w9 w5; the union LCS is w1 w2 w3 w5.
		{"union LCS", "w1 w2 w6 w7 w8|w1 w3 w8 w9 w5", "w1 w2 w3 w4 w5",
			PRF{0.4, 0.8, 2 * 0.4 * 0.8 / 1.2}, PRF{1. / 9, 1. / 4, 2 * (1. / 9) * 0.25 / (1./9 + 0.25)}, PRF{0.4, 0.8, 2 * 0.4 * 0.8 / 1.2}},
		{"clipped counts", "a a a a", "a b",
			PRF{0.25, 0.5, 2 * 0.25 * 0.5 / 0.75}, PRF{}, PRF{0.25, 0.5, 2 * 0.25 * 0.5 / 0.75}},
		{"empty candidate", "", "a b", PRF{}, PRF{}, PRF{}},
		{"identical", "a b c|d e", "a b c|d e", PRF{1, 1, 1}, PRF{1, 1, 1}, PRF{1, 1, 1}},
	}
	for _, c := range cases {
		got := Score(sents(c.cand), sents(c.ref))
		for _, x := range []struct {
			what      string
			got, want PRF
		}{{"R1", got.R1, c.r1}, {"R2", got.R2, c.r2}, {"RL", got.RL, c.rl}} {
			if !near(x.got.P, x.want.P) || !near(x.got.R, x.want.R) || !near(x.got.F, x.want.F) {
				t.Errorf("%s %s: got %+v, want %+v", c.name, x.what, x.got, x.want)
			}
		}
	}
}

const twoArticles = `{"id":"a1","paragraphs":[[["Harga","cabai","naik","."],["Pedagang","mengeluh","."]],[["Pemerintah","turun","tangan","."]]],"summary":[["Harga","cabai","naik","."]],"gold_labels":[[true,false],[true]],"category":"ekonomi","source":"test"}

{"id":"a2","paragraphs":[[["Banjir","melanda","kota","."]]],"summary":[["Banjir","."]],"gold_labels":[[true]]}
`

func TestRead(t *testing.T) {
	arts, err := Read(strings.NewReader(twoArticles))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	a := arts[0]
	if want := "Harga cabai naik . Pedagang mengeluh .\n\nPemerintah turun tangan ."; a.Text != want {
		t.Errorf("text %q, want %q", a.Text, want)
	}
	for i, sp := range a.Spans {
		if got := a.Text[sp[0]:sp[1]]; got != strings.Join(flat(a.Paragraphs)[i], " ") {
			t.Errorf("span %d = %q", i, got)
		}
	}
	if !slices.Equal(a.Gold, []bool{true, false, true}) {
		t.Errorf("gold %v", a.Gold)
	}
	// Our sentences may be split differently: a sentence is labelled when
	// more than half of it lies in gold sentences.
	labels := a.Labels([][2]int{{0, 18}, {19, 37}, {0, 37}, {39, 63}})
	if want := []bool{true, false, false, true}; !slices.Equal(labels, want) {
		t.Errorf("labels %v, want %v", labels, want)
	}
	if got := a.OracleSentences(); len(got) != 2 || got[0][0] != "harga" {
		t.Errorf("oracle %q", got)
	}
	if _, err := Read(strings.NewReader("{\"id\":1}\n")); err == nil {
		t.Errorf("Read accepted a bad record")
	}
	if _, err := Read(strings.NewReader("{\"id\":\"x\",\"paragraphs\":[]}\n")); err == nil {
		t.Errorf("Read accepted an article without sentences")
	}
}

func flat(p [][][]string) [][]string {
	var out [][]string
	for _, x := range p {
		out = append(out, x...)
	}
	return out
}

func TestTrain(t *testing.T) {
	// One informative feature (pos_inv): positives have it high.
	d := len(summarize.FeatureNames())
	var x [][]float64
	var y []float64
	for i := 0; i < 200; i++ {
		v := make([]float64, d)
		v[0] = float64(i%10) / 10
		x = append(x, v)
		y = append(y, b2f(i%10 >= 7))
	}
	w, err := Train(x, y, 0)
	if err != nil {
		t.Fatal(err)
	}
	if w.Weight("pos_inv") <= 0 {
		t.Errorf("pos_inv weight %v, want > 0", w.Weight("pos_inv"))
	}
	if _, err := Train(nil, nil, 0); err == nil {
		t.Errorf("Train accepted no data")
	}
	if _, err := Train([][]float64{{1, 2}}, []float64{1}, 0); err == nil {
		t.Errorf("Train accepted rows of the wrong width")
	}
}

// The hidden units learn what a linear model cannot: the label is
// pos_0 XOR quote.
func TestTrainHidden(t *testing.T) {
	names := summarize.FeatureNames()
	i0, i1 := slices.Index(names, "pos_0"), slices.Index(names, "quote")
	var x [][]float64
	var y []float64
	for i := 0; i < 400; i++ {
		v := make([]float64, len(names))
		a, b := i%2, (i/2)%2
		v[i0], v[i1] = float64(a), float64(b)
		v[slices.Index(names, "len_log")] = float64(i%7) / 7 // noise
		x = append(x, v)
		y = append(y, float64(a^b))
	}
	acc := func(w *summarize.Weights) float64 {
		ok := 0
		for i := range x {
			if (w.Score(x[i]) > 0) == (y[i] == 1) {
				ok++
			}
		}
		return float64(ok) / float64(len(x))
	}
	lin, err := Train(x, y, 0)
	if err != nil {
		t.Fatal(err)
	}
	mlp, err := Train(x, y, 4)
	if err != nil {
		t.Fatal(err)
	}
	if mlp.Units() != 4 {
		t.Errorf("%d units, want 4", mlp.Units())
	}
	if a := acc(mlp); a < 0.99 {
		t.Errorf("hidden units: accuracy %.2f on XOR, want ≥ 0.99 (linear: %.2f)", a, acc(lin))
	}
	// Training is deterministic.
	again, _ := Train(x, y, 4)
	if again.Score(x[1]) != mlp.Score(x[1]) {
		t.Errorf("two trainings differ")
	}
}

func indosumPath(t *testing.T) string {
	p := filepath.Join("..", "..", "..", "..", "shared", "data", "indosum", "indosum-dev.jsonl")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("IndoSum data not found beside the checkout (%v); skipping", err)
	}
	return p
}

// A small cross-validated run on the first 40 IndoSum articles.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	raw, err := os.ReadFile(indosumPath(t))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	if len(lines) != 1699 {
		t.Errorf("%d articles, want 1699", len(lines))
	}
	arts, err := Read(strings.NewReader(strings.Join(lines[:40], "\n")))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Preparer()
	if err != nil {
		t.Fatal(err)
	}
	docs := Prepare(s, arts)
	rep, err := Run(docs, Config{N: 3})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Print(&b)
	t.Log("\n" + b.String())
	for _, name := range []string{"LEAD-3", "TF-IDF+MMR", "LexRank+MMR", DefaultRow, "ORACLE"} {
		r, ok := rep.Find(name)
		if !ok || r.Articles != 40 || !(r.R1 > 20 && r.R1 <= 100) {
			t.Errorf("row %q: %+v", name, r)
		}
	}
}

const bekasiArticles = `{"id":"b1","paragraphs":[[["Warga","Bekasi","menanam","padi","."],["Hujan","turun","."]]],"summary":[["Warga","Bekasi","menanam","padi","."]],"gold_labels":[[true,false]]}
{"id":"b2","paragraphs":[[["Banjir","melanda","Bekasi","lagi","."],["Warga","mengungsi","."]]],"summary":[["Banjir","melanda","Bekasi","."]],"gold_labels":[[true,false]]}
`

// PreparePipeline gives the summariser the Analyzer's stems over the same
// sentences as Prepare; IDFDiff counts the table lines the two ways of
// preparing disagree on.
func TestPreparePipeline(t *testing.T) {
	arts, err := Read(strings.NewReader(bekasiArticles))
	if err != nil {
		t.Fatal(err)
	}
	prep := func(opts ...summarize.Option) []*Doc {
		s, err := summarize.New(opts...)
		if err != nil {
			t.Fatal(err)
		}
		return Prepare(s, arts)
	}
	protected, stemmed := prep(), prep(summarize.WithoutNameProtection())
	pipe, err := PreparePipeline(arts)
	if err != nil {
		t.Fatal(err)
	}
	for k, d := range pipe {
		want := protected[k]
		if len(d.In.Sentences) != len(want.In.Sentences) || !slices.Equal(d.Labels, want.Labels) {
			t.Fatalf("article %d: pipeline sentences or labels differ from Prepare's", k)
		}
		for i, se := range d.In.Sentences {
			for j, tok := range se.Tokens {
				if tok.Text == "Bekasi" && d.In.Stems[i][j] != "bekasi" {
					t.Errorf("article %d: pipeline stem of mid-sentence Bekasi %q, want bekasi", k, d.In.Stems[i][j])
				}
			}
		}
	}
	if n, a, b, err := IDFDiff(protected, protected); err != nil || n != 0 || a != b {
		t.Errorf("IDFDiff of one preparation = %d, %d, %d, %v; want 0 and equal sizes", n, a, b, err)
	}
	// bekasi (2 articles) against bekas (2 articles): two lines differ.
	if n, _, _, err := IDFDiff(protected, stemmed); err != nil || n != 2 {
		t.Errorf("IDFDiff(protected, stemmed) = %d, %v; want 2", n, err)
	}
	if n, _, _, err := IDFDiff(protected, pipe); err != nil || n != 0 {
		t.Errorf("IDFDiff(protected, pipeline) = %d, %v; want 0", n, err)
	}
}
