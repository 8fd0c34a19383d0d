package entities

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

// FuzzRecognize checks the invariants on any input: no panic, mentions in
// bounds, in order, not overlapping, slicing back to the text; the groups
// point at mentions.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Presiden Joko Widodo bertemu Sergei Lavrov di Moskow, Selasa (29/11).",
		"Rp1,5 triliun, US$3 juta, 12,5 persen, 10.30 WIB, 1.300 km",
		"Tentara Nasional Libya (LNA) dan PBB", "JOKOWI DI ISTANA", "\xff\xfe(", "((((", "Osama bin bin bin",
		"", " ", "\x00", "Sat. Apr 8th, 2023",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/000_891277e20803d97e.txt"); err == nil {
		f.Add(string(b))
	}
	opt := WithGazetteer(ORG, []string{"Kabar", "(", "Rp"})
	r, err := New(opt)
	if err != nil {
		f.Fatal(err)
	}
	// The same recogniser on the reference path (fast.go), which must
	// give the same mentions.
	ref := referenceOf(f, r.m, opt)
	f.Fuzz(func(t *testing.T, text string) {
		sents := tokenize.Sentences(text)
		ms := r.Recognize(text, sents)
		checkMentions(t, text, ms)
		if want := ref.Recognize(text, sents); !slices.Equal(ms, want) {
			t.Fatalf("fast path %+v\nreference path %+v", ms, want)
		}
		ms2 := r.Recognize(text, testSentences(text))
		checkMentions(t, text, ms2)
		total := 0
		for _, g := range GroupMentions(ms) {
			total += g.Count
			if g.Count != len(g.Mentions) {
				t.Fatalf("group %+v: count and mentions differ", g)
			}
		}
		if total != len(ms) {
			t.Fatalf("groups hold %d mentions, want %d", total, len(ms))
		}
		if len(ms) <= smallGroups {
			if got, want := groupSmall(ms), groupMap(ms); !reflect.DeepEqual(got, want) {
				t.Fatalf("groupSmall %+v\ngroupMap %+v", got, want)
			}
		}
	})
}

// FuzzLoad checks that Load never panics on arbitrary bytes.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(modelMagic))
	f.Add([]byte("KABARNER\x01\x00\x01\x00\x01\x01"))
	f.Add(defaultModelBytes[:256])
	f.Add(defaultModelBytes[len(defaultModelBytes)-64:])
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := LoadBytes(b)
		if err == nil {
			r.Find("Joko Widodo di Jakarta.")
		}
	})
}
