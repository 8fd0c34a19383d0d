package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is the position of one mention of a Group: byte offsets into the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Group gathers the mentions of one entity in a document.
type Group struct {
	Name     string `json:"name"`     // the fullest mention, without an abbreviation in brackets
	Label    Label  `json:"label"`    // the label of that mention
	Count    int    `json:"count"`    // the number of mentions
	Mentions []Span `json:"mentions"` // the mentions in text order
}

// GroupMentions groups the mentions of one document by entity, most
// mentioned first (then by first mention). Mentions of the same text
// (ignoring case) are one entity. Among people, a mention whose words all
// occur, in order, in a longer name joins that name's group (Haftar →
// Khalifa Haftar), the longer name that is mentioned most winning a tie.
// Among organisations and places, an abbreviation joins the name it
// abbreviates, written with it in brackets (Tentara Nasional Libya (LNA) …
// LNA) or matching its initials (Perserikatan Bangsa-Bangsa … PBB). Other
// labels group by exact text.
func GroupMentions(ms []Mention) []Group {
	type group struct {
		Group
		words []string
		first int
	}
	var gs []*group
	byKey := map[string]*group{}
	perIndex := map[string][]*group{}  // word → people's groups with that word
	abbrIndex := map[string][]*group{} // abbreviation or initials → groups
	// Longest names first, so that short forms find them.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	nw := make([]int, len(ms))
	for i, m := range ms {
		nw[i] = len(strings.Fields(stripAbbrev(m.Text)))
	}
	slices.SortStableFunc(order, func(a, b int) int { return nw[b] - nw[a] })
	best := func(cands []*group, ok func(*group) bool) *group {
		var g *group
		for _, c := range cands {
			if ok(c) && (g == nil || c.Count > g.Count) {
				g = c
			}
		}
		return g
	}
	for _, i := range order {
		m := ms[i]
		name, abbr := splitAbbrev(m.Text)
		low := strings.ToLower(name)
		key := m.Label.String() + "\x00" + low
		g := byKey[key]
		words := strings.Fields(low)
		if g == nil && m.Label == PER && len(words) > 0 {
			g = best(perIndex[words[0]], func(c *group) bool {
				return len(words) < len(c.words) && subsequence(words, c.words)
			})
		}
		if g == nil && (m.Label == ORG || m.Label == LOC) && len(words) == 1 {
			g = best(abbrIndex[m.Label.String()+"\x00"+low], func(*group) bool { return true })
		}
		if g == nil {
			g = &group{Group: Group{Name: name, Label: m.Label}, words: words, first: m.Start}
			gs = append(gs, g)
			byKey[key] = g
			if m.Label == PER && len(words) > 1 {
				for _, w := range words {
					perIndex[w] = append(perIndex[w], g)
				}
			}
			if (m.Label == ORG || m.Label == LOC) && len(words) >= 2 {
				k := m.Label.String() + "\x00" + initials(words)
				abbrIndex[k] = append(abbrIndex[k], g)
			}
		}
		if abbr != "" {
			k := g.Label.String() + "\x00" + strings.ToLower(abbr)
			if !slices.Contains(abbrIndex[k], g) {
				abbrIndex[k] = append(abbrIndex[k], g)
			}
		}
		g.Count++
		g.Mentions = append(g.Mentions, Span{m.Start, m.End})
		g.first = min(g.first, m.Start)
	}
	out := make([]Group, 0, len(gs))
	slices.SortStableFunc(gs, func(a, b *group) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return a.first - b.first
	})
	for _, g := range gs {
		slices.SortFunc(g.Mentions, func(a, b Span) int { return a.Start - b.Start })
		out = append(out, g.Group)
	}
	return out
}

// subsequence reports whether a's words occur in b in order.
func subsequence(a, b []string) bool {
	j := 0
	for _, w := range b {
		if j < len(a) && a[j] == w {
			j++
		}
	}
	return j == len(a)
}

// initials returns the first letters of the capitalised words, splitting
// at hyphens: Perserikatan Bangsa-Bangsa → pbb.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(part); unicode.IsLetter(r) && !edgeStop[part] {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// splitAbbrev splits "Tentara Nasional Libya (LNA)" into the name and the
// abbreviation.
func splitAbbrev(s string) (name, abbr string) {
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i > 0 {
			a := strings.TrimSpace(s[i+1 : len(s)-1])
			if isAbbrev(a) {
				return strings.TrimSpace(s[:i]), a
			}
		}
	}
	return s, ""
}

func stripAbbrev(s string) string { n, _ := splitAbbrev(s); return n }
