package tokenize

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon holds the word lists behind clitic splitting and reduplication.
type lexicon struct {
	keep  map[string]bool // never split
	root  map[string]bool // roots that end or start like a clitic
	ku    map[string]bool // verb bases after the proclitic ku-
	redup map[string]bool // irregular reduplications, lower case with hyphen
	start map[string]bool // words that usually start a sentence
}

func parseLexicon(clitics, redups, starters string) (*lexicon, error) {
	lx := &lexicon{keep: map[string]bool{}, root: map[string]bool{}, ku: map[string]bool{}, redup: map[string]bool{}, start: map[string]bool{}}
	for n, line := range strings.Split(starters, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.ContainsAny(line, " \t") || line != strings.ToLower(line) {
			return nil, fmt.Errorf("%w: starters.txt line %d: want one lower-case word, got %q", ErrWordList, n+1, line)
		}
		lx.start[line] = true
	}
	for n, line := range strings.Split(clitics, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || f[1] != strings.ToLower(f[1]) {
			return nil, fmt.Errorf("%w: clitics.txt line %d: want CLASS WORD in lower case, got %q", ErrWordList, n+1, line)
		}
		switch f[0] {
		case "keep":
			lx.keep[f[1]] = true
		case "root":
			lx.root[f[1]] = true
		case "ku":
			lx.ku[f[1]] = true
		default:
			return nil, fmt.Errorf("%w: clitics.txt line %d: unknown class %q", ErrWordList, n+1, f[0])
		}
	}
	for n, line := range strings.Split(redups, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.Count(line, "-") != 1 || line != strings.ToLower(line) {
			return nil, fmt.Errorf("%w: reduplications.txt line %d: want one lower-case hyphenated word, got %q", ErrWordList, n+1, line)
		}
		lx.redup[line] = true
	}
	return lx, nil
}

// maxRedup bounds the length in runes of each half of a reduplication.
const maxRedup = 32

// foldRunes appends the lower-cased runes of s[i:j] to dst; false if they
// do not fit in its capacity.
func foldRunes[T text](s T, i, j int, dst []rune) ([]rune, bool) {
	for i < j {
		r, n := decodeRune(s, i)
		if len(dst) == cap(dst) {
			return dst, false
		}
		dst = append(dst, unicode.ToLower(r))
		i += n
	}
	return dst, true
}

// isReduplication reports whether the words s[i:j] and s[k:e], joined by a
// hyphen, form one reduplicated word (kata ulang) that stays one token:
//
//   - full repetition: faksi-faksi, kupu-kupu, Orang-orang;
//   - repetition with affixes on one side or both: besar-besaran,
//     kawan-kawannya, sehari-hari, berbeda-beda, dicita-citakan;
//   - reciprocal me-/ber- forms: tarik-menarik, bahu-membahu;
//   - repetition with a sound change (dwilingga salin suara): the same
//     rhyme after different onsets (sayur-mayur, lauk-pauk) or the same
//     consonants with other vowels (bolak-balik, warna-warni);
//   - an irregular pair from reduplications.txt (hiruk-pikuk).
//
// Other hyphenated compounds are split as UD Indonesian does
// (Jakarta-Bandung → Jakarta - Bandung).
func isReduplication[T text](lx *lexicon, s T, i, j, k, e int) bool {
	var ab, bb [maxRedup]rune
	a, ok1 := foldRunes(s, i, j, ab[:0])
	b, ok2 := foldRunes(s, k, e, bb[:0])
	if !ok1 || !ok2 || len(a) < 2 || len(b) < 2 {
		return false
	}
	if affixedRepetition(a, b) {
		return true
	}
	var kb [2*maxRedup*utf8.UTFMax + 1]byte
	key := kb[:0]
	for _, r := range a {
		key = utf8.AppendRune(key, r)
	}
	key = append(key, '-')
	for _, r := range b {
		key = utf8.AppendRune(key, r)
	}
	if lx.redup[string(key)] {
		return true
	}
	// Sound-change pairs: not a lower-case word followed by a capitalised one.
	ra, _ := decodeRune(s, i)
	rb, _ := decodeRune(s, k)
	if unicode.IsLower(ra) && unicode.IsUpper(rb) {
		return false
	}
	return soundChange(a, b)
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasPrefixRunes(s, p []rune) bool { return len(s) >= len(p) && runesEqual(s[:len(p)], p) }
func hasSuffixRunes(s, p []rune) bool { return len(s) >= len(p) && runesEqual(s[len(s)-len(p):], p) }

// affixedRepetition reports full repetition with optional affixes.
func affixedRepetition(a, b []rune) bool {
	if runesEqual(a, b) {
		return true
	}
	const affix = 6 // longest affix on one side: memper-, -annya
	// b = a + suffix: besar-besaran, kawan-kawannya
	if len(a) >= 3 && len(b)-len(a) <= affix && hasPrefixRunes(b, a) {
		return true
	}
	// a = prefix + b: sehari-hari, berbeda-beda, menyala-nyala
	if len(b) >= 3 && len(a)-len(b) <= affix && hasSuffixRunes(a, b) {
		return true
	}
	// a = prefix + x, b = x + suffix: dicita-citakan
	for p := 1; p <= 4 && len(a)-p >= 3; p++ {
		x := a[p:]
		if len(b) > len(x) && len(b)-len(x) <= 4 && hasPrefixRunes(b, x) {
			return true
		}
	}
	// b = me-/ber- prefix + a, or + a without its first consonant:
	// bahu-membahu, tarik-menarik, pukul-memukul, kait-mengait
	for _, p := range [...]string{"me", "mem", "men", "meng", "meny", "ber", "ter", "di"} {
		if len(b) <= len(p) || !strings.HasPrefix(string(b[:len(p)]), p) {
			continue
		}
		rest := b[len(p):]
		if runesEqual(rest, a) || len(a) >= 4 && runesEqual(rest, a[1:]) {
			return true
		}
	}
	return false
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'é', 'è':
		return true
	}
	return false
}

// soundChange reports the two kinds of dwilingga salin suara: the same
// rhyme after different onsets (sayur-mayur, lauk-pauk, ramah-tamah), or the
// same consonants with different vowels (bolak-balik, gerak-gerik,
// warna-warni, mondar-mandir, asal-usul).
func soundChange(a, b []rune) bool {
	if len(a) < 3 || len(b) < 3 || len(a)-len(b) > 2 || len(b)-len(a) > 2 {
		return false
	}
	for _, r := range a {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	for _, r := range b {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	onset := func(w []rune) int {
		n := 0
		for n < len(w) && !isVowel(w[n]) {
			n++
		}
		return n
	}
	oa, ob := onset(a), onset(b)
	if ra, rb := a[oa:], b[ob:]; len(ra) >= 3 && runesEqual(ra, rb) && !runesEqual(a[:oa], b[:ob]) {
		return true
	}
	// Same consonant skeleton, at least two consonants.
	ia, ib, cons := 0, 0, 0
	for {
		for ia < len(a) && isVowel(a[ia]) {
			ia++
		}
		for ib < len(b) && isVowel(b[ib]) {
			ib++
		}
		if ia == len(a) || ib == len(b) {
			return ia == len(a) && ib == len(b) && cons >= 2
		}
		if a[ia] != b[ib] {
			return false
		}
		cons++
		ia++
		ib++
	}
}

// enclitics in the order they are tried.
var enclitics = [...]string{"nya", "lah", "kah", "tah", "pun", "ku", "mu"}

// prefixes stripped from a word before looking its root up.
var rootPrefixes = [...]string{"memper", "diper", "meng", "meny", "peng", "peny", "mem", "men", "ber", "ter", "per", "pem", "pen", "me", "be", "te", "pe", "di", "ke", "se"}

// maxWord bounds the words whose clitics are split.
const maxWord = 48

// Clitics returns the byte lengths of the proclitic at the start of word
// and of the enclitic at its end, split off the way UD Indonesian
// (GSD, CSUI) splits syntactic words: enclitics -nya, -ku, -mu and the
// particles -lah, -kah, -tah, -pun (perjuangannya → perjuangan + nya,
// itulah → itu + lah, hamba-Ku → hamba- + Ku), proclitics ku- and kau-
// (kulihat → ku + lihat, kaubawa → kau + bawa). Both are 0 when nothing is
// split.
//
// A host must keep at least three letters, and words listed in the
// embedded clitics.txt are never split: lexicalised forms (hanya,
// sebelumnya, meskipun) and roots that end like a clitic, alone or after a
// prefix (masalah, bermasalah, bertemu, buku). ku- is split only before a
// listed verb base; -tah only after a question word. Words with characters
// other than ASCII letters and hyphens are not split.
func (t *Tokenizer) Clitics(word string) (pre, post int) {
	if len(word) > maxWord || len(word) < 4 {
		return 0, 0
	}
	var buf [maxWord]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if asciiClass[c]&cLetter == 0 && c != '-' {
			return 0, 0
		}
		buf[i] = c | 0x20
	}
	w := string(buf[:len(word)]) // does not escape
	if h := strings.LastIndexByte(w, '-'); h >= 0 {
		last := w[h+1:]
		switch last {
		case "nya", "ku", "mu":
			if h > 0 {
				return 0, len(last) // hamba-Ku → hamba- + Ku
			}
			return 0, 0
		}
		return 0, t.enclitic(last, 0)
	}
	if t.lex.keep[w] {
		return 0, 0
	}
	switch {
	case strings.HasPrefix(w, "kau") && len(w) >= 6 && !t.isRoot(w) && !isEnclitic(w[3:]):
		pre = 3
	case strings.HasPrefix(w, "ku") && len(w) >= 5 && t.isKuBase(w[2:]):
		pre = 2
	}
	post = t.enclitic(w, pre)
	return pre, post
}

func isEnclitic(w string) bool {
	for _, c := range enclitics {
		if w == c {
			return true
		}
	}
	return false
}

// isKuBase reports whether w, or w without an enclitic, is a verb base that
// takes the proclitic ku-.
func (t *Tokenizer) isKuBase(w string) bool {
	if t.lex.ku[w] {
		return true
	}
	for _, c := range enclitics {
		if strings.HasSuffix(w, c) && t.lex.ku[w[:len(w)-len(c)]] {
			return true
		}
	}
	return false
}

// enclitic returns the length of the enclitic of the lower-case word w
// whose first pre bytes are a proclitic, or 0.
func (t *Tokenizer) enclitic(w string, pre int) int {
	if t.lex.keep[w] {
		return 0
	}
	for _, c := range enclitics {
		if !strings.HasSuffix(w, c) || len(w)-len(c)-pre < 3 {
			continue
		}
		host := w[pre : len(w)-len(c)]
		switch c {
		case "nya", "pun":
		case "tah":
			switch host {
			case "apa", "siapa", "mana", "bagaimana", "betapa":
			default:
				return 0
			}
		case "lah":
			if strings.HasSuffix(w, "llah") { // Allah, Abdullah, insyaallah
				return 0
			}
			fallthrough
		default:
			if t.isRoot(w) {
				return 0
			}
		}
		return len(c)
	}
	return 0
}

// isRoot reports whether w is a listed root, or a prefix plus a listed root.
func (t *Tokenizer) isRoot(w string) bool {
	if t.lex.root[w] {
		return true
	}
	for _, p := range rootPrefixes {
		if strings.HasPrefix(w, p) && t.lex.root[w[len(p):]] {
			return true
		}
	}
	return false
}

// AppendWords appends to dst the syntactic words of tok: tok itself, or,
// for a Word token with clitics, the proclitic, the host and the enclitic
// as separate Word tokens whose offsets lie inside tok's.
func (t *Tokenizer) AppendWords(dst []Token, tok Token) []Token {
	if tok.Kind != Word {
		return append(dst, tok)
	}
	pre, post := t.Clitics(tok.Text)
	if pre == 0 && post == 0 {
		return append(dst, tok)
	}
	if pre > 0 {
		dst = append(dst, Token{Text: tok.Text[:pre], Start: tok.Start, End: tok.Start + pre, Kind: Word})
	}
	h := len(tok.Text) - post
	dst = append(dst, Token{Text: tok.Text[pre:h], Start: tok.Start + pre, End: tok.Start + h, Kind: Word})
	if post > 0 {
		dst = append(dst, Token{Text: tok.Text[h:], Start: tok.Start + h, End: tok.End, Kind: Word})
	}
	return dst
}

// Words returns the syntactic words of text: its tokens with clitics split
// off as by [Tokenizer.Clitics]. text[w.Start:w.End] == w.Text for every word.
func (t *Tokenizer) Words(text string) []Token {
	var out []Token
	for tok := range t.All(text) {
		out = t.AppendWords(out, tok)
	}
	return out
}
