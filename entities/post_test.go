package entities

import (
	"strings"
	"testing"
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
