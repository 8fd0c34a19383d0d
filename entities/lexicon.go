package entities

import (
	"slices"
	"strings"
	"unicode"
)

// wordClass is what the model knows about a word from unlabelled text: a
// distributional cluster (coarse class in the high byte, fine class in the
// low byte) and how often it is capitalised inside a sentence, in eighths
// (0 never … 8 always).
type wordClass struct {
	cluster uint16
	prior   uint8
}

// lexicon holds the word resources the features look at. It is part of a
// model and immutable once built.
type lexicon struct {
	classes map[string]wordClass
	words   []string // the words of classes in the model file's order, if read from one
	wclass  []wordClass
	gaz     *gazetteer
}

// classAt returns the class of words[k] if words[k] is w.
func (lx *lexicon) classAt(k int, w string) (wordClass, bool) {
	if k < len(lx.words) && k < len(lx.wclass) && lx.words[k] == w {
		return lx.wclass[k], true
	}
	return wordClass{}, false
}

// gazetteer matches names over tokens. A name is matched by the
// concatenation of its tokens' lower-cased texts, white space removed, so
// that "Uni Emirat Arab" matches the tokens Uni, Emirat, Arab, and "Al-Qaeda"
// matches whether or not the tokenizer splits at the hyphen.
type gazetteer struct {
	keys   []string // sorted, unique; key = lower-cased name without white space
	labels []Label  // labels[i] is the label of keys[i]
	starts map[string]bool
	// first2 has a bit for the first two bytes of every key (first1 for
	// one-byte keys): a cheap test before the map and the search
	first2 [1 << 16 / 64]uint64
	first1 [256 / 64]uint64
	cased  []bool // the name was given with a capital: in mixed-case text, require one
	maxLen int
}

// gazKey returns the matching key of a name.
func gazKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

const gazStartLen = 3

func keyStart(k string) string {
	if len(k) > gazStartLen {
		return k[:gazStartLen]
	}
	return k
}

// newGazetteer builds a gazetteer; a later entry for the same key wins.
func newGazetteer(entries []gazEntry) *gazetteer {
	m := map[string]gazEntry{}
	for _, e := range entries {
		k := gazKey(e.name)
		if k == "" || e.label == None {
			continue
		}
		m[k] = e
	}
	g := &gazetteer{starts: map[string]bool{}}
	for k := range m {
		g.keys = append(g.keys, k)
	}
	slices.Sort(g.keys)
	for _, k := range g.keys {
		e := m[k]
		g.labels = append(g.labels, e.label)
		c := false
		for _, r := range e.name {
			c = unicode.IsUpper(r)
			break
		}
		g.cased = append(g.cased, c)
		g.starts[keyStart(k)] = true
		if len(k) >= 2 {
			b := uint(k[0])<<8 | uint(k[1])
			g.first2[b>>6] |= 1 << (b & 63)
		} else {
			g.first1[k[0]>>6] |= 1 << (k[0] & 63)
		}
		g.maxLen = max(g.maxLen, len(k))
	}
	return g
}

type gazEntry struct {
	name  string
	label Label
}

func (g *gazetteer) len() int {
	if g == nil {
		return 0
	}
	return len(g.keys)
}

// match returns the longest entry that starts at token i and ends at a token
// end: its end token (exclusive) and its index in keys, or (-1, -1).
// low[j] is the lower-cased text of token j. Tokens must be adjacent words
// of one sentence; at most maxTokens tokens are joined.
func (g *gazetteer) match(low []string, i int) (end, idx int) {
	if g.len() == 0 || !g.mayStart(low[i]) {
		return -1, -1
	}
	return g.matchFrom(low, i, -1, false)
}

// matchFrom is match after its first test; k0 >= 0 is the search's result
// for the first token alone (startsKey), when known.
func (g *gazetteer) matchFrom(low []string, i, k0 int, found0 bool) (end, idx int) {
	end, idx = -1, -1
	var buf [64]byte
	cat := buf[:0]
	for j := i; j < len(low) && j < i+8; j++ {
		cat = append(cat, low[j]...)
		if len(cat) > g.maxLen {
			break
		}
		var k int
		var found bool
		if j == i && k0 >= 0 {
			k, found = k0, found0
		} else {
			k, found = slices.BinarySearch(g.keys, string(cat))
		}
		if found {
			end, idx = j+1, k
			k++
		}
		if k >= len(g.keys) || !strings.HasPrefix(g.keys[k], string(cat)) {
			break
		}
	}
	return
}

// mayStart reports whether a key may start with the token whose
// lower-cased text is first: a cheap test before match's search.
func (g *gazetteer) mayStart(first string) bool {
	switch {
	case first == "":
		return false
	case len(first) == 1:
		// a key may start with this byte and go on in the next tokens
		return g.first1[first[0]>>6]&(1<<(first[0]&63)) != 0 || g.anyFirst2(first[0])
	}
	if b := uint(first[0])<<8 | uint(first[1]); g.first2[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	return len(first) < gazStartLen || g.starts[first[:gazStartLen]]
}

// startsKey reports whether some key is, or starts with, the lower-cased
// token text first: exactly when match's search goes past its first
// token. It also returns the search's result for first, which the fast
// path caches per word and passes to matchFrom.
func (g *gazetteer) startsKey(first string) (k int, found, ok bool) {
	if g.len() == 0 || !g.mayStart(first) || len(first) > g.maxLen {
		return -1, false, false
	}
	k, found = slices.BinarySearch(g.keys, first)
	return k, found, found || k < len(g.keys) && strings.HasPrefix(g.keys[k], first)
}

// anyFirst2 reports whether some key of two bytes or more starts with c.
func (g *gazetteer) anyFirst2(c byte) bool {
	for _, w := range g.first2[uint(c)<<8>>6 : (uint(c)+1)<<8>>6] {
		if w != 0 {
			return true
		}
	}
	return false
}

// markGazetteer sets the gazetteer tags of the tokens: 'B' on the first
// token of a match, 'I' on the others, 'U' on single-token matches.
func (lx *lexicon) markGazetteer(info []tokInfo, s *scratch) {
	g := lx.gaz
	if g.len() == 0 {
		return
	}
	s.low = s.low[:0]
	for i := range info {
		s.low = append(s.low, info[i].low)
	}
	low := s.low
	for i := 0; i < len(info); {
		var end, idx int
		if k := info[i].entry; k >= 0 {
			// the fast path's word table has the first step
			if e := &s.ents[k]; e.gazStart {
				end, idx = g.matchFrom(low, i, int(e.gazK), e.gazFound)
			} else {
				end = -1
			}
		} else {
			end, idx = g.match(low, i)
		}
		if end < 0 {
			i++
			continue
		}
		l := g.labels[idx]
		if end == i+1 {
			info[i].gaz[l] = 'U'
		} else {
			info[i].gaz[l] = 'B'
			for j := i + 1; j < end; j++ {
				info[j].gaz[l] = 'I'
			}
		}
		i = end
	}
}
