package entities

import (
	"math/rand/v2"
	"reflect"
	"slices"
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

func TestGroupDocument(t *testing.T) {
	text := "Gubernur Basuki Tjahaja Purnama alias Ahok tiba. Ahok bertemu Andi Agustinus alias Andi Narogong alias Andi. " +
		"Narogong diam. Ahok dan Basuki Tjahaja Purnama hadir; Joko Widodo juga."
	var ms []Mention
	from := 0
	for _, name := range []string{"Basuki Tjahaja Purnama", "Ahok", "Ahok", "Andi Agustinus", "Andi Narogong", "Andi", "Narogong", "Ahok", "Basuki Tjahaja Purnama", "Joko Widodo"} {
		i := strings.Index(text[from:], name) + from
		ms = append(ms, Mention{Text: name, Label: PER, Start: i, End: i + len(name), Score: 1})
		from = i + len(name)
	}
	gs := GroupDocument(text, ms)
	type nc struct {
		name  string
		count int
	}
	var got []nc
	for _, g := range gs {
		got = append(got, nc{g.Name, g.Count})
		if len(g.Mentions) != g.Count || !slices.IsSortedFunc(g.Mentions, func(a, b Span) int { return a.Start - b.Start }) {
			t.Errorf("group %q: %d mentions %v, count %d, want them sorted", g.Name, len(g.Mentions), g.Mentions, g.Count)
		}
	}
	// Andi joins Andi Agustinus by its words and Narogong Andi Narogong's;
	// the aliases join the rest.
	want := []nc{{"Basuki Tjahaja Purnama", 5}, {"Andi Agustinus", 4}, {"Joko Widodo", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("groups %v, want %v", got, want)
	}
	// without an alias, the groups of GroupMentions
	if plain := ms[len(ms)-1:]; !reflect.DeepEqual(GroupDocument(text, plain), GroupMentions(plain)) {
		t.Error("GroupDocument differs from GroupMentions without an alias")
	}
	if got := GroupDocument("", nil); len(got) != 0 {
		t.Errorf("GroupDocument of nothing = %v", got)
	}
}

// TestGroupDocumentRandom: on random mentions, in and out of order, over a
// text full of aliases, GroupDocument never panics and every mention is in
// exactly one group.
func TestGroupDocumentRandom(t *testing.T) {
	text := strings.Repeat("Ahok alias Basuki alias Budi dan Andi alias ", 20)
	words := strings.Fields(text)
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 5000 {
		var ms []Mention
		pos := 0
		for range rng.IntN(2 * smallGroups) {
			w := words[rng.IntN(len(words))]
			i := strings.Index(text[pos:], w)
			if i < 0 {
				break
			}
			pos += i
			m := Mention{Text: w, Label: []Label{PER, PER, ORG}[rng.IntN(3)], Start: pos, End: pos + len(w)}
			if rng.IntN(20) == 0 {
				m.Start, m.End = rng.IntN(len(text)+10)-5, rng.IntN(len(text)+10)-5
			}
			ms = append(ms, m)
			pos += len(w)
		}
		n := 0
		for _, g := range GroupDocument(text, ms) {
			n += g.Count
			if g.Count != len(g.Mentions) {
				t.Fatalf("trial %d: group %q count %d, %d mentions", trial, g.Name, g.Count, len(g.Mentions))
			}
		}
		if n != len(ms) {
			t.Fatalf("trial %d: %d mentions in groups, %d given", trial, n, len(ms))
		}
	}
}
