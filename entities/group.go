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
	type key struct {
		label Label
		low   string
	}
	var gs []*group
	byKey := make(map[key]*group, len(ms))
	perIndex := map[string][]*group{} // word → people's groups with that word
	abbrIndex := map[key][]*group{}   // abbreviation or initials → groups
	// Longest names first, so that short forms find them.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	nw := make([]int, len(ms))
	for i, m := range ms {
		nw[i] = countFields(stripAbbrev(m.Text))
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
		k := key{m.Label, low}
		g := byKey[k]
		var words []string
		if g == nil {
			words = strings.Fields(low)
		}
		if g == nil && m.Label == PER && len(words) > 0 {
			g = best(perIndex[words[0]], func(c *group) bool {
				return len(words) < len(c.words) && subsequence(words, c.words)
			})
		}
		if g == nil && (m.Label == ORG || m.Label == LOC) && len(words) == 1 {
			g = best(abbrIndex[k], func(*group) bool { return true })
		}
		if g == nil {
			g = &group{Group: Group{Name: name, Label: m.Label}, words: words, first: m.Start}
			gs = append(gs, g)
			byKey[k] = g
			if m.Label == PER && len(words) > 1 {
				for _, w := range words {
					perIndex[w] = append(perIndex[w], g)
				}
			}
			if (m.Label == ORG || m.Label == LOC) && len(words) >= 2 {
				ik := key{m.Label, initials(words)}
				abbrIndex[ik] = append(abbrIndex[ik], g)
			}
		}
		if abbr != "" {
			ak := key{g.Label, strings.ToLower(abbr)}
			if !slices.Contains(abbrIndex[ak], g) {
				abbrIndex[ak] = append(abbrIndex[ak], g)
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

// countFields returns len(strings.Fields(s)) without making the fields.
func countFields(s string) int {
	n := 0
	inField := false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !inField {
			n++
		}
		inField = !sp
	}
	return n
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
