package stem

import "strings"

// This file is the Improved mode. Where Sastrawi takes the first analysis
// its fixed visitor order finds, Improved enumerates every analysis of a
// word into (prefixes, root, suffixes) that the same ECS rules allow — up
// to three prefixes, one derivational suffix, one possessive, one particle
// — and keeps the cheapest. An analysis costs more the more affixes it
// strips, the shorter its root, when it pairs a prefix and suffix that do
// not combine (Sastrawi's InvalidAffixPairSpecification: ber-…-i,
// di-…-an, ke-…-i, ke-…-kan, me-…-an, se-…-i, se-…-kan, ter-…-an), and
// when the root's hunspell affix flags say it does not take an affix.
// Ties go to roots with flags, then to longer roots, then to fewer
// prefixes. So berikan is beri|kan rather than ber|ikan by tie-break,
// menangis is me|tangis (the loanword suffix -is costs more than a
// prefix), perbankan is per|bank|an (perban takes no -kan) and
// penyelidikan is peny|selidik|an (fewer affixes than pe|se|lidi|kan).

// Costs, in half-affix units.
const (
	costPrefix     = 2
	costSuffix     = 2
	costLoanSuffix = 3 // -is, -isme, -isasi, -wan, -wati, informal -in
	costClitic     = 1 // -ku, -mu, -nya, -lah, -kah, -tah, -pun
	costNoPrefix   = 3 // a flagged root whose flags do not allow the prefix
	costNoSuffix   = 3 // … or the suffix
	costUnflagged  = 2 // per affix, for a root without flags in a flagged dictionary
	costInvalid    = 4 // invalid prefix–suffix pair
	costConfix     = -1
	maxCost        = 9
)

// rootLenCost makes short roots expensive: hunspell lists many rare two-
// and three-letter words (te, la, upa) that ECS would otherwise reach.
func rootLenCost(n int) int {
	switch {
	case n <= 2:
		return 6
	case n == 3:
		return 2
	case n == 4:
		return 1
	}
	return 0
}

// improvements holds the data of the Improved mode.
type improvements struct {
	flagged  bool              // the dictionary has affix classes
	lexical  *wordSet          // lexicalised words never stemmed (function words)
	variants map[string]string // infixed and informal roots → standard root
	// known holds every word whose analysis is fixed: roots, lexical
	// words, variants and memo forms, with kind and result per word.
	known *wordSet
	kind  []uint8
	res   []string
}

// kinds of known words.
const (
	kRoot uint8 = 1 << iota
	kLexical
	kVariant
	kMemo // a frequent word form with its precomputed stem
)

func newImprovements(roots *wordSet) *improvements {
	im := &improvements{variants: map[string]string{}}
	for _, c := range roots.cls {
		if c != 0 {
			im.flagged = true
			break
		}
	}
	im.lexical = newWordSet(embeddedLexical())
	for _, v := range embeddedVariants() {
		im.variants[v[0]] = v[1]
	}
	return im
}

// build fills the known-word table; st must be usable for stemming
// (st.imp == im, with lexical and variants set).
func (im *improvements) build(st *Stemmer, memo [][2]string, curated map[string]bool) {
	n := st.roots.len() + im.lexical.len() + len(im.variants) + len(memo)
	words := make([]string, 0, n)
	cls := make([]uint16, 0, n)
	words = append(words, st.roots.words...)
	if st.roots.cls != nil {
		cls = append(cls, st.roots.cls...)
	} else {
		cls = append(cls, make([]uint16, st.roots.len())...)
	}
	words = append(words, im.lexical.words...)
	cls = append(cls, make([]uint16, im.lexical.len())...)
	for k := range im.variants {
		words = append(words, k)
		cls = append(cls, 0)
	}
	known := newWordSetClasses(words, cls)
	im.kind = make([]uint8, known.len(), n)
	im.res = make([]string, known.len(), n)
	var buf [maxWordLen]byte
	nroots := st.roots.len() // the roots come first, in order
	for i := 0; i < nroots; i++ {
		w := known.words[i]
		im.kind[i] = kRoot
		im.res[i] = w
		if curated[w] {
			continue // the project's or the caller's own roots stay roots
		}
		if d, ok := im.derived(st, buf[:copy(buf[:], w)]); ok {
			im.res[i] = d
		}
	}
	for _, w := range im.lexical.words {
		i := known.find(buf[:copy(buf[:], w)])
		im.kind[i] |= kLexical
		im.res[i] = w
	}
	for w, v := range im.variants {
		i := known.find(buf[:copy(buf[:], w)])
		im.kind[i] |= kVariant
		im.res[i] = v
		if j := st.roots.find([]byte(v)); j >= 0 {
			known.cls[i] = st.roots.classes(j)
		}
	}
	im.known = known
	// Memo forms: frequent inflected words with their precomputed stems
	// (what stemming gives anyway), so that running text mostly costs
	// one lookup.
	for _, m := range memo {
		if known.find([]byte(m[0])) >= 0 {
			continue
		}
		known.add(m[0], 0)
		im.kind = append(im.kind, kMemo)
		im.res = append(im.res, m[1])
	}
}

// suffix classes of an analysis.
type sufInfo struct {
	cost   int
	ds     string // derivational suffix, "" for none
	dsCls  uint16
	clitic int // number of clitics
}

// prefix rule table for Improved mode: Sastrawi's rules without the
// infix rules 37–40, each with the class of the prefix it removes.
type prule struct {
	rule
	cls uint16
	tag string // prefix name for the invalid-pair check
}

// extra is a rule's own cost for a root of n letters: menge-/penge- are
// for one-syllable roots (mengebom, pengecat), not for pengeringan.
func (r prule) extra(n int) int {
	if (r.name == "17c" || r.name == "30c") && n > 4 {
		return 4
	}
	return 0
}

var improvedRules = func() [26 * 26][]prule {
	var t [26 * 26][]prule
	add := func(p2 string, cls uint16, tag string, rs ...rule) {
		i := int(p2[0]-'a')*26 + int(p2[1]-'a')
		for _, r := range rs {
			t[i] = append(t[i], prule{r, cls, tag})
		}
	}
	add("be", clsBer, "ber", rule1a, rule1b, rule2, rule3, rule4, rule5)
	add("te", clsTer, "ter", rule6a, rule6b, rule7, rule8, rule9, rule35)
	add("me", clsMe, "me", rule10, rule11, rule12, rule13a, rule13b, rule14, rule15a, rule15b,
		rule16, rule17a, rule17b, rule17c, rule17d, rule18a, rule18b, rule19)
	add("pe", clsPe, "pe", rule20, rule25, rule26a, rule26b, rule27, rule28a, rule28b,
		rule29, rule30a, rule30b, rule30c, rule31a, rule31b, rule32, rule33, rule34, rule36)
	add("pe", clsPer, "per", rule21a, rule21b, rule23, rule24)
	add("ku", clsKu, "ku", rule41)
	add("ka", clsKu, "ku", rule42)
	add("di", clsDi, "di", rule{name: "plain-di", id: idPlainDi})
	add("ke", clsKe, "ke", rule{name: "plain-ke", id: idPlainKe})
	add("se", clsSe, "se", rule{name: "plain-se", id: idPlainSe})
	return t
}()

// rulesFor returns the Improved-mode rules that can apply to w.
func rulesFor(w []byte) []prule {
	if len(w) < 2 || !isLetter(w[0]) || !isLetter(w[1]) {
		return nil
	}
	return improvedRules[int(w[0]-'a')*26+int(w[1]-'a')]
}

// invalidPair is Sastrawi's InvalidAffixPairSpecification, on the
// outermost prefix and the derivational suffix.
func invalidPair(prefix, ds string) bool {
	switch prefix {
	case "ber":
		return ds == "i"
	case "di":
		return ds == "an"
	case "ke":
		return ds == "i" || ds == "kan"
	case "me":
		return ds == "an"
	case "se":
		return ds == "i" || ds == "kan"
	case "ter":
		return ds == "an"
	}
	return false
}

// search is the state of one Improved analysis.
type search struct {
	bufs    [3][maxWordLen + 4]byte // candidate words, one per prefix depth
	st      *Stemmer
	im      *improvements
	roots   *wordSet
	suf     sufInfo
	best    string
	bestC   int
	bestLen int
	bestNP  int
	found   bool
	// bestFlagged: the best root has affix flags
	bestFlagged bool
}

// candidate scores the analysis whose root is cand, if cand is a root,
// a lexical word or a variant.
func (s *search) candidate(cand []byte, np int, outer, inner prule, pcost int) {
	idx := s.im.known.find(cand)
	if idx < 0 || s.im.kind[idx] == kMemo {
		return
	}
	s.consider(idx, np, outer, inner, pcost)
}

// consider scores known word idx reached with np prefixes (outer the
// first removed, inner the one next to the root) and the current
// suffixes.
func (s *search) consider(idx int, np int, outer, inner prule, pcost int) {
	root := s.im.res[idx]
	cls := s.im.known.cls[idx]
	if s.im.kind[idx]&(kRoot|kVariant) == 0 {
		cls = 0
	}
	c := pcost + s.suf.cost + rootLenCost(len(s.im.known.words[idx])) + inner.extra(len(root))
	if s.im.flagged {
		if cls == 0 {
			c += costUnflagged * (np + boolInt(s.suf.ds != "") + s.suf.clitic)
		} else {
			if np > 0 && cls&inner.cls == 0 {
				c += costNoPrefix
			}
			if s.suf.dsCls != 0 && cls&s.suf.dsCls == 0 {
				c += costNoSuffix
			}
			if np > 0 && s.suf.dsCls != 0 && cls&inner.cls != 0 && cls&s.suf.dsCls != 0 {
				c += costConfix
			}
		}
	}
	if np > 0 && s.suf.ds != "" && invalidPair(outer.tag, s.suf.ds) {
		c += costInvalid
	}
	// Ties go to a root with affix flags (hunspell's evidence), then to
	// the longer root, then to fewer prefixes (berikan is beri|kan, not
	// ber|ikan: ECS's suffix-first order).
	flagged := cls != 0
	if !s.found || c < s.bestC || c == s.bestC && (flagged && !s.bestFlagged ||
		flagged == s.bestFlagged && (len(root) > s.bestLen || len(root) == s.bestLen && np < s.bestNP)) {
		s.best, s.bestC, s.bestLen, s.bestNP, s.bestFlagged, s.found = root, c, len(root), np, flagged, true
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// prefixes explores the prefix analyses of w.
func (s *search) prefixes(w []byte, depth, np int, outer, inner prule, pcost int) {
	if depth == 3 || len(w) < 4 {
		return
	}
	// Branch and bound: one more prefix cannot beat the best analysis.
	if s.found && pcost+costPrefix+s.suf.cost+costConfix > s.bestC {
		return
	}
	for _, r := range rulesFor(w) {
		pre, from, ok := r.apply(w)
		if !ok || len(w)-from+len(pre) < 2 || len(w)-from+len(pre) > maxWordLen+3 {
			continue
		}
		buf := &s.bufs[depth]
		n := copy(buf[:], pre)
		n += copy(buf[n:], w[from:])
		cand := buf[:n]
		o := outer
		if np == 0 {
			o = r
		}
		s.candidate(cand, np+1, o, r, pcost+costPrefix)
		s.prefixes(cand, depth+1, np+1, o, r, pcost+costPrefix)
	}
}

var loanSuffixes = []string{"isasi", "isme", "wati", "wan", "is", "in"}

// stem returns the root of part (a lower-case word without reduplication
// hyphens, not itself a root) and whether it found one.
func (im *improvements) stem(st *Stemmer, part []byte) (string, bool) {
	s := search{st: st, im: im, roots: st.roots}
	w := part
	// Suffix splits: [particle] [possessive] [derivational].
	for pi := 0; pi < 2; pi++ {
		w1, c1 := w, 0
		if pi == 1 {
			_, cut := suffixOf(w, typeP)
			if cut == 0 {
				continue
			}
			w1, c1 = w[:len(w)-cut], 1
		}
		for qi := 0; qi < 2; qi++ {
			w2, c2 := w1, c1
			if qi == 1 {
				_, cut := suffixOf(w1, typePP)
				if cut == 0 {
					continue
				}
				w2, c2 = w1[:len(w1)-cut], c1+1
			}
			s.split(w2, c2, "", 0, 0)
			for _, ds := range [...]string{"kan", "an", "i"} {
				if hasSuffix(w2, ds) {
					cls := clsAn
					switch ds {
					case "kan":
						cls = clsKan
					case "i":
						cls = clsI
					}
					s.split(w2[:len(w2)-len(ds)], c2, ds, cls, costSuffix)
				}
			}
			for _, ds := range loanSuffixes {
				if hasSuffix(w2, ds) && len(w2)-len(ds) >= 4 {
					base := w2[:len(w2)-len(ds)]
					s.split(base, c2, ds, 0, costLoanSuffix)
					if (ds == "wan" || ds == "wati") && len(base) < maxWordLen {
						// sejarawan: sejarah + wan loses the h.
						var b [maxWordLen + 1]byte
						n := copy(b[:], base)
						b[n] = 'h'
						s.split(b[:n+1], c2, ds, 0, costLoanSuffix)
					}
					break
				}
			}
		}
	}
	if !s.found || s.bestC > maxCost {
		return "", false
	}
	return s.best, true
}

// split scores base (what is left after the suffixes) and its prefix
// analyses.
func (s *search) split(base []byte, clitics int, ds string, dsCls uint16, dsCost int) {
	if len(base) < 2 {
		return
	}
	s.suf = sufInfo{cost: dsCost + clitics*costClitic, ds: ds, dsCls: dsCls, clitic: clitics}
	if ds != "" || clitics > 0 {
		s.candidate(base, 0, prule{}, prule{}, 0)
	}
	s.prefixes(base, 0, 0, prule{}, prule{}, 0)
}

// derived reports the root of a dictionary word that hunspell lists
// although it is a root with one affix the root's flags allow (berlaku →
// laku, melambang → lambang, perhati → hati, bicarakan → bicara): ber-,
// me-, di-, ter-, per-, -kan or -i, and a flagged root of at least four
// letters.
func (im *improvements) derived(st *Stemmer, w []byte) (string, bool) {
	if !im.flagged || len(w) < 6 || im.lexical.has(w) {
		return "", false
	}
	for _, ds := range [...]string{"kan", "i"} {
		if hasSuffix(w, ds) && len(w)-len(ds) >= 3 {
			cls := clsKan
			if ds == "i" {
				cls = clsI
			}
			if idx := st.roots.find(w[:len(w)-len(ds)]); idx >= 0 && st.roots.classes(idx)&cls != 0 {
				return st.roots.words[idx], true
			}
		}
	}
	switch w[0] {
	case 'p':
		if !hasPrefix(w, "per") {
			return "", false
		}
	case 'b', 'm', 'd', 't':
	default:
		return "", false
	}
	for _, r := range rulesFor(w) {
		switch r.cls {
		case clsBer, clsMe, clsDi, clsTer, clsPer:
		default:
			continue
		}
		pre, from, ok := r.apply(w)
		if !ok || len(w)-from+len(pre) < 4 {
			continue
		}
		var buf [maxWordLen + 4]byte
		n := copy(buf[:], pre)
		n += copy(buf[n:], w[from:])
		if idx := st.roots.find(buf[:n]); idx >= 0 && st.roots.classes(idx)&r.cls != 0 {
			return st.roots.words[idx], true
		}
	}
	return "", false
}

func embeddedLexical() []string {
	w, err := parseWordList(strings.NewReader(lexicalTxt), "lexical.txt")
	if err != nil {
		panic(err)
	}
	return w
}

func embeddedVariants() [][2]string {
	var out [][2]string
	err := eachLine(strings.NewReader(variantsTxt), "variants.txt", func(line string, n int) error {
		f := strings.Fields(line)
		if len(f) != 2 {
			return ErrMalformedLine
		}
		out = append(out, [2]string{f[0], f[1]})
		return nil
	})
	if err != nil {
		panic(err)
	}
	return out
}
