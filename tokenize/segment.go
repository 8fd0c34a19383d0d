package tokenize

import (
	"iter"
	"strings"
	"unicode"
)

// Token flags used by the sentence splitter.
const (
	fTerm       = 1 << iota // . ? ! … and the like
	fCloser                 // closing quote or bracket: ” ’ " ' ) ] } »
	fOpener                 // opening quote or bracket: “ ‘ " ' ( [ { «
	fComma                  // , or ;
	fDash                   // - -- – —
	fLower                  // word starting with a lower-case letter
	fUpper                  // word starting with an upper-case letter
	fAllCaps                // word of two or more letters, all upper case
	fHasUpper               // word with an upper-case letter
	fParenOpen              // (
	fParenClose             // )
	fCommaOnly              // ,
	fPeriod                 // .
	fListLabel              // up to three digits, one letter or a roman numeral: 1 a II
)

// classify returns the flags of the token sp of s.
func classify[T text](s T, sp span) uint16 {
	switch sp.kind {
	case Punct:
		c := s[sp.start]
		if c < 0x80 {
			switch c {
			case '.':
				if sp.end-sp.start == 1 {
					return fTerm | fPeriod
				}
				return fTerm
			case '?', '!':
				return fTerm
			case '"':
				return fOpener | fCloser
			case '\'':
				return fOpener | fCloser
			case '`':
				return fOpener
			case '(':
				return fOpener | fParenOpen
			case '[', '{':
				return fOpener
			case ')':
				return fCloser | fParenClose
			case ']', '}':
				return fCloser
			case ',':
				return fComma | fCommaOnly
			case ';':
				return fComma
			case '-':
				return fDash
			}
			return 0
		}
		r, _ := decodeRune(s, sp.start)
		switch {
		case r == '…' || r == '‼' || r == '⁉' || r == '。' || r == '！' || r == '？' || r == '؟':
			return fTerm
		case r == '–' || r == '—' || r == '―' || r == '‒':
			return fDash
		case unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pe, r):
			return fCloser
		case unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Ps, r) || r == '„' || r == '‚':
			return fOpener
		case r == '，' || r == '、' || r == '؛' || r == '،':
			return fComma
		}
		return 0
	case Number:
		if n := sp.end - sp.start; n <= 3 && digitsEnd(s, sp.start) == sp.end {
			return fListLabel
		}
		return 0
	case Word:
		var f uint16
		if c := s[sp.start]; c < 0x80 {
			if cl := asciiClass[c]; cl&cLower != 0 {
				f |= fLower
			} else if cl&cUpper != 0 {
				f |= fUpper
			}
		} else {
			r, _ := decodeRune(s, sp.start)
			if unicode.IsUpper(r) {
				f |= fUpper
			} else if unicode.IsLower(r) {
				f |= fLower
			}
		}
		if sp.end-sp.start <= 5 && isListWord(s, sp) {
			f |= fListLabel
		}
		return f
	}
	return 0
}

// capsFlags returns fHasUpper and fAllCaps for a word token; the dateline
// rule needs them.
func capsFlags[T text](s T, sp span) uint16 {
	if sp.kind != Word {
		return 0
	}
	letters, upper := 0, 0
	for i := sp.start; i < sp.end; {
		var r rune
		n := 1
		if c := s[i]; c < 0x80 {
			r = rune(c)
		} else {
			r, n = decodeRune(s, i)
		}
		i += n
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
		if upper > 0 && upper < letters {
			break // neither all capitals nor without capitals
		}
	}
	var f uint16
	if upper > 0 {
		f |= fHasUpper
	}
	if letters >= 2 && upper == letters {
		f |= fAllCaps
	}
	return f
}

// Sentence-end states.
const (
	termNone   = iota
	termStrong // after . ? ! … and any closing quotes or brackets
	termWeak   // after an abbreviation that may end a sentence (dll.)
	termName   // after an initial or an abbreviation that follows a name (P., Tbk.)
)

// List-label states: "1. Pendahuluan" at the start of a line is one sentence.
const (
	listNone  = iota
	listLabel // a number, a letter or a roman numeral opens the line
	listDot   // followed by a period
)

// Dateline states: "JAKARTA, KOMPAS.com - " and "Jakarta (ANTARA) - " at the
// start of a line are a sentence of their own.
const (
	dlNone     = iota
	dlPlace    // upper-case place name
	dlPlaceCap // capitalised place name: only a source in brackets may follow
	dlComma    // place followed by a comma
	dlSource   // source name (a capitalised word or a host name)
	dlParen    // inside the brackets of the source
	dlShut     // after the closing bracket
	dlDone     // after the dash
)

// Kinds of regions (quotations and brackets) tracked on a line.
const (
	rNone     = iota
	rParen    // ( )
	rSquare   // [ ]
	rBrace    // { }
	rStraight // " "
	rCurly    // “ ” and „ ”
	rGuille   // « »
)

// region returns the region kind of a punctuation token and whether it
// opens or closes one. A straight quote " does either; the caller decides.
func region[T text](s T, sp span) (kind uint8, open, close bool) {
	r, _ := decodeRune(s, sp.start)
	switch r {
	case '(':
		return rParen, true, false
	case ')':
		return rParen, false, true
	case '[':
		return rSquare, true, false
	case ']':
		return rSquare, false, true
	case '{':
		return rBrace, true, false
	case '}':
		return rBrace, false, true
	case '"':
		return rStraight, true, true
	case '“', '„':
		return rCurly, true, false
	case '”':
		return rCurly, false, true
	case '«':
		return rGuille, true, false
	case '»':
		return rGuille, false, true
	}
	return rNone, false, false
}

// maxDepth bounds the nesting of quotations and brackets tracked on a line.
const maxDepth = 16

// segState decides sentence boundaries from one token to the next. Its
// decision at a token depends only on the tokens since the start of the
// current sentence (and line), the gap before the token and the token.
type segState struct {
	n         int   // tokens in the current sentence
	term      uint8 // sentence-end state
	list      uint8
	dl        uint8
	depth     uint8           // open quotations and brackets on the current line
	stack     [maxDepth]uint8 // their kinds, innermost last
	line      bool            // the sentence started at the start of a line
	prevComma bool            // the last token is , or ;
}

// Kinds of boundary.
const (
	noBreak    = iota
	breakHere  // a sentence ends before the token
	breakMaybe // a sentence ends before the token unless the quotation or bracket open around it closes on this line
)

// boundary says whether a sentence ends before a token with flags f, kind
// k and abbreviation class ab, preceded by a gap of nl line breaks (gap is
// false when the token touches the previous one). starter reports whether
// the token is a word that usually starts a sentence, numeral whether it is
// a Roman numeral that goes on after a numbering abbreviation (see
// isNumeral).
func (st *segState) boundary(f uint16, k Kind, ab AbbrevClass, starter, numeral bool, gap bool, nl int) int {
	if st.n == 0 || !gap {
		return noBreak
	}
	if nl >= 2 {
		return breakHere // a blank line ends a sentence
	}
	if st.dl == dlDone && nl == 0 && f&fLower == 0 {
		return breakHere
	}
	end := false
	switch st.term {
	case termStrong:
		end = st.list != listDot && startsSentence(f, k)
	case termWeak:
		// No. XXXIII, Vol. II: a Roman numeral numbers, it does not start.
		end = k == Word && f&fUpper != 0 && ab == NotAbbrev && !numeral
	case termName:
		end = k == Word && f&fUpper != 0 && ab == NotAbbrev && starter
	}
	if end {
		if nl == 0 && st.depth > 0 {
			return breakMaybe
		}
		return breakHere
	}
	if nl == 1 {
		// A line break ends a sentence (headlines, bylines, datelines) unless
		// the next line continues it: a lower-case word, or after , or ;.
		if f&fLower != 0 || st.prevComma || f&(fComma|fCloser) != 0 && f&fOpener == 0 {
			return noBreak
		}
		return breakHere
	}
	return noBreak
}

// startsSentence reports whether a token can start a sentence after . ? !
func startsSentence(f uint16, k Kind) bool {
	switch k {
	case Word:
		return f&fLower == 0
	case Punct:
		return f&(fOpener|fDash) != 0 || f&(fTerm|fCloser|fComma) == 0
	case Emoji, Invalid:
		return false
	}
	return true
}

// push adds a token to the current sentence; first says it starts a new
// one. rk, open and close describe the token as a quotation mark or
// bracket (see region). push returns the depth of the region the token
// closes, or -1, and whether it opens one; it forgets the regions at a line
// break.
func (st *segState) push(sp span, f uint16, rk uint8, open, close bool, gap bool, nl int, first bool) (closed int, opened bool) {
	if first {
		*st = segState{line: nl > 0 || sp.start == 0}
	} else if nl > 0 {
		st.depth = 0
	}
	st.n++
	switch {
	case f&fTerm != 0:
		st.term = termStrong
	case st.term != termNone && (sp.kind == Emoji || f&fCloser != 0 && !gap):
		// closing quotes, brackets and emoji stay with the sentence end
	case sp.abbrev == Final:
		st.term = termWeak
	case sp.abbrev == Suffix || sp.abbrev == Initial:
		st.term = termName
	default:
		st.term = termNone
	}
	st.prevComma = f&fComma != 0
	switch {
	case st.n == 1 && st.line && f&fListLabel != 0:
		st.list = listLabel
	case st.n == 2 && st.list == listLabel && !gap && f&fPeriod != 0:
		st.list = listDot
	default:
		st.list = listNone
	}
	switch {
	case f&fTerm != 0:
		st.dl = dlNone
	case st.dl != dlNone || st.n == 1:
		st.dateline(sp.kind, f)
	}
	if rk == rNone {
		return -1, false
	}
	if close && st.depth > 0 && st.stack[st.depth-1] == rk {
		st.depth--
		return int(st.depth), false
	}
	if open && st.depth < maxDepth {
		st.stack[st.depth] = rk
		st.depth++
		return -1, true
	}
	return -1, false
}

// isListWord reports a one-letter word or a roman numeral of up to five
// letters.
func isListWord[T text](s T, sp span) bool {
	n := sp.end - sp.start
	if n == 1 {
		return asciiClass[s[sp.start]]&cLetter != 0
	}
	if n > 5 {
		return false
	}
	for i := sp.start; i < sp.end; i++ {
		switch s[i] {
		case 'I', 'V', 'X':
		default:
			return false
		}
	}
	return true
}

func (st *segState) dateline(k Kind, f uint16) {
	if st.n == 1 {
		switch {
		case !st.line || k != Word:
			st.dl = dlNone
		case f&fAllCaps != 0:
			st.dl = dlPlace
		case f&fUpper != 0:
			st.dl = dlPlaceCap
		default:
			st.dl = dlNone
		}
		return
	}
	if st.n > 12 {
		st.dl = dlNone
		return
	}
	source := k == URL || k == Word && f&fHasUpper != 0
	next := uint8(dlNone)
	switch st.dl {
	case dlPlace:
		switch {
		case k == Word && f&fAllCaps != 0:
			next = dlPlace
		case f&fCommaOnly != 0:
			next = dlComma
		case f&fParenOpen != 0:
			next = dlParen
		case f&fDash != 0:
			next = dlDone
		}
	case dlPlaceCap:
		switch {
		case k == Word && f&fUpper != 0:
			next = dlPlaceCap
		case f&fParenOpen != 0:
			next = dlParen
		}
	case dlComma, dlSource:
		switch {
		case source:
			next = dlSource
		case st.dl == dlSource && f&fDash != 0:
			next = dlDone
		case st.dl == dlSource && f&fParenOpen != 0:
			next = dlParen
		}
	case dlParen:
		switch {
		case source:
			next = dlParen
		case f&fParenClose != 0:
			next = dlShut
		}
	case dlShut:
		if f&fDash != 0 {
			next = dlDone
		}
	}
	st.dl = next
}

// queued is a token with its decision: a sentence starts at it.
type queued struct {
	sp    span
	start bool
}

// Scan results.
const (
	scanOK         = iota
	scanEnd        // the text is over
	scanIncomplete // more input is needed (streaming)
)

// segmenter yields tokens with sentence boundaries. Tokens wait in a
// queue while a boundary inside a quotation or bracket is undecided: it is
// dropped if the quotation closes on the same line, and kept otherwise.
type segmenter[T text] struct {
	sc      scanner[T]
	st      segState
	prevEnd int
	partial bool // the text may continue (streaming): see scanner.partial
	q       []queued
	qi      int           // next token of q to return
	ready   int           // q[:ready] is decided
	maybe   []int         // indexes in q of undecided boundaries
	marks   [maxDepth]int // len(maybe) when each open region opened
}

// next returns the next token and whether a new sentence starts at it.
func (sg *segmenter[T]) next() (sp span, newSentence bool, status int) {
	for {
		if sg.qi < sg.ready {
			t := sg.q[sg.qi]
			sg.qi++
			return t.sp, t.start, scanOK
		}
		if sg.qi == len(sg.q) {
			sg.q, sg.qi, sg.ready = sg.q[:0], 0, 0
		}
		sp, nl, status := sg.sc.scan(sg.partial)
		if status != scanOK {
			if status == scanEnd && len(sg.q) > sg.ready {
				sg.settle(true)
				continue
			}
			return span{}, false, status
		}
		s := sg.sc.s
		if nl > 0 && len(sg.maybe) > 0 {
			sg.settle(true) // the quotation did not close on its line
		}
		f := classify(s, sp)
		gap := sp.start > sg.prevEnd
		b := breakHere
		if sg.st.n > 0 {
			starter := sg.st.term == termName && sg.isStarter(sp)
			numeral := sg.st.term == termWeak && isNumeral(s, sp)
			b = sg.st.boundary(f, sp.kind, sp.abbrev, starter, numeral, gap, nl)
		}
		if b == breakHere || sg.st.dl != dlNone {
			f |= capsFlags(s, sp)
		}
		// Without undecided boundaries the token goes out at once.
		fast := sg.qi == len(sg.q) && len(sg.maybe) == 0 && b != breakMaybe
		if !fast {
			sg.q = append(sg.q, queued{sp, b == breakHere})
			if b == breakMaybe {
				sg.maybe = append(sg.maybe, len(sg.q)-1)
			}
		}
		var rk uint8
		var open, close bool
		if sp.kind == Punct {
			rk, open, close = region(s, sp)
		}
		if d, opened := sg.st.push(sp, f, rk, open, close, gap, nl, b == breakHere); d >= 0 {
			// The region closed on its line: no sentence ends inside it.
			for _, i := range sg.maybe[sg.marks[d]:] {
				sg.q[i].start = false
			}
			sg.maybe = sg.maybe[:sg.marks[d]]
		} else if opened {
			sg.marks[sg.st.depth-1] = len(sg.maybe)
		}
		sg.prevEnd = sp.end
		if fast {
			return sp, b == breakHere, scanOK
		}
		if len(sg.maybe) == 0 {
			sg.ready = len(sg.q)
		} else {
			sg.ready = sg.maybe[0]
		}
	}
}

// settle decides the undecided boundaries: kept (a quotation or bracket
// that did not close on its line) or dropped.
func (sg *segmenter[T]) settle(keep bool) {
	for _, i := range sg.maybe {
		sg.q[i].start = keep
	}
	sg.maybe = sg.maybe[:0]
	sg.ready = len(sg.q)
}

// isNumeral reports whether the token sp is a Roman numeral of the letters
// I, V and X (1 to 39, in its usual form: XXXIII, IV, not IIII), other than
// the lone I, which also begins Balinese names (I Wayan). It leaves out L,
// C, D and M, whose numerals read as acronyms (DI, CV, MM, XL).
func isNumeral[T text](s T, sp span) bool {
	i, n := sp.start, sp.end-sp.start
	if sp.kind != Word || n > 8 || n == 1 && s[i] == 'I' {
		return false
	}
	// X{0,3} then IX, IV or V?I{0,3}.
	j := i
	for j < sp.end && j-i < 3 && s[j] == 'X' {
		j++
	}
	rest := sp.end - j
	switch {
	case rest == 2 && s[j] == 'I' && (s[j+1] == 'X' || s[j+1] == 'V'):
		return true
	case rest > 0 && s[j] == 'V':
		j++
	}
	for k := j; k < sp.end; k++ {
		if s[k] != 'I' || k-j >= 3 {
			return false
		}
	}
	return true
}

// isStarter reports whether the token sp is a word that usually starts a
// sentence (starters.txt).
func (sg *segmenter[T]) isStarter(sp span) bool {
	const max = 16
	if sp.kind != Word || sp.end-sp.start > max {
		return false
	}
	var b [max]byte
	s := sg.sc.s
	for i := sp.start; i < sp.end; i++ {
		b[i-sp.start] = lowerASCII(s[i])
	}
	return sg.sc.t.lex.start[string(b[:sp.end-sp.start])]
}

// All returns an iterator over the tokens of text. It does not allocate per
// token; the iterator may be ranged over more than once. [Tokenizer.Tokens]
// yields the same tokens as a slice.
func (t *Tokenizer) All(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		sc := scanner[string]{t: t, s: text}
		for {
			sp, _, ok := sc.next()
			if !ok || !yield(Token{Text: text[sp.start:sp.end], Start: sp.start, End: sp.end, Kind: sp.kind}) {
				return
			}
		}
	}
}

// Iterator is a pull iterator over the tokens of a text, made by
// [Tokenizer.Iterator]. It does not allocate. An Iterator is not safe for
// concurrent use; make one per goroutine.
type Iterator struct {
	sc  scanner[string]
	tok Token
}

// Iterator returns an Iterator over the tokens of text:
//
//	it := t.Iterator(text)
//	for it.Next() {
//		tok := it.Token()
//	}
func (t *Tokenizer) Iterator(text string) Iterator {
	return Iterator{sc: scanner[string]{t: t, s: text}}
}

// Next advances to the next token and reports whether there is one.
func (it *Iterator) Next() bool {
	sp, _, ok := it.sc.next()
	if !ok {
		it.tok = Token{}
		return false
	}
	it.tok = Token{Text: it.sc.s[sp.start:sp.end], Start: sp.start, End: sp.end, Kind: sp.kind}
	return true
}

// Token returns the current token.
func (it *Iterator) Token() Token { return it.tok }

// Tokens returns the tokens of text. It yields the same tokens as All.
func (t *Tokenizer) Tokens(text string) []Token {
	out := make([]Token, 0, len(text)/6+1)
	for tok := range t.All(text) {
		out = append(out, tok)
	}
	return out
}

// Sentences returns the sentences of text with their tokens. Each sentence
// has its own Tokens slice (a sub-slice of one array, with its capacity
// clipped). It yields the same sentences as AllSentences.
func (t *Tokenizer) Sentences(text string) []Sentence {
	sents, _ := t.AppendSentences(nil, make([]Token, 0, tokenEstimate(text)), text)
	return sents
}

// tokenEstimate returns a number of tokens that text is unlikely to
// exceed, to allocate its tokens at once: news text has about 1.15 tokens
// per space or line break (1.2 at most in the IndoSum articles and
// testdata/articles.jsonl). Counting them is cheap next to growing and
// copying the tokens.
func tokenEstimate(text string) int {
	gaps := strings.Count(text, " ") + strings.Count(text, "\n") + 1
	return gaps + gaps/4 + 8
}

// AppendSentences appends the sentences of text to dst and their tokens
// to toks, and returns both slices: the same sentences as
// [Tokenizer.Sentences], whose Tokens are subslices of the returned toks.
// Callers that analyse many texts pass the slices of the previous text
// back, truncated, so that a text costs no allocation once they are large
// enough.
func (t *Tokenizer) AppendSentences(dst []Sentence, toks []Token, text string) ([]Sentence, []Token) {
	n0, k := len(dst), len(toks)
	first := len(toks) // the current sentence's first token
	sg := segmenter[string]{sc: scanner[string]{t: t, s: text}}
	for {
		sp, newSentence, status := sg.next()
		if status != scanOK {
			break
		}
		if newSentence && len(toks) > first {
			// Its tokens are found below, once toks no longer grows: a
			// slice of toks taken now would keep its outgrown arrays alive.
			dst = append(dst, Sentence{Start: toks[first].Start, End: toks[len(toks)-1].End})
			first = len(toks)
		}
		toks = append(toks, Token{Text: text[sp.start:sp.end], Start: sp.start, End: sp.end, Kind: sp.kind})
	}
	if len(toks) > first {
		dst = append(dst, Sentence{Start: toks[first].Start, End: toks[len(toks)-1].End})
	}
	for i := n0; i < len(dst); i++ {
		j := k // the sentence's tokens are the next ones that end within it
		for j < len(toks) && toks[j].End <= dst[i].End {
			j++
		}
		dst[i].Tokens = toks[k:j:j]
		dst[i].Text = text[dst[i].Start:dst[i].End]
		k = j
	}
	return dst, toks
}

// AllSentences returns an iterator over the sentences of text. To avoid
// allocating, the Tokens slice of a yielded sentence is reused for the next
// one: copy it (slices.Clone) to keep it. Otherwise it yields the same
// sentences as [Tokenizer.Sentences].
func (t *Tokenizer) AllSentences(text string) iter.Seq[Sentence] {
	return func(yield func(Sentence) bool) {
		var buf [64]Token
		toks := buf[:0]
		sg := segmenter[string]{sc: scanner[string]{t: t, s: text}}
		emit := func() bool {
			if len(toks) == 0 {
				return true
			}
			s, e := toks[0].Start, toks[len(toks)-1].End
			ok := yield(Sentence{Text: text[s:e], Start: s, End: e, Tokens: toks[:len(toks):len(toks)]})
			toks = toks[:0]
			return ok
		}
		for {
			sp, newSentence, status := sg.next()
			if status != scanOK {
				break
			}
			if newSentence && !emit() {
				return
			}
			toks = append(toks, Token{Text: text[sp.start:sp.end], Start: sp.start, End: sp.end, Kind: sp.kind})
		}
		emit()
	}
}
