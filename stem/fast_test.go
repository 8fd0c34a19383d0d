package stem

import "testing"

// TestFastSet: the fast set answers for every known word, and for words
// that are not, as the known-word table does.
func TestFastSet(t *testing.T) {
	im := Default().imp
	probe := append([]string{"", "x", "bukanlahkata", "zzzzzzzzzzz", "abcdefghijk", "abcdefghijkl"}, im.known.words...)
	for _, w := range im.known.words[:min(len(im.known.words), 3000)] {
		probe = append(probe, w+"x", "x"+w, w[:len(w)/2])
	}
	for _, w := range probe {
		want, wok := "", false
		if i := im.known.findString(w); i >= 0 {
			want, wok = im.res[i], true
		}
		if got, ok := im.knownString(w); got != want || ok != wok {
			t.Fatalf("knownString(%q) = %q, %v; table says %q, %v", w, got, ok, want, wok)
		}
		if got, ok := im.knownBytes([]byte(w)); got != want || ok != wok {
			t.Fatalf("knownBytes(%q) = %q, %v; table says %q, %v", w, got, ok, want, wok)
		}
	}
}
