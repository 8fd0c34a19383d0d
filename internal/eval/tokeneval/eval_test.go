package tokeneval

import (
	"strings"
	"testing"
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
	} {
		if got := ArtefactOf(text); got != want {
			t.Errorf("ArtefactOf(%q) = %v, want %v", text, got, want)
		}
	}
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
