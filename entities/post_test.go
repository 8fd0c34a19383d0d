package entities

import (
	"slices"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

func TestNameSetHas(t *testing.T) {
	tests := []struct {
		words string
		start int
		end   int
		want  bool
	}{
		{"peretas korut mencuri", 1, 2, true},
		{"di tepi barat kemarin", 1, 3, true},
		{"di tepi barat kemarin", 1, 2, false}, // part of a name
		{"di tepi barat kemarin", 0, 3, false}, // more than the name
		{"kata joko widodo", 1, 3, false},      // not a place
		{"a b c d", 0, 4, false},               // longer than any listed name
		{"kabid humas polda", 0, 1, false},     // not a place
		{"pasukan as dan rusia", 1, 2, true},   // lower-cased by the caller
		{"timur tengah memanas", 0, 2, true},   // two words
		{"timur tengah memanas", 0, 1, false},  // first word alone
		{"inggris raya", 0, 2, false},          // not listed as two words
	}
	for _, tt := range tests {
		words := strings.Fields(tt.words)
		info := make([]tokInfo, len(words))
		for i, w := range words {
			info[i].low = w
		}
		if got := placeNames.has(info, TokenSpan{Start: tt.start, End: tt.end, Label: PER}); got != tt.want {
			t.Errorf("%q [%d,%d): got %v, want %v", tt.words, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestIsGazPlace(t *testing.T) {
	tests := []struct {
		marks      string // the tokens' gazetteer marks for LOC, '.' for none
		start, end int
		want       bool
	}{
		{".U.", 1, 2, true},
		{".BI.", 1, 3, true},
		{".BI.", 1, 2, false}, // part of a match
		{".BII", 1, 3, false}, // the match goes on
		{".BII", 1, 4, true},  // to the end of the sentence
		{"UU", 0, 2, false},   // two matches
		{"...", 0, 1, false},
	}
	for _, tt := range tests {
		info := make([]tokInfo, len(tt.marks))
		for i := range tt.marks {
			if c := tt.marks[i]; c != '.' {
				info[i].gaz[LOC] = c
			}
		}
		if got := isGazPlace(info, TokenSpan{Start: tt.start, End: tt.end, Label: PER}); got != tt.want {
			t.Errorf("%s [%d,%d): got %v, want %v", tt.marks, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestNamesNoPerson(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"yamaha":  true,  // data/orgnames.txt
		"korut":   true,  // data/placenames.txt
		"moskow":  true,  // the model's gazetteer
		"haftar":  false, // a surname
		"widodo":  false,
		"":        false,
		"jakarta": true,
	} {
		if got := r.namesNoPerson(w); got != want {
			t.Errorf("namesNoPerson(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestNameWords(t *testing.T) {
	r := defaultRecognizer(t)
	s := r.scratch.Get()
	defer r.scratch.Put(s)
	for text, want := range map[string]bool{
		"Wayne":         true,
		"Milan Paolo":   true,
		"Zorvath":       true,  // unknown to the word classes: no evidence against
		"Gantian":       false, // "in turn", mostly lower case
		"Osama bin":     false, // a word in lower case
		"Page \u00a0":   false, // another space than one plain space
		"Maverick  Jr.": false, // two spaces
	} {
		if got := r.nameWords(text, s); got != want {
			t.Errorf("nameWords(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestOtherNames runs the document pass on mentions given by hand: the
// surname or alias of a person named in full is that person, unless a
// longer organisation or place name of the document holds it.
func TestOtherNames(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		name, text string
		given      []string // "LABEL text", in text order, each at its first place from the previous one; "skip text" passes it
		want       []string // the labels after the pass, in the same order
	}{
		{"surname", "Wayne Rooney kembali. Agen Rooney bicara. Rooney setuju.",
			[]string{"PER Wayne Rooney", "ORG Rooney", "ORG Rooney"}, []string{"PER", "PER", "PER"}},
		{"one full name taken for an organisation", "Wayne Rooney kembali. Wayne Rooney setuju. Agen Rooney bicara. Rooney senang.",
			[]string{"PER Wayne Rooney", "ORG Wayne Rooney", "ORG Rooney", "ORG Rooney"}, []string{"PER", "PER", "PER", "PER"}},
		// (by the majority of its labels, as before: a surname's vote
		// against one ORG would win the tie)
		{"a word of an organisation's name", "Selamat HUT Dhika Bhayangkara. Bhayangkara FC menang. Bhayangkara juara, Bhayangkara senang.",
			[]string{"PER Dhika Bhayangkara", "ORG Bhayangkara FC", "ORG Bhayangkara", "ORG Bhayangkara"}, []string{"PER", "ORG", "ORG", "ORG"}},
		{"not written as a name", "Gantian Arema menyerang. Arema unggul. Arema menang.",
			[]string{"PER Gantian Arema", "ORG Arema", "ORG Arema"}, []string{"PER", "ORG", "ORG"}},
		{"a listed organisation", "Maverick Yamaha tiba. Yamaha menang. Yamaha juara.",
			[]string{"PER Maverick Yamaha", "ORG Yamaha", "ORG Yamaha"}, []string{"PER", "ORG", "ORG"}},
		// the pass adds the alias where the model missed it
		{"alias", "Ketua DPR Setya Novanto alias Setnov hadir. Setnov menolak. Setnov diam.",
			[]string{"PER Setya Novanto", "skip Setnov", "ORG Setnov", "ORG Setnov"}, []string{"PER", "PER", "PER", "PER"}},
		{"alias of no person", "Program Juling alias Jumat Keliling. Jumat Keliling ramai. Jumat Keliling lagi.",
			[]string{"ORG Program Juling", "skip Jumat Keliling", "ORG Jumat Keliling", "ORG Jumat Keliling"}, []string{"ORG", "ORG", "ORG", "ORG"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []Mention
			from := 0
			for _, g := range tt.given {
				label, name, _ := strings.Cut(g, " ")
				i := strings.Index(tt.text[from:], name) + from
				if label == "skip" {
					from = i + len(name)
					continue
				}
				l, err := ParseLabel(label)
				if err != nil {
					t.Fatal(err)
				}
				ms = append(ms, Mention{Text: name, Label: l, Start: i, End: i + len(name), Score: 0.5})
				from = i + len(name)
			}
			s := r.scratch.Get()
			defer r.scratch.Put(s)
			out := r.docPass(tt.text, tokenize.Default().Sentences(tt.text), ms, s)
			var got []string
			for _, m := range out {
				got = append(got, m.Label.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("labels %v, want %v (%v)", got, tt.want, out)
			}
		})
	}
}

func TestAfterAlias(t *testing.T) {
	for _, tt := range []struct {
		text string
		i    int
		want int
	}{
		{"Setya Novanto alias Setnov", 13, 20},
		{"Setya Novanto  ALIAS\tSetnov", 13, 21},
		{"Setya Novanto alias", 13, -1},       // nothing after
		{"Setya Novanto aliasSetnov", 13, -1}, // no space after
		{"Setya Novantoalias Setnov", 13, -1}, // no space before
		{"Setya Novanto alias Setnov", 0, -1},
		{"Setya Novanto alias Setnov", 99, -1},
		{"Setya Novanto alias Setnov", -1, -1},
		{"x al", 1, -1},
	} {
		if got := afterAlias(tt.text, tt.i); got != tt.want {
			t.Errorf("afterAlias(%q, %d) = %d, want %d", tt.text, tt.i, got, tt.want)
		}
	}
}
