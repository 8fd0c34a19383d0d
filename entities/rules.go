package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// The rules for DATE, TIME, MONEY, PERCENT and QUANTITY re-read each
// sentence with a small lexer of their own (words, numbers with their
// separators, single symbols), so that they work whatever the tokenizer
// does with "29/11", "10.30" or "Rp1,5"; a match is then widened to whole
// tokens.

type itemKind uint8

const (
	itWord itemKind = iota
	itNum
	itSym
)

type item struct {
	kind       itemKind
	low        string // lower-cased text; for words, only those the rules know ("" otherwise)
	start, end int    // byte offsets into the text
	space      bool   // white space before the item
	upper      bool   // starts with an upper-case letter
	flags      uint32 // rule word classes (flDayNames, …)
}

// lexItems splits text[start:end] into items.
func lexItems(text string, start, end int, out []item) []item {
	return lexAppend(text, start, end, out[:0])
}

// lexAppend appends the items of text[start:end] to out.
func lexAppend(text string, start, end int, out []item) []item {
	i := start
	space := true
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII, as the cases below but without decoding
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				space = true
				i++
				continue
			case '0' <= c && c <= '9':
				j := numEnd(text, i, end)
				out = append(out, item{kind: itNum, low: text[i:j], start: i, end: j, space: space})
				i = j
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				out = appendWord(out, text, i, 1, end, c <= 'Z', space)
				i = out[len(out)-1].end
			default:
				out = append(out, item{kind: itSym, low: text[i : i+1], start: i, end: i + 1, space: space})
				i++
			}
			space = false
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case unicode.IsLetter(r):
			out = appendWord(out, text, i, n, end, unicode.IsUpper(r), space)
			i = out[len(out)-1].end
		default:
			out = append(out, item{kind: itSym, low: text[i : i+n], start: i, end: i + n, space: space})
			i += n
		}
		space = false
	}
	return out
}

// numEnd returns the end of the number starting at text[i]: digits, with
// single separators between digits.
func numEnd(text string, i, end int) int {
	j := i + 1
	for j < end {
		c := text[j]
		if '0' <= c && c <= '9' {
			j++
			continue
		}
		if (c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && j+1 < end && '0' <= text[j+1] && text[j+1] <= '9' {
			j += 2
			continue
		}
		break
	}
	return j
}

// appendWord appends the word item starting at text[i], whose first rune
// (n bytes) is a letter: letters and marks.
func appendWord(out []item, text string, i, n, end int, upper, space bool) []item {
	j := i + n
	ascii := n == 1
	for j < end {
		c := text[j]
		if asciiLetter[c] {
			j++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r2, n2 := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsLetter(r2) || unicode.IsMark(r2) {
			j += n2
			ascii = false
			continue
		}
		break
	}
	// Only the words the rules know matter (all ASCII): look them up
	// lower-cased in a buffer, and keep the table's copy (no allocation).
	var rw ruleWord
	if ascii {
		rw = ruleWordOf(text[i:j])
	}
	return append(out, item{kind: itWord, low: rw.low, start: i, end: j, space: space, upper: upper, flags: rw.flags})
}

// asciiLetter tells the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = true, true
	}
	return t
}()

// wordFilter has a bit for each (length, first letter, last letter) of the
// rule words, ignoring case: most words need no map lookup.
type wordFilter [((maxRuleWord+1)*26*26 + 63) / 64]uint64

func filterIndex(w string) (int, bool) {
	if len(w) == 0 || len(w) > maxRuleWord {
		return 0, false
	}
	f, l := w[0]|0x20, w[len(w)-1]|0x20
	if f < 'a' || f > 'z' || l < 'a' || l > 'z' {
		return 0, false
	}
	return (len(w)*26+int(f-'a'))*26 + int(l-'a'), true
}

func (f *wordFilter) has(w string) bool {
	k, ok := filterIndex(w)
	return ok && f[k>>6]&(1<<(k&63)) != 0
}

var (
	dayNames   = setOf("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
	monthNames = setOf("januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
		"september", "oktober", "november", "nopember", "desember",
		"jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "sep", "sept", "okt", "nov", "nop", "des")
	enDays      = setOf("mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
	enMonths    = setOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "october", "december")
	periodWords = setOf("tahun", "bulan", "pekan", "minggu", "semester", "kuartal", "triwulan", "abad", "dekade")
	deictic     = setOf("ini", "lalu", "depan", "mendatang", "silam", "kemarin")
	edgeWords   = setOf("awal", "akhir", "pertengahan", "penghujung", "medio")
	timeZones   = setOf("wib", "wita", "wit", "gmt", "utc", "waktu")
	scaleWords  = setOf("ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun", "m", "t", "ratus")
	moneyBefore = setOf("rp", "idr", "usd", "us", "sgd", "s", "rm", "myr", "eur", "jpy", "aud", "a", "hk", "gbp", "cny")
	moneyAfter  = setOf("rupiah", "dolar", "dollar", "euro", "yen", "yuan", "ringgit", "poundsterling", "pound", "won", "rupee", "riyal", "real", "franc", "usd", "idr")
	units       = setOf("km", "kilometer", "meter", "m", "cm", "sentimeter", "mm", "milimeter", "mil", "kg", "kilogram",
		"gram", "gr", "ton", "liter", "l", "hektare", "hektar", "ha", "barel", "orang", "jiwa", "unit", "ekor", "buah",
		"derajat", "mw", "megawatt", "kw", "kwh", "gw", "gb", "mb", "tb", "kapal", "rumah", "kendaraan", "mobil",
		"km2", "m2", "m3", "knot", "celsius", "pesawat", "butir", "batang", "lembar", "dosis", "kursi", "suara",
		"personel", "prajurit", "tentara", "pasukan", "warga", "penduduk", "korban", "pasien", "kasus", "peserta")
	percentWords    = setOf("persen", "prosen")
	miscWords       = setOf("pukul", "jam", "hari", "pada", "sejak", "bulan", "tahun")
	currencyCountry = setOf("as", "singapura", "australia", "hongkong")
	ordinalSuffix   = setOf("st", "nd", "rd", "th")
	numberWords     = setOf("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
		"sebelas", "seratus", "seribu", "sejuta", "puluhan", "ratusan", "ribuan", "jutaan")
)

// Word classes of the rules, as bits: one map lookup per word.
const (
	flDayNames uint32 = 1 << iota
	flMonthNames
	flEnDays
	flEnMonths
	flPeriodWords
	flDeictic
	flEdgeWords
	flTimeZones
	flScaleWords
	flMoneyBefore
	flMoneyAfter
	flUnits
	flNumberWords
	flPercentWords
	flCurrencyCountry
	flOrdinalSuffix
	flMiscWords
)

// ruleWord is a word the rules know: its classes and its lower-case form.
type ruleWord struct {
	flags uint32
	low   string
}

// maxRuleWord is the length of the longest word the rules know.
const maxRuleWord = 16

// ruleWords maps a lower-case word to the rule word classes it belongs to.
var ruleWords = func() map[string]ruleWord {
	m := map[string]ruleWord{}
	for f, set := range []map[string]bool{dayNames, monthNames, enDays, enMonths, periodWords, deictic, edgeWords, timeZones, scaleWords, moneyBefore, moneyAfter, units, numberWords, percentWords, currencyCountry, ordinalSuffix, miscWords} {
		for w := range set {
			m[w] = ruleWord{flags: m[w].flags | 1<<f, low: w}
		}
	}
	return m
}()

// ruleFilter is the wordFilter of ruleWords. A rule word that the lexer
// cannot produce (jum'at) need not be in it.
var ruleFilter = func() *wordFilter {
	f := new(wordFilter)
	for w := range ruleWords {
		if k, ok := filterIndex(w); ok {
			f[k>>6] |= 1 << (k & 63)
		}
	}
	return f
}()

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// ruleMatch is a rule's match over items it[i:j].
type ruleMatch struct {
	i, j  int
	label Label
}

// isYear reports whether a number item is a plausible year (1900–2099,
// or a range of them such as 2005-2006).
func isYear(s string) bool {
	if len(s) == 9 && s[4] == '-' {
		return isYear(s[:4]) && isYear(s[5:])
	}
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && allDigits(s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isNumDate reports whether s looks like d/m or d/m/y.
func isNumDate(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 || strings.ContainsAny(s, ".,:") {
		return false
	}
	for k, p := range parts {
		if !allDigits(p) || (k < 2 && len(p) > 2) || (k == 2 && len(p) != 2 && len(p) != 4) {
			return false
		}
	}
	return atoi(parts[0]) >= 1 && atoi(parts[0]) <= 31 && atoi(parts[1]) >= 1 && atoi(parts[1]) <= 12
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// isClock reports whether s is hh.mm or hh:mm.
func isClock(s string) bool {
	if len(s) != 5 && len(s) != 4 {
		return false
	}
	k := strings.IndexAny(s, ".:")
	if k < 1 || k > 2 || len(s)-k-1 != 2 {
		return false
	}
	h, m := s[:k], s[k+1:]
	return allDigits(h) && allDigits(m) && atoi(h) <= 24 && atoi(m) <= 59
}

// matchAt tries the rules at item i and returns the longest match.
func matchAt(it []item, i int) (ruleMatch, bool) {
	best := ruleMatch{}
	found := false
	try := func(j int, l Label) {
		if j > i && (!found || j > best.j) {
			best, found = ruleMatch{i, j, l}, true
		}
	}
	word := func(k int, f uint32) bool {
		return k < len(it) && it[k].kind == itWord && it[k].flags&f != 0
	}
	sym := func(k int, s string) bool { return k < len(it) && it[k].kind == itSym && it[k].low == s }
	num := func(k int) bool { return k < len(it) && it[k].kind == itNum }
	// quantity: a number (digits or a number word) with an optional scale word.
	quantity := func(k int) int {
		if num(k) || word(k, flNumberWords) {
			k++
			if word(k, flScaleWords) && it[k].low != "m" && it[k].low != "t" {
				k++
			}
			return k
		}
		return -1
	}
	x := it[i]
	switch x.kind {
	case itWord:
		// DATE: Selasa (29/11), Senin (25/8/2014), Selasa, 28 November 2016
		if x.flags&flDayNames != 0 {
			if sym(i+1, "(") && num(i+2) && isNumDate(it[i+2].low) && sym(i+3, ")") {
				try(i+4, DATE)
			}
			k := i + 1
			if sym(k, ",") {
				k++
			}
			if num(k) && atoi(it[k].low) >= 1 && atoi(it[k].low) <= 31 && len(it[k].low) <= 2 && word(k+1, flMonthNames) {
				j := k + 2
				if num(j) && isYear(it[j].low) {
					j++
				}
				try(j, DATE)
			}
			// ", Sabtu ." / ", Sabtu," / "pada hari Senin" (a capitalised day name)
			if x.low != "minggu" || isUpperStart(x) {
				prevOK := i > 0 && ((it[i-1].kind == itSym && it[i-1].low == ",") || it[i-1].low == "hari" || it[i-1].low == "pada" || it[i-1].low == "sejak")
				nextOK := i+1 >= len(it) || it[i+1].kind == itSym
				if isUpperStart(x) && prevOK && nextOK {
					try(i+1, DATE)
				}
			}
		}
		// DATE (English page furniture): Sat. Apr 8th, 2023; April 8, 2023
		if x.flags&flEnDays != 0 || x.flags&flEnMonths != 0 {
			k := i
			if x.flags&flEnDays != 0 {
				k++
				if sym(k, ".") || sym(k, ",") {
					k++
				}
			}
			if word(k, flEnMonths) {
				k++
				if sym(k, ".") {
					k++
				}
				if num(k) && len(it[k].low) <= 2 {
					k++
					if word(k, flOrdinalSuffix) && !it[k].space {
						k++
					}
					if sym(k, ",") && num(k+1) && isYear(it[k+1].low) {
						try(k+2, DATE)
					} else if num(k) && isYear(it[k].low) {
						try(k+1, DATE)
					}
				}
			}
		}
		// DATE: a page's day name on its own (Sat.), where the tokenizer
		// ends the sentence after the abbreviation
		if x.flags&flEnDays != 0 && isUpperStart(x) && i == 0 && (len(it) == 1 || len(it) == 2 && it[1].kind == itSym) {
			try(i+1, DATE)
		}
		// DATE: November 2016, bulan September
		if x.flags&flMonthNames != 0 && len(x.low) > 3 && num(i+1) && isYear(it[i+1].low) {
			try(i+2, DATE)
		}
		if x.low == "bulan" && word(i+1, flMonthNames) && len(it[i+1].low) > 3 {
			j := i + 2
			if num(j) && isYear(it[j].low) {
				j++
			}
			try(j, DATE)
		}
		// DATE: tahun 2011, tahun 2005-2006, awal 2006, akhir tahun ini, tahun lalu
		k := i
		if x.flags&flEdgeWords != 0 {
			k++
		}
		if k < len(it) && num(k) && isYear(it[k].low) && k > i {
			try(k+1, DATE)
		}
		if word(k, flPeriodWords) {
			if num(k+1) && isYear(it[k+1].low) && it[k].low == "tahun" {
				try(k+2, DATE)
			}
			if word(k+1, flDeictic) && !(it[k].low == "minggu" && it[k+1].low == "ini" && k == i) {
				try(k+2, DATE)
			}
			if k > i && word(k+1, flMonthNames) {
				try(k+2, DATE)
			}
		}
		// TIME: pukul 10.30 WIB, pukul 08.00
		if x.low == "pukul" || x.low == "jam" {
			if num(i+1) && (isClock(it[i+1].low) || (x.low == "pukul" && len(it[i+1].low) <= 2)) {
				j := i + 2
				if word(j, flTimeZones) && it[j].low != "waktu" {
					j++
				}
				try(j, TIME)
			}
		}
		// MONEY: Rp 1,5 triliun, Rp1,5 triliun, US$3 juta, USD 10 juta
		if x.flags&flMoneyBefore != 0 {
			k := i + 1
			if sym(k, "$") {
				k++
			} else if x.low == "rp" && sym(k, ".") {
				k++
			} else if x.low == "us" || x.low == "s" || x.low == "a" || x.low == "hk" {
				break
			}
			if num(k) {
				j := k + 1
				if word(j, flScaleWords) {
					j++
				}
				try(j, MONEY)
			}
		}
		// PERCENT: lima persen
		if word(i, flNumberWords) && word(i+1, flPercentWords) {
			try(i+2, PERCENT)
		}
	case itSym:
		// MONEY: $3 juta, €5 juta
		if x.low == "$" || x.low == "€" || x.low == "£" || x.low == "¥" {
			if num(i + 1) {
				j := i + 2
				if word(j, flScaleWords) {
					j++
				}
				try(j, MONEY)
			}
		}
		// DATE: (29/10/2013) on its own
		if x.low == "(" && num(i+1) && isNumDate(it[i+1].low) && sym(i+2, ")") && !(i > 0 && it[i-1].flags&flDayNames != 0) {
			try(i+3, DATE)
		}
	case itNum:
		// TIME: 10.30 WIB
		if isClock(x.low) && word(i+1, flTimeZones) && it[i+1].low != "waktu" {
			try(i+2, TIME)
		}
		// DATE: 28 November 2016, 28 Nov
		if len(x.low) <= 2 && atoi(x.low) >= 1 && atoi(x.low) <= 31 && word(i+1, flMonthNames) && (len(it[i+1].low) > 3 || num(i+2)) {
			j := i + 2
			if num(j) && isYear(it[j].low) {
				j++
			}
			try(j, DATE)
		}
		// DATE: 29/10/2013
		if isNumDate(x.low) && strings.Count(x.low, "/") == 2 {
			try(i+1, DATE)
		}
	}
	if x.kind == itNum || word(i, flNumberWords) {
		j := quantity(i)
		if j > 0 {
			// PERCENT: 12,5 persen, 12%
			if word(j, flPercentWords) || sym(j, "%") {
				try(j+1, PERCENT)
			}
			// MONEY: 3 juta dolar AS, 1,5 triliun rupiah
			if word(j, flMoneyAfter) {
				e := j + 1
				if word(e, flCurrencyCountry) && it[j].low != "rupiah" {
					e++
				}
				try(e, MONEY)
			}
			// QUANTITY: 20 kilometer, 3.000 orang, 6 juta jiwa
			if x.kind == itNum && word(j, flUnits) {
				try(j+1, QUANTITY)
			}
		}
	}
	return best, found
}

// ruleSym reports whether a rule may start at symbol s (matchAt).
func ruleSym(s string) bool {
	return s == "$" || s == "€" || s == "£" || s == "¥" || s == "("
}

func isUpperStart(x item) bool { return x.kind == itWord && x.upper }

// appendRules appends the rule-based mentions of one sentence as
// candidates over token indices.
func appendRules(text string, toks []tokenize.Token, te []int32, cands []cand, s *scratch) []cand {
	s.items = sentenceItems(text, toks, te, s.ents, s.items)
	it := s.items
	for i := 0; i < len(it); {
		if x := &it[i]; x.kind == itWord && x.flags == 0 || x.kind == itSym && !ruleSym(x.low) {
			i++ // no rule starts at an unknown word or another symbol
			continue
		}
		m, ok := matchAt(it, i)
		if !ok {
			i++
			continue
		}
		a, b := tokenIndex(toks, it[m.i].start), tokenIndex(toks, it[m.j-1].end-1)
		if a >= 0 && b >= a {
			cands = append(cands, cand{TokenSpan: TokenSpan{Start: a, End: b + 1, Label: m.label}, prio: prioRule, score: 1})
		}
		i = m.j
	}
	return cands
}

// sentenceItems returns the items of the sentence's text, from its first
// token's start to its last token's end. te are the tokens' entries in
// the fast path's word table, or nil. No item spans white space, so the
// items are those of each run of adjacent tokens in turn when only white
// space separates the runs; a run of one token of ASCII letters is one
// word item, whose rule word the table knows.
func sentenceItems(text string, toks []tokenize.Token, te []int32, ents []wordEnt, out []item) []item {
	st, en := toks[0].Start, toks[len(toks)-1].End
	if te == nil {
		return lexItems(text, st, en, out)
	}
	out = out[:0]
	for k := 0; k < len(toks); {
		j := k
		for j+1 < len(toks) && toks[j+1].Start == toks[j].End {
			j++
		}
		if e := &ents[te[k]]; j == k && e.ruleSimple {
			// white space or the sentence's start before it (space)
			out = append(out, item{kind: itWord, low: e.ruleLow, start: toks[k].Start, end: toks[k].End, space: true,
				upper: e.flags&wfStartUpper != 0, flags: e.ruleFlags})
		} else {
			out = lexAppend(text, toks[k].Start, toks[j].End, out)
		}
		if j+1 < len(toks) && !asciiSpace(text[toks[j].End:toks[j+1].Start]) {
			return lexItems(text, st, en, out) // text between the tokens
		}
		k = j + 1
	}
	return out
}

// asciiSpace reports whether s is ASCII white space only.
func asciiSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && (c < '\t' || c > '\r') {
			return false
		}
	}
	return true
}

// ruleWordOf returns the rule word of a word item of ASCII letters w, as
// appendWord looks it up.
func ruleWordOf(w string) ruleWord {
	if len(w) > maxRuleWord || !ruleFilter.has(w) {
		return ruleWord{}
	}
	var buf [maxRuleWord]byte
	b := buf[:len(w)]
	for k := range b {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return ruleWords[string(b)]
}

// tokenIndex returns the index of the token that contains byte offset off,
// or -1.
func tokenIndex(toks []tokenize.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].Start <= off {
		return lo
	}
	return -1
}
