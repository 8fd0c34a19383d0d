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
// LNA) or matching its initials (Perserikatan Bangsa-Bangsa … PBB), and a
// short form of a place joins its full name (Korea Utara … Korut). Other
// labels group by exact text.
func GroupMentions(ms []Mention) []Group {
	if len(ms) <= smallGroups {
		return groupSmall(ms)
	}
	return groupMap(ms)
}

// GroupDocument is GroupMentions for the mentions of text, in text order
// as Recognize returns them, with one more way of joining: a person's name
// written right after another person's name and "alias" is the same
// person (Basuki Tjahaja Purnama alias Ahok … Ahok). The group takes the
// name written before "alias", and holds the mentions of both names.
func GroupDocument(text string, ms []Mention) []Group {
	gs := GroupMentions(ms)
	// The groups of the two names of each alias, joined under the first.
	var parent []int
	find := func(g int) int {
		for parent[g] != g {
			parent[g] = parent[parent[g]]
			g = parent[g]
		}
		return g
	}
	var groupOf map[Span]int
	for k := 1; k < len(ms); k++ {
		p, m := &ms[k-1], &ms[k]
		if p.Label != PER || m.Label != PER || afterAlias(text, p.End) != m.Start {
			continue
		}
		if parent == nil {
			parent = make([]int, len(gs))
			for g := range parent {
				parent[g] = g
			}
			groupOf = make(map[Span]int, len(ms))
			for g := range gs {
				for _, sp := range gs[g].Mentions {
					groupOf[sp] = g
				}
			}
		}
		a, b := find(groupOf[Span{p.Start, p.End}]), find(groupOf[Span{m.Start, m.End}])
		if a != b {
			parent[b] = a
		}
	}
	if parent == nil {
		return gs
	}
	var out []Group
	at := make([]int, len(gs)) // index in out of each root's group
	for g := range gs {
		if r := find(g); r == g {
			at[g] = len(out)
			out = append(out, gs[g])
		}
	}
	for g := range gs {
		if r := find(g); r != g {
			j := at[r]
			out[j].Mentions = append(slices.Clip(out[j].Mentions), gs[g].Mentions...)
			out[j].Count += gs[g].Count
		}
	}
	for j := range out {
		slices.SortFunc(out[j].Mentions, func(a, b Span) int { return a.Start - b.Start })
	}
	slices.SortStableFunc(out, func(a, b Group) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return a.Mentions[0].Start - b.Mentions[0].Start
	})
	return out
}

// smallGroups is the most mentions that groupSmall handles: it looks
// groups up by scanning them, which beats building maps for the few dozen
// mentions of an article, and would be quadratic for many.
const smallGroups = 64

// groupMap is GroupMentions with maps, for any number of mentions.
func groupMap(ms []Mention) []Group {
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
				for _, sf := range shortForms(m.Label, low) {
					sk := key{m.Label, sf}
					abbrIndex[sk] = append(abbrIndex[sk], g)
				}
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

// groupSmall is GroupMentions for a few mentions, with the same result as
// groupMap (TestGroupSmall): it finds groups by scanning them in the order
// groupMap's maps list them, and allocates the groups and their spans in
// one slice each.
func groupSmall(ms []Mention) []Group {
	if len(ms) == 0 {
		return []Group{}
	}
	type group struct {
		name  string
		label Label
		low   string // with label, the key of the mention that made it
		words []string
		first int
		count int
		spans []Span
	}
	type abbrKey struct {
		label Label
		key   string
		g     int
	}
	var (
		gsBuf  [smallGroups]group
		gs     = gsBuf[:0]
		abBuf  [2 * smallGroups]abbrKey
		abbrs  = abBuf[:0] // abbrIndex of groupMap, in the order of its appends
		ordBuf [smallGroups]int
		nwBuf  [smallGroups]int
		gidBuf [smallGroups]int
	)
	order, nw, gid := ordBuf[:len(ms)], nwBuf[:len(ms)], gidBuf[:len(ms)]
	for i, m := range ms {
		order[i] = i
		nw[i] = countFields(stripAbbrev(m.Text))
	}
	slices.SortStableFunc(order, func(a, b int) int { return nw[b] - nw[a] })
	best := func(ok func(g int) bool) int {
		b := -1
		for g := range gs {
			if ok(g) && (b < 0 || gs[g].count > gs[b].count) {
				b = g
			}
		}
		return b
	}
	bestAbbr := func(label Label, key string) int {
		b := -1
		for _, e := range abbrs {
			if e.label == label && e.key == key && (b < 0 || gs[e.g].count > gs[b].count) {
				b = e.g
			}
		}
		return b
	}
	for _, i := range order {
		m := ms[i]
		name, abbr := splitAbbrev(m.Text)
		low := strings.ToLower(name)
		g := -1
		for k := range gs {
			if gs[k].label == m.Label && gs[k].low == low {
				g = k
				break
			}
		}
		var words []string
		if g < 0 {
			words = strings.Fields(low)
		}
		if g < 0 && m.Label == PER && len(words) > 0 {
			g = best(func(c int) bool {
				cw := gs[c].words
				return gs[c].label == PER && len(cw) > 1 && slices.Contains(cw, words[0]) &&
					len(words) < len(cw) && subsequence(words, cw)
			})
		}
		if g < 0 && (m.Label == ORG || m.Label == LOC) && len(words) == 1 {
			g = bestAbbr(m.Label, low)
		}
		if g < 0 {
			g = len(gs)
			gs = append(gs, group{name: name, label: m.Label, low: low, words: words, first: m.Start})
			if (m.Label == ORG || m.Label == LOC) && len(words) >= 2 {
				abbrs = append(abbrs, abbrKey{m.Label, initials(words), g})
				for _, sf := range shortForms(m.Label, low) {
					abbrs = append(abbrs, abbrKey{m.Label, sf, g})
				}
			}
		}
		if abbr != "" {
			ak := abbrKey{gs[g].label, strings.ToLower(abbr), g}
			if !slices.Contains(abbrs, ak) {
				abbrs = append(abbrs, ak)
			}
		}
		gs[g].count++
		gs[g].first = min(gs[g].first, m.Start)
		gid[i] = g
	}
	// Each group's spans, in the order groupMap appends them, then sorted
	// as it sorts them.
	spans := make([]Span, len(ms))
	off := 0
	for k := range gs {
		gs[k].spans = spans[off : off : off+gs[k].count]
		off += gs[k].count
	}
	for _, i := range order {
		g := &gs[gid[i]]
		g.spans = append(g.spans, Span{ms[i].Start, ms[i].End})
	}
	byRank := make([]int, len(gs))
	for k := range byRank {
		byRank[k] = k
	}
	slices.SortStableFunc(byRank, func(a, b int) int {
		if gs[a].count != gs[b].count {
			return gs[b].count - gs[a].count
		}
		return gs[a].first - gs[b].first
	})
	out := make([]Group, len(gs))
	for j, k := range byRank {
		g := &gs[k]
		slices.SortFunc(g.spans, func(a, b Span) int { return a.Start - b.Start })
		out[j] = Group{Name: g.name, Label: g.label, Count: g.count, Mentions: g.spans}
	}
	return out
}

// countFields returns len(strings.Fields(s)) without making the fields.
func countFields(s string) int {
	n := 0
	inField := false
	for i := 0; i < len(s); {
		var sp bool
		if c := s[i]; c < utf8.RuneSelf {
			sp = c == ' ' || '\t' <= c && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
			i += size
		}
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

// shortForms returns the short forms of the lower-cased place name low
// (korea utara → korut) that data/placenames.txt gives, for a place.
func shortForms(l Label, low string) []string {
	if l != LOC {
		return nil
	}
	return placeShort[low]
}

// initials returns the first letters of the capitalised words, splitting
// at hyphens: Perserikatan Bangsa-Bangsa → pbb.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for part := range strings.SplitSeq(w, "-") {
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
