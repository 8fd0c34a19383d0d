package entities

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestGroupSmall checks that groupSmall, the path GroupMentions takes for
// up to smallGroups mentions, gives what groupMap gives, on random
// mentions drawn from names that share words, initials and bracketed
// abbreviations, so that every way of joining a group is exercised.
func TestGroupSmall(t *testing.T) {
	names := []string{
		"Khalifa Haftar", "Haftar", "Khalifa", "Sergei Lavrov", "Lavrov", "Sergei",
		"Perserikatan Bangsa-Bangsa", "PBB", "Perserikatan Bangsa-Bangsa (PBB)",
		"Tentara Nasional Libya (LNA)", "LNA", "Tentara Nasional Libya", "TNL",
		"Libya", "libya", "LIBYA", "Rusia", "Amerika Serikat", "AS", "Amerika Serikat (AS)",
		"Joko Widodo", "Widodo", "Joko", "Joko Widodo Joko", "Bank Indonesia", "BI",
		"Komisi Pemberantasan Korupsi (KPK)", "KPK", "Komisi Pemberantasan Korupsi",
		"Dewan Perwakilan Rakyat", "DPR", "Partai Demokrat", "PD", "Korea Utara", "Korut", "KORUT", "X", "",
	}
	labels := []Label{PER, ORG, LOC, PER, ORG, LOC, Label(99)}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 20000 {
		n := rng.IntN(smallGroups + 1)
		ms := make([]Mention, n)
		pos := 0
		for i := range ms {
			name := names[rng.IntN(len(names))]
			pos += 1 + rng.IntN(5)
			ms[i] = Mention{Text: name, Label: labels[rng.IntN(len(labels))], Start: pos, End: pos + len(name)}
			pos += len(name)
			if rng.IntN(20) == 0 { // out of order or repeated positions
				ms[i].Start, ms[i].End = rng.IntN(pos+1), rng.IntN(pos+1)
			}
		}
		if got, want := groupSmall(ms), groupMap(ms); !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d, %d mentions %v:\ngroupSmall %v\ngroupMap   %v", trial, n, ms, got, want)
		}
	}
}

// BenchmarkGroupMentions groups the mentions of a typical article.
func BenchmarkGroupMentions(b *testing.B) {
	r, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := "Jenderal Khalifa Haftar bertemu Menteri Luar Negeri Rusia Sergei Lavrov di Moskow. " +
		"Haftar memimpin Tentara Nasional Libya (LNA). Lavrov mengatakan Rusia mendukung " +
		"Perserikatan Bangsa-Bangsa. PBB menyerukan gencatan senjata di Libya. LNA menolak. " +
		"Presiden Joko Widodo dan Bank Indonesia juga hadir; Widodo berbicara tentang Libya."
	ms := r.Find(text)
	for _, f := range []struct {
		name string
		f    func([]Mention) []Group
	}{{"small", groupSmall}, {"map", groupMap}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f.f(ms)
			}
		})
	}
}

func TestCountFields(t *testing.T) {
	for _, s := range []string{"", " ", "Khalifa Haftar", "  Tentara\tNasional\nLibya  ", "Uni\u00a0Emirat Arab", "Bosnia\u2003dan\u0085Herzegovina", "é è", "a\vb\fc\rd"} {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestInitials(t *testing.T) {
	for words, want := range map[string]string{
		"perserikatan bangsa-bangsa": "pbb",
		"tentara nasional libya":     "tnl",
		"bosnia dan herzegovina":     "bh", // dan is an edge word
		"partai -":                   "p",
	} {
		if got := initials(strings.Fields(words)); got != want {
			t.Errorf("initials(%q) = %q, want %q", words, got, want)
		}
	}
}
