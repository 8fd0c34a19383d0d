package stem

// This file is the Enhanced Confix Stripping context, a port of Sastrawi's
// Context class: suffix visitors, prefix visitors (at most three prefixes),
// precedence adjustment and the suffix-restoring loop
// (loopPengembalianAkhiran). Words live as spans in one fixed buffer so
// that a stemming run does not allocate.

// span is a word held in ecs.buf[lo:hi].
type span struct{ lo, hi uint16 }

func (s span) len() int { return int(s.hi - s.lo) }

// affix types of a removal, as Sastrawi names them.
const (
	typeDP = iota // derivational prefix
	typeDS        // derivational suffix
	typePP        // possessive pronoun
	typeP         // particle
)

type removal struct {
	subject, result span
	suffix          string // the removed suffix ("kan", "an", "nya", …); "" for prefixes
	typ             uint8
}

const (
	maxRemovals = 24
	bufSize     = 1024
)

// ecs is the state of one stemming run. It is a value on the caller's
// stack, never shared.
type ecs struct {
	dict     *wordSet
	orig     span
	cur      span
	n        int // bytes of buf in use
	nrm      int
	overflow bool
	rm       [maxRemovals]removal
	buf      [bufSize]byte
}

func (e *ecs) bytes(s span) []byte { return e.buf[s.lo:s.hi] }

func (e *ecs) has(s span) bool { return e.dict.has(e.buf[s.lo:s.hi]) }

// init puts w into the buffer as the original and current word. w must
// be at most maxWordLen bytes.
func (e *ecs) init(d *wordSet, w []byte) {
	e.dict = d
	e.n = copy(e.buf[:], w)
	e.orig = span{0, uint16(e.n)}
	e.cur = e.orig
	e.nrm = 0
}

// make returns the span of pre + src[from:] + post, reusing src when
// nothing is added. ok is false when the buffer is full.
func (e *ecs) make(pre string, src span, from int, post string) (span, bool) {
	if pre == "" && post == "" {
		return span{src.lo + uint16(from), src.hi}, true
	}
	n := len(pre) + src.len() - from + len(post)
	if e.n+n > len(e.buf) {
		e.overflow = true
		return span{}, false
	}
	lo := e.n
	e.n += copy(e.buf[e.n:], pre)
	e.n += copy(e.buf[e.n:], e.buf[int(src.lo)+from:src.hi])
	e.n += copy(e.buf[e.n:], post)
	return span{uint16(lo), uint16(e.n)}, true
}

func (e *ecs) addRemoval(r removal) {
	if e.nrm < maxRemovals {
		e.rm[e.nrm] = r
		e.nrm++
	}
}

// run is Sastrawi's Context::startStemmingProcess.
func (e *ecs) run() {
	if e.has(e.cur) {
		return
	}
	// DontStemShortWord: words of three letters or fewer are not stemmed.
	if e.cur.len() <= 3 {
		return
	}
	if precedence(e.bytes(e.orig)) {
		// Confix stripping: prefix first for be-…-lah, be-…-an, me-…-i,
		// di-…-i, pe-…-i and ter-…-i.
		if e.removePrefixes() {
			return
		}
		if e.removeSuffixes() {
			return
		}
		e.cur = e.orig
		e.nrm = 0
	}
	if e.removeSuffixes() {
		return
	}
	if e.removePrefixes() {
		return
	}
	e.loopSuffixRestore()
}

// precedence is Sastrawi's PrecedenceAdjustmentSpecification.
func precedence(w []byte) bool {
	switch {
	case hasPrefix(w, "be") && (hasSuffix(w[2:], "lah") || hasSuffix(w[2:], "an")):
		return true
	case hasPrefix(w, "me") && hasSuffix(w[2:], "i"):
		return true
	case hasPrefix(w, "di") && hasSuffix(w[2:], "i"):
		return true
	case hasPrefix(w, "pe") && hasSuffix(w[2:], "i"):
		return true
	case hasPrefix(w, "ter") && hasSuffix(w[3:], "i"):
		return true
	}
	return false
}

// removeSuffixes runs the suffix visitors: particle, possessive pronoun,
// derivational suffix. It reports whether the current word is a root.
func (e *ecs) removeSuffixes() bool {
	e.removeSuffix(typeP)
	if e.has(e.cur) {
		return true
	}
	e.removeSuffix(typePP)
	if e.has(e.cur) {
		return true
	}
	e.removeSuffix(typeDS)
	return e.has(e.cur)
}

// Suffixes by type. Particles and possessives take any hyphens before
// them (kuasa-Mu, allah-lah), as Sastrawi's /-*(lah|kah|tah|pun)$/ does.
var (
	particles   = []string{"lah", "kah", "tah", "pun"}
	possessives = []string{"nya", "ku", "mu"}
	// Derivational suffixes, longest first: Sastrawi's
	// /(is|isme|isasi|i|kan|an)$/ takes the leftmost, thus longest, match.
	derivational = []string{"isasi", "isme", "kan", "an", "is", "i"}
)

// suffixOf returns the suffix of w of type typ, with its hyphens.
func suffixOf(w []byte, typ uint8) (suf string, cut int) {
	var list []string
	switch typ {
	case typeP:
		list = particles
	case typePP:
		list = possessives
	default:
		list = derivational
	}
	for _, s := range list {
		if hasSuffix(w, s) {
			cut = len(s)
			if typ != typeDS {
				for cut < len(w) && w[len(w)-cut-1] == '-' {
					cut++
				}
			}
			return s, cut
		}
	}
	return "", 0
}

func (e *ecs) removeSuffix(typ uint8) {
	w := e.bytes(e.cur)
	suf, cut := suffixOf(w, typ)
	if cut == 0 {
		return
	}
	res := span{e.cur.lo, e.cur.hi - uint16(cut)}
	e.addRemoval(removal{subject: e.cur, result: res, suffix: suf, typ: typ})
	e.cur = res
}

// removePrefixes removes up to three prefixes, stopping at a root.
func (e *ecs) removePrefixes() bool {
	for i := 0; i < 3; i++ {
		e.removePrefix()
		if e.has(e.cur) {
			return true
		}
	}
	return false
}

// removePrefix runs the prefix visitors until one removes a prefix.
func (e *ecs) removePrefix() {
	w := e.bytes(e.cur)
	if len(w) == 0 || !isLetter(w[0]) {
		return
	}
	for _, v := range chainFor[w[0]-'a'] {
		if e.visit(v) {
			return
		}
	}
}

// visit applies one prefix visitor and reports whether it removed a
// prefix. A visitor with several rules keeps the first proposal that is a
// root; when none is, it keeps the last rule's proposal (or nothing, when
// the last rule does not apply), as Sastrawi's PrefixDisambiguator does.
func (e *ecs) visit(v *visitor) bool {
	w := e.bytes(e.cur)
	if v.plain {
		if hasPrefix(w, "di") || hasPrefix(w, "ke") || hasPrefix(w, "se") {
			e.prefixRemoved(span{e.cur.lo + 2, e.cur.hi})
			return true
		}
		return false
	}
	mark := e.n
	var res span
	found := false
	for _, r := range v.rules {
		pre, from, ok := r.apply(w)
		found = ok
		if !ok {
			continue
		}
		e.n = mark
		s, ok := e.make(pre, e.cur, from, "")
		if !ok {
			found = false
			continue
		}
		res = s
		if e.has(s) {
			break
		}
	}
	if !found {
		e.n = mark
		return false
	}
	e.prefixRemoved(res)
	return true
}

func (e *ecs) prefixRemoved(res span) {
	e.addRemoval(removal{subject: e.cur, result: res, typ: typeDP})
	e.cur = res
}

// loopSuffixRestore is Sastrawi's loopPengembalianAkhiran: put back the
// prefixes, then give back the removed suffixes one at a time, last
// removed first, trying the prefixes again on each (and, for -kan, on the
// word ending in k: pukul|kan would otherwise hide the k of root words).
func (e *ecs) loopSuffixRestore() {
	// restorePrefix
	for i := 0; i < e.nrm; i++ {
		if e.rm[i].typ == typeDP {
			e.cur = e.rm[i].subject
			break
		}
	}
	k := 0
	for i := 0; i < e.nrm; i++ {
		if e.rm[i].typ != typeDP {
			e.rm[k] = e.rm[i]
			k++
		}
	}
	e.nrm = k
	saved := e.rm
	nsaved := e.nrm
	curWord := e.cur
	mark := e.n
	for i := nsaved - 1; i >= 0; i-- {
		r := saved[i]
		if r.typ == typeDP {
			continue
		}
		if r.suffix == "kan" {
			if s, ok := e.make("", r.result, 0, "k"); ok {
				e.cur = s
				if e.removePrefixes() {
					return
				}
			}
		}
		e.cur = r.subject
		if e.removePrefixes() {
			return
		}
		e.rm = saved
		e.nrm = nsaved
		e.cur = curWord
		e.n = mark
	}
}
