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
		key   string
		words []string
		abbr  []string
		first int
	}
	var gs []*group
	byKey := map[string]*group{}
	// Longest names first, so that short forms find them.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	nw := func(m Mention) int { return len(strings.Fields(stripAbbrev(m.Text))) }
	slices.SortStableFunc(order, func(a, b int) int { return nw(ms[b]) - nw(ms[a]) })
	for _, i := range order {
		m := ms[i]
		name, abbr := splitAbbrev(m.Text)
		key := m.Label.String() + "\x00" + strings.ToLower(name)
		g := byKey[key]
		if g == nil && (m.Label == PER || m.Label == ORG || m.Label == LOC) {
			g = findLonger(gs, m.Label, name, func(g *group) ([]string, []string, int, Label) { return g.words, g.abbr, g.Count, g.Label })
		}
		if g == nil {
			g = &group{Group: Group{Name: name, Label: m.Label}, key: key, words: strings.Fields(strings.ToLower(name)), first: m.Start}
			gs = append(gs, g)
			byKey[key] = g
		}
		if abbr != "" && !slices.Contains(g.abbr, strings.ToLower(abbr)) {
			g.abbr = append(g.abbr, strings.ToLower(abbr))
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

// findLonger finds the group a short mention belongs to, or nil.
func findLonger[G any](gs []G, label Label, name string, get func(G) ([]string, []string, int, Label)) G {
	var best G
	bestCount := -1
	words := strings.Fields(strings.ToLower(name))
	low := strings.ToLower(name)
	for _, g := range gs {
		gw, ab, count, gl := get(g)
		ok := false
		switch {
		case label == PER && gl == PER && len(words) < len(gw) && subsequence(words, gw):
			ok = true
		case (label == ORG || label == LOC) && gl == label && len(words) == 1:
			ok = slices.Contains(ab, low) || (len(gw) >= 2 && isAbbrev(name) && initials(gw) == low)
		}
		if ok && count > bestCount {
			best, bestCount = g, count
		}
	}
	return best
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
