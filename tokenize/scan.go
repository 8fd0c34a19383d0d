package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// span is a token found by the scanner, before it becomes a Token.
type span struct {
	start, end int
	kind       Kind
	abbrev     AbbrevClass
}

// scanner finds the tokens of a text from left to right. Every token lies
// inside one run of non-gap characters and depends only on that run, so a
// text can be cut at any gap and scanned piece by piece with the same result
// (the streaming API relies on it). Each byte is examined a bounded number of
// times: lookaheads that can scan far (e-mail addresses, host names) memoise
// how far they failed.
type scanner[T text] struct {
	t        *Tokenizer
	s        T
	pos      int
	runEnd   int // streaming: the run being scanned is known to end here
	noEmail  int // no e-mail address starts before this offset
	noDomain int // no host name starts before this offset
}

// gap skips the gap characters at sc.pos and returns the number of line
// breaks among them (a blank line gives 2 or more).
func (sc *scanner[T]) gap() int {
	s := sc.s
	i := sc.pos
	nl := 0
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if asciiClass[c]&cGap == 0 {
				break
			}
			switch c {
			case '\n':
				if i == 0 || s[i-1] != '\r' {
					nl++
				}
			case '\r', '\v':
				nl++
			case '\f':
				nl += 2
			}
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if (r == utf8.RuneError && n == 1) || !IsGap(r) {
			break
		}
		nl += gapLines(r)
		i += n
	}
	sc.pos = i
	return nl
}

// next returns the next token and the number of line breaks before it; ok
// is false at the end of the text.
func (sc *scanner[T]) next() (sp span, nl int, ok bool) {
	nl = sc.gap()
	if sc.pos >= len(sc.s) {
		return span{}, nl, false
	}
	sp = sc.token(sc.pos)
	sc.pos = sp.end
	return sp, nl, true
}

// scan is next for the segmenter. With partial set (streaming, more input
// may follow) it returns a token only when its run of non-gap characters
// ends inside s, since the rest of the run could change it, and
// scanIncomplete otherwise.
func (sc *scanner[T]) scan(partial bool) (span, int, int) {
	if !partial {
		sp, nl, ok := sc.next()
		if !ok {
			return sp, nl, scanEnd
		}
		return sp, nl, scanOK
	}
	start := sc.pos
	nl := sc.gap()
	if sc.pos >= len(sc.s) {
		sc.pos = start
		return span{}, 0, scanIncomplete
	}
	if sc.pos >= sc.runEnd {
		e := runEnd(sc.s, sc.pos)
		if e >= len(sc.s) {
			sc.pos = start
			return span{}, 0, scanIncomplete
		}
		sc.runEnd = e
	}
	sp := sc.token(sc.pos)
	sc.pos = sp.end
	return sp, nl, scanOK
}

// runEnd returns the offset of the first gap character at or after i, or
// len(s).
func runEnd[T text](s T, i int) int {
	for i < len(s) {
		c := s[i]
		if c < 0x80 {
			if asciiClass[c]&cGap != 0 {
				return i
			}
			i++
			continue
		}
		r, n := decodeRune(s, i)
		if !(r == utf8.RuneError && n == 1) && IsGap(r) {
			return i
		}
		i += n
	}
	return i
}

// token scans the token starting at offset i, which is not a gap.
func (sc *scanner[T]) token(i int) span {
	s := sc.s
	c := s[i]
	if c < 0x80 {
		cl := asciiClass[c]
		switch {
		case cl&cLetter != 0:
			return sc.word(i)
		case cl&cDigit != 0:
			return sc.number(i)
		}
		return sc.ascii(i)
	}
	r, n := decodeRune(s, i)
	switch {
	case r == utf8.RuneError && n == 1:
		return span{i, i + 1, Invalid, 0}
	case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r):
		return sc.word(i)
	case isRegionalIndicator(r) || isEmojiStart(r):
		return sc.emoji(i)
	}
	if r2, _ := runeAt(s, i+n); r2 == 0xFE0F && unicode.Is(extendedPictographic, r) {
		return sc.emoji(i)
	}
	if unicode.IsPunct(r) {
		return span{i, i + n, Punct, 0}
	}
	return span{i, i + n, Symbol, 0}
}

// ascii scans a token starting with ASCII punctuation or a symbol.
func (sc *scanner[T]) ascii(i int) span {
	s := sc.s
	c := s[i]
	j := i + 1
	switch c {
	case '.': // an ellipsis of three periods is one token
		if j+1 < len(s) && s[j] == '.' && s[j+1] == '.' {
			j += 2
		}
		return span{i, j, Punct, 0}
	case '-': // -- and --- are dashes
		for j < len(s) && s[j] == '-' && j-i < 3 {
			j++
		}
		return span{i, j, Punct, 0}
	case '`', '\'': // `` and '' are quotes
		if j < len(s) && s[j] == c {
			j++
		}
		return span{i, j, Punct, 0}
	case '@':
		if e := sc.mention(i); e > 0 {
			return span{i, e, Mention, 0}
		}
		return span{i, j, Symbol, 0}
	case '#':
		if e := sc.keycap(i); e > 0 {
			return span{i, e, Emoji, 0}
		}
		if e := sc.hashtag(i); e > 0 {
			return span{i, e, Hashtag, 0}
		}
		return span{i, j, Symbol, 0}
	case '*':
		if e := sc.keycap(i); e > 0 {
			return span{i, e, Emoji, 0}
		}
		return span{i, j, Symbol, 0}
	case '!', '"', '(', ')', ',', '/', ':', ';', '?', '[', '\\', ']', '_', '{', '}':
		return span{i, j, Punct, 0}
	}
	return span{i, j, Symbol, 0} // $ % & + < = > ^ | ~
}

// Flags of a word run.
const (
	wDigit    = 1 << iota // contains a digit
	wNonASCII             // contains a non-ASCII character
)

// wordRun returns the end of the run of letters, marks and digits starting
// at i, with apostrophes and joiners between letters (Jum'at, Qur’an). A
// run "Rp" stops before a digit: Rp1,5 is Rp and 1,5.
func (sc *scanner[T]) wordRun(i int) (int, uint8) {
	s := sc.s
	j := i
	var f uint8
	for j < len(s) {
		c := s[j]
		if c < 0x80 {
			cl := asciiClass[c]
			if cl&cLetter != 0 {
				j++
				continue
			}
			if cl&cDigit != 0 {
				if f == 0 && j-i == 2 && s[i]|0x20 == 'r' && s[i+1]|0x20 == 'p' {
					break
				}
				f |= wDigit
				j++
				continue
			}
			if c == '\'' && j > i && letterAt(s, j+1) {
				j++
				continue
			}
			break
		}
		r, n := decodeRune(s, j)
		if r == utf8.RuneError && n == 1 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsMark(r) {
			f |= wNonASCII
			j += n
			continue
		}
		if unicode.IsNumber(r) { // other scripts' digits, ² ½
			f |= wNonASCII | wDigit
			j += n
			continue
		}
		if (isApostrophe(r) || isJoiner(r)) && j > i && letterAt(s, j+n) {
			f |= wNonASCII
			j += n
			continue
		}
		break
	}
	return j, f
}

// word scans a token starting with a letter (or a digit followed by
// letters): a word, an abbreviation with its periods, a reduplicated word,
// a host name or URL, or an e-mail address.
func (sc *scanner[T]) word(i int) span {
	j, f := sc.wordRun(i)
	return sc.wordTail(i, j, f)
}

// wordTail decides what follows the word run s[i:j].
func (sc *scanner[T]) wordTail(i, j int, f uint8) span {
	s := sc.s
	if j >= len(s) {
		return span{i, j, Word, 0}
	}
	c := s[j]
	if c < 0x80 && f&wNonASCII == 0 {
		if c == '@' || asciiClass[c]&cEmailc != 0 {
			if e := sc.email(i); e > 0 {
				return span{i, e, Email, 0}
			}
		}
		switch c {
		case '.':
			if e := sc.domain(i); e > 0 {
				return span{i, sc.urlTail(e), URL, 0}
			}
			if f == 0 {
				if e, cl := sc.abbrev(i, j); e > 0 {
					return span{i, e, Word, cl}
				}
			}
		case ':':
			if sc.scheme(i, j) {
				return span{i, sc.urlTail(j), URL, 0}
			}
		case '/': // s/d, a/n, C/O: one-letter abbreviations joined by a slash
			if j-i == 1 && j+2 <= len(s) && asciiClass[s[j+1]]&cLetter != 0 && !wordRuneAt(s, j+2) && (j+2 == len(s) || s[j+2] != '/') {
				return span{i, j + 2, Word, 0}
			}
		}
	}
	if (c == '+' || c == '-') && f == 0 {
		if e := rating(s, i, j); e > 0 {
			return span{i, e, Word, 0} // idAA-, A+idn
		}
	}
	if c == '-' && f&wNonASCII == 0 {
		// a host name with a hyphen in a label: tribun-medan.com
		if e := sc.domain(i); e > 0 {
			return span{i, sc.urlTail(e), URL, 0}
		}
	}
	if c == '-' || c == 0xE2 {
		if r, n := decodeRune(s, j); isHyphen(r) {
			return span{i, sc.hyphenated(i, j, n, f), Word, 0}
		}
	}
	return span{i, j, Word, 0}
}

// rating returns the end of a credit rating whose letters s[i:j] are
// followed by + or - at j (idAA-, idBBB+, AA-idn), or -1: an optional "id"
// and one to three times the same letter A, B, C or D, then the sign,
// then nothing or "idn".
func rating[T text](s T, i, j int) int {
	p := i
	if j-i > 2 && s[i] == 'i' && s[i+1] == 'd' {
		p += 2
	}
	if j-p < 1 || j-p > 3 {
		return -1
	}
	if s[p] < 'A' || s[p] > 'D' {
		return -1
	}
	for k := p + 1; k < j; k++ {
		if s[k] != s[p] {
			return -1
		}
	}
	e := j + 1
	if e+3 <= len(s) && s[e] == 'i' && s[e+1] == 'd' && s[e+2] == 'n' && p == i {
		e += 3
	}
	if wordRuneAt(s, e) || e < len(s) && (s[e] == '+' || s[e] == '-') {
		return -1
	}
	return e
}

// hyphenated returns the end of a word s[i:j] followed by a hyphen of n
// bytes at j: the end of the reduplicated word, of the word with a
// hyphenated clitic, of an ordinal (ke-18), or j.
func (sc *scanner[T]) hyphenated(i, j, n int, f uint8) int {
	s := sc.s
	k := j + n
	if f == 0 && j-i == 2 && s[i]|0x20 == 'k' && s[i+1]|0x20 == 'e' && k < len(s) && asciiClass[s[k]]&cDigit != 0 {
		e := digitsEnd(s, k)
		if !wordRuneAt(s, e) {
			return e // ke-18
		}
		return j
	}
	if f&wDigit != 0 || !letterAt(s, k) {
		return j
	}
	e, f2 := sc.wordRun(k)
	if f == 0 && isBoundPrefix(s, i, j) {
		return e // non-migas, anti-korupsi
	}
	if f2&wDigit != 0 {
		return j
	}
	if isHyphenClitic(s, k, e) {
		return e // hamba-Ku, ciptaan-Nya
	}
	if e-k == 1 && asciiClass[s[k]]&cUpper != 0 && j-i >= 2 && isUpperASCII(s, i, j) {
		return e // APBN-P: an acronym with a one-letter variant
	}
	if !isReduplication(sc.t.lex, s, i, j, k, e) {
		if f == 0 && lowerCompound(s, i, j, k, e) {
			return e // play-off, se-Indonesia
		}
		return j
	}
	// malaikat-malaikat-Nya: a third part only as a clitic.
	if e < len(s) {
		if r, n3 := decodeRune(s, e); isHyphen(r) {
			if e3, f3 := sc.wordRun(e + n3); f3&wDigit == 0 && isHyphenClitic(s, e+n3, e3) {
				return e3
			}
		}
	}
	return e
}

// lowerCompound reports whether the letters s[i:j] and s[k:e], joined by a
// hyphen, are a compound that both UD Indonesian treebanks keep in one
// token: a lower-case word with a lower-case word (play-off,
// penyalah-gunaan, profit-taking, jual-beli), or a lower-case prefix of at
// most five letters with a capitalised word or an acronym (se-Indonesia,
// pasca-Reformasi, e-KTP, pro-Jokowi), as Indonesian spelling (PUEBI)
// hyphenates them. A capitalised first word is not joined
// (Jakarta-Bandung, Januari-September, RI-Jepang split as CSUI does).
func lowerCompound[T text](s T, i, j, k, e int) bool {
	if !isLowerWord(s, i, j) {
		return false
	}
	if isLowerWord(s, k, e) {
		return true
	}
	r, _ := decodeRune(s, k)
	return j-i <= 5 && unicode.IsUpper(r)
}

// isLowerWord reports whether s[i:j] is all lower-case letters.
func isLowerWord[T text](s T, i, j int) bool {
	if i >= j {
		return false
	}
	for i < j {
		r, n := decodeRune(s, i)
		if !unicode.IsLower(r) {
			return false
		}
		i += n
	}
	return true
}

// acronymNotTitle reports whether the letters s[p:q], the only segment of
// a candidate abbreviation with key k and class cl, are an acronym rather
// than that title: three or more letters all in capitals (KEL., SDN.,
// PERUM.) for a title listed with lower-case letters (Kel., Sdn., Perum.).
// An acronym ends a sentence as any word does ("… merusak KEL. Pada
// awal …"); a title never would.
func acronymNotTitle[T text](t *Tokenizer, s T, p, q, segs int, cl AbbrevClass, k []byte) bool {
	return cl == Title && segs == 1 && q-p >= 3 && isUpperASCII(s, p, q) && t.lowerListed[string(k)]
}

// isUpperASCII reports whether s[i:j] is all upper-case ASCII letters.
func isUpperASCII[T text](s T, i, j int) bool {
	for ; i < j; i++ {
		if asciiClass[s[i]]&cUpper == 0 {
			return false
		}
	}
	return true
}

// isBoundPrefix reports whether s[i:j] is one of the bound morphemes that
// UD Indonesian keeps in one token with the hyphenated word after them:
// anti-, non-, sub-, multi-, kontra- (UD_Indonesian-GSD v2.9 changelog).
func isBoundPrefix[T text](s T, i, j int) bool {
	var b [6]byte
	if j-i > len(b) {
		return false
	}
	for k := i; k < j; k++ {
		b[k-i] = s[k] | 0x20
	}
	switch string(b[:j-i]) {
	case "anti", "non", "sub", "multi", "kontra":
		return true
	}
	return false
}

// isHyphenClitic reports whether s[i:j] is -nya, -ku or -mu (any case).
func isHyphenClitic[T text](s T, i, j int) bool {
	switch j - i {
	case 2:
		a, b := s[i]|0x20, s[i+1]|0x20
		return b == 'u' && (a == 'k' || a == 'm')
	case 3:
		return s[i]|0x20 == 'n' && s[i+1]|0x20 == 'y' && s[i+2]|0x20 == 'a'
	}
	return false
}

// startsRun reports whether offset i starts a run of non-gap characters,
// or follows an opening bracket or quote: initials (P., D.W.) stand there,
// not after a hyphen (APBN-P.).
func startsRun[T text](s T, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := decodeLastRune(s, i)
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '«':
		return true
	}
	return IsGap(r)
}

func digitsEnd[T text](s T, i int) int {
	for i < len(s) && asciiClass[s[i]]&cDigit != 0 {
		i++
	}
	return i
}

// number scans a token starting with an ASCII digit: a number with
// thousands and decimal separators (1.500.000, 2,5, 1.500,75), a time
// (10.30, 10:30), a date (29/11, 29/11/2023), a decade (1990-an), a keycap
// emoji, or an alphanumeric word (4G, 2ZR).
func (sc *scanner[T]) number(i int) span {
	s := sc.s
	j := digitsEnd(s, i)
	sep := false
	for j+1 < len(s) && (s[j] == '.' || s[j] == ',') && asciiClass[s[j+1]]&cDigit != 0 {
		j = digitsEnd(s, j+1)
		sep = true
	}
	if j >= len(s) {
		return span{i, j, Number, 0}
	}
	if !sep && j-i <= 2 {
		switch s[j] {
		case ':': // 10:30
			if j+3 <= len(s) && asciiClass[s[j+1]]&cDigit != 0 && asciiClass[s[j+2]]&cDigit != 0 && digitsEnd(s, j+1) == j+3 {
				j += 3
				sep = true
			}
		case '/': // 29/11, 29/11/2023
			if e := date(s, i, j); e > 0 {
				j = e
				sep = true
			}
		}
	}
	if j >= len(s) {
		return span{i, j, Number, 0}
	}
	c := s[j]
	switch {
	case c == '-' && j+3 <= len(s) && s[j+1] == 'a' && s[j+2] == 'n' && !wordRuneAt(s, j+3):
		return span{i, j + 3, Number, 0} // 1990-an
	case c == '-' && !sep && j-i <= 2:
		if e := monthDate(s, i, j); e > 0 {
			return span{i, e, Number, 0} // 23-Aug, 5-Agu-2007
		}
	}
	if j == i+1 && c >= 0x80 {
		if e := sc.keycap(i); e > 0 {
			return span{i, e, Emoji, 0}
		}
	}
	if !sep && letterAt(s, j) {
		e, f := sc.wordRun(j)
		return sc.wordTail(i, e, f|wDigit)
	}
	if !sep && (c == '@' || asciiClass[c]&cEmailc != 0) {
		if e := sc.email(i); e > 0 {
			return span{i, e, Email, 0}
		}
	}
	return span{i, j, Number, 0}
}

// date returns the end of a day/month[/year] date whose day is s[i:j] and
// s[j] == '/', or -1. Day 1-31, month 1-12, year of 2 or 4 digits.
func date[T text](s T, i, j int) int {
	day := atoi(s, i, j)
	if day < 1 || day > 31 {
		return -1
	}
	m := digitsEnd(s, j+1)
	if m-j-1 < 1 || m-j-1 > 2 {
		return -1
	}
	if mon := atoi(s, j+1, m); mon < 1 || mon > 12 {
		return -1
	}
	if m+1 < len(s) && s[m] == '/' {
		if y := digitsEnd(s, m+1); y-m-1 == 2 || y-m-1 == 4 {
			return y
		}
	}
	return m
}

// monthDate returns the end of a date written day-month[-year] with the
// month as a three-letter English or Indonesian abbreviation (23-Aug,
// 5-Agu-2007), whose day is s[i:j] and s[j] == '-', or -1.
func monthDate[T text](s T, i, j int) int {
	if day := atoi(s, i, j); day < 1 || day > 31 || j+4 > len(s) {
		return -1
	}
	var b [3]byte
	for k := range b {
		b[k] = s[j+1+k] | 0x20
	}
	switch string(b[:]) {
	case "jan", "feb", "mar", "apr", "may", "mei", "jun", "jul", "aug", "agu", "agt", "sep", "oct", "okt", "nov", "dec", "des":
	default:
		return -1
	}
	e := j + 4
	if wordRuneAt(s, e) {
		return -1
	}
	if e+1 < len(s) && s[e] == '-' {
		if y := digitsEnd(s, e+1); (y-e-1 == 2 || y-e-1 == 4) && !wordRuneAt(s, y) {
			return y
		}
	}
	return e
}

func atoi[T text](s T, i, j int) int {
	n := 0
	for ; i < j; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// keycap returns the end of a keycap emoji (#️⃣, 1️⃣) starting at i, or -1.
func (sc *scanner[T]) keycap(i int) int {
	s := sc.s
	j := i + 1
	if r, n := runeAt(s, j); r == 0xFE0F {
		j += n
	}
	if r, n := runeAt(s, j); r == 0x20E3 {
		return j + n
	}
	return -1
}

// mention returns the end of an @mention starting at i, or -1: @ not
// preceded by a word character, then ASCII letters, digits and underscores.
func (sc *scanner[T]) mention(i int) int {
	s := sc.s
	if i > 0 {
		if r, _ := decodeLastRune(s, i); isWordRune(r) || r == '_' {
			return -1
		}
	}
	j := i + 1
	for j < len(s) && (asciiClass[s[j]]&cAlnum != 0 || s[j] == '_') {
		j++
	}
	if j == i+1 {
		return -1
	}
	return j
}

// hashtag returns the end of a #hashtag starting at i, or -1: # not
// preceded by a word character, then letters, digits and underscores with at
// least one letter.
func (sc *scanner[T]) hashtag(i int) int {
	s := sc.s
	if i > 0 {
		if r, _ := decodeLastRune(s, i); isWordRune(r) || r == '_' {
			return -1
		}
	}
	j := i + 1
	letter := false
	for j < len(s) {
		r, n := decodeRune(s, j)
		if r == utf8.RuneError && n == 1 {
			break
		}
		if r == '_' || (r < 0x80 && asciiClass[r]&cDigit != 0) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if r < 0x80 && asciiClass[r]&cLetter != 0 || r >= 0x80 && (unicode.IsLetter(r) || unicode.IsMark(r)) {
			letter = true
			j += n
			continue
		}
		break
	}
	if !letter {
		return -1
	}
	return j
}

// emoji scans an emoji starting at i: a flag (two regional indicators) or a
// pictograph with variation selectors, skin-tone modifiers, tags, a keycap
// mark, and further pictographs joined by ZWJ (U+200D).
func (sc *scanner[T]) emoji(i int) span {
	s := sc.s
	r, n := decodeRune(s, i)
	j := i + n
	if isRegionalIndicator(r) {
		if r2, n2 := runeAt(s, j); isRegionalIndicator(r2) {
			j += n2
		}
		return span{i, j, Emoji, 0}
	}
	for {
		for {
			r2, n2 := runeAt(s, j)
			if r2 == 0xFE0F || r2 == 0xFE0E || isEmojiModifier(r2) || r2 == 0x20E3 || (0xE0020 <= r2 && r2 <= 0xE007F) {
				j += n2
				continue
			}
			break
		}
		r2, n2 := runeAt(s, j)
		if r2 != 0x200D {
			break
		}
		r3, n3 := runeAt(s, j+n2)
		if r3 < 0 || !unicode.Is(extendedPictographic, r3) {
			break
		}
		j += n2 + n3
	}
	return span{i, j, Emoji, 0}
}

// email returns the end of an e-mail address starting at i, or -1. The
// local part is ASCII letters, digits and . _ % + -; the domain has at least
// two labels and ends with a label of two or more letters.
func (sc *scanner[T]) email(i int) int {
	if i < sc.noEmail {
		return -1
	}
	s := sc.s
	k := i
	for k < len(s) && asciiClass[s[k]]&(cAlnum|cEmailc) != 0 {
		k++
	}
	if k >= len(s) || s[k] != '@' || s[k-1] == '.' {
		sc.noEmail = k
		return -1
	}
	e, _ := hostEnd(s, k+1, false)
	if e < 0 {
		sc.noEmail = k
		return -1
	}
	return e
}

// domain returns the end of a host name starting at i whose last label is a
// known top-level domain (kompas.com, KOMPAS.com, www.detik.com), or -1.
func (sc *scanner[T]) domain(i int) int {
	if i < sc.noDomain {
		return -1
	}
	e, seqEnd := hostEnd(sc.s, i, true)
	if e < 0 {
		sc.noDomain = seqEnd
	}
	return e
}

// hostEnd scans dot-separated labels of ASCII letters, digits and hyphens
// starting at i. It returns the end of the longest prefix of at least two
// labels that is a host name: ending with a known top-level domain when tld
// is set, else with a label of two or more letters. It also returns the end
// of the whole label sequence. The first value is -1 when there is no host.
func hostEnd[T text](s T, i int, tld bool) (int, int) {
	best := -1
	labels := 0
	p := i
	for {
		q := p
		letters := true
		for q < len(s) && (asciiClass[s[q]]&cAlnum != 0 || s[q] == '-' && q > p) {
			if asciiClass[s[q]]&cLetter == 0 {
				letters = false
			}
			q++
		}
		if q == p {
			return best, p
		}
		labels++
		if labels >= 2 && letters && q-p >= 2 && (!tld || isTLD(s, p, q)) {
			best = q
		}
		if q+1 >= len(s) || s[q] != '.' || asciiClass[s[q+1]]&cAlnum == 0 {
			return best, q
		}
		p = q + 1
	}
}

// isTLD reports whether s[i:j] is a top-level domain common in Indonesian
// text (any case).
func isTLD[T text](s T, i, j int) bool {
	if j-i > 6 {
		return false
	}
	var b [6]byte
	for k := i; k < j; k++ {
		b[k-i] = s[k] | 0x20
	}
	switch string(b[:j-i]) {
	case "com", "net", "org", "id", "info", "io", "biz", "co", "tv", "news", "asia",
		"edu", "gov", "my", "sg", "uk", "au", "jp", "xyz", "online", "site", "app", "dev", "ly":
		return true
	}
	return false
}

// scheme reports whether the letters s[i:j] followed by "://" start a URL.
func (sc *scanner[T]) scheme(i, j int) bool {
	s := sc.s
	if j+3 > len(s) || s[j+1] != '/' || s[j+2] != '/' {
		return false
	}
	var b [5]byte
	if j-i > len(b) {
		return false
	}
	for k := i; k < j; k++ {
		b[k-i] = s[k] | 0x20
	}
	switch string(b[:j-i]) {
	case "http", "https", "ftp":
		return true
	}
	return false
}

// urlTail returns the end of a URL whose host (or scheme) ends at e: an
// optional port, path, query and fragment up to the next gap or quote,
// without trailing punctuation (a closing bracket stays when the URL opened
// it).
func (sc *scanner[T]) urlTail(e int) int {
	s := sc.s
	j := e
	if j < len(s) && (s[j] == ':' || s[j] == '/' || s[j] == '?' || s[j] == '#') {
		for j < len(s) {
			c := s[j]
			if c < 0x80 {
				if asciiClass[c]&cURL == 0 || c == '\'' {
					break
				}
				j++
				continue
			}
			r, n := decodeRune(s, j)
			if r == utf8.RuneError && n == 1 || IsGap(r) || unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Pf, r) {
				break
			}
			j += n
		}
	}
	// Trim punctuation that ends the sentence rather than the URL, and
	// closing brackets that the URL did not open.
	paren, square := 0, 0 // opened minus closed
	for k := e; k < j; k++ {
		switch s[k] {
		case '(':
			paren++
		case ')':
			paren--
		case '[':
			square++
		case ']':
			square--
		}
	}
	for j > e {
		switch s[j-1] {
		case ')':
			if paren >= 0 {
				return j
			}
			paren++
		case ']':
			if square >= 0 {
				return j
			}
			square++
		case '.', ',', ';', ':', '!', '?', '*':
		default:
			return j
		}
		j--
	}
	return j
}

// abbrev returns the end and class of an abbreviation starting with the
// letters s[i:j] followed by a period at j, or -1: the longest known
// abbreviation ("S.H.", "a.n.", "dll."), or a run of one-letter segments
// ("D.W.", "s.d."; a single letter only when upper case: "P.").
func (sc *scanner[T]) abbrev(i, j int) (int, AbbrevClass) {
	s := sc.s
	t := sc.t
	var buf [maxAbbrevLen]byte
	n := 0
	best, bestClass := -1, NotAbbrev
	initEnd, segs := -1, 0
	// Initials stand at the start of a run: not after a hyphen (APBN-P.)
	// or a period (the rest of a cut "x.a.a.a"), which also keeps this
	// scan from running again from every letter of a long run.
	initials := startsRun(s, i)
	p, q := i, j // segment s[p:q], s[q] == '.'
	for {
		segs++
		if q-p != 1 {
			initials = false
		} else if segs > 1 || asciiClass[s[p]]&cUpper != 0 {
			initEnd = q + 1
		}
		if n >= 0 && n+q-p+1 <= t.maxAbbrev {
			for k := p; k < q; k++ {
				buf[n] = s[k] | 0x20
				n++
			}
			buf[n] = '.'
			n++
			if cl := t.abbrev[string(buf[:n])]; cl != NotAbbrev && !acronymNotTitle(t, s, p, q, segs, cl, buf[:n]) {
				best, bestClass = q+1, cl
			}
		} else {
			n = -1
		}
		if !initials && n < 0 {
			break
		}
		r := q + 1
		e := r
		for e < len(s) && asciiClass[s[e]]&cLetter != 0 {
			e++
		}
		if e == r || e >= len(s) || s[e] != '.' {
			break
		}
		p, q = r, e
	}
	if initEnd > best {
		return initEnd, Initial
	}
	return best, bestClass
}
