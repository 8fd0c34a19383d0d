package stem

// This file holds the prefix disambiguation rules of Enhanced Confix
// Stripping as Sastrawi implements them, numbered as in Sastrawi (which
// follows Nazief & Adriani 1996, Asian et al. 2007 and Arifin et al. 2009;
// Sastrawi has no rule 22). Each rule looks at the start of a word and, when
// it applies, proposes a root written as pre + w[from:]: the prefix is cut
// and, for the recoding rules, a letter is restored (memukul → m|ukul or
// p|ukul).

// Rule identifiers, for the switch in apply.
const (
	_ uint8 = iota
	id1a
	id1b
	id2
	id3
	id4
	id5
	id6a
	id6b
	id7
	id8
	id9
	id10
	id11
	id12
	id13a
	id13b
	id14
	id15a
	id15b
	id16
	id17a
	id17b
	id17c
	id17d
	id18a
	id18b
	id19
	id20
	id21a
	id21b
	id23
	id24
	id25
	id26a
	id26b
	id27
	id28a
	id28b
	id29
	id30a
	id30b
	id30c
	id31a
	id31b
	id32
	id33
	id34
	id35
	id36
	id41
	id42
	idPlainDi
	idPlainKe
	idPlainSe
)

// rule is one disambiguation rule: it reports whether it applies to w and,
// if so, the proposed root pre + w[from:].
type rule struct {
	name  string
	id    uint8
	infix string // rules 37–40: the infix
	drop  bool   // rules 37b–40b: remove the infix
}

// visitor is one step of the prefix chain: either the plain prefixes
// di-, ke-, se- or a group of alternative rules tried in order.
type visitor struct {
	name  string
	plain bool
	rules []rule
	first string // the first letters a word must start with ("" = any consonant)
}

const letters = "abcdefghijklmnopqrstuvwxyz"

// one returns the one-letter string for lower-case letter c.
func one(c byte) string { return letters[c-'a' : c-'a'+1] }

func isVowel(c byte) bool {
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

func isCons(c byte) bool { return isLetter(c) && !isVowel(c) }

// isRWYLMN reports the consonants that rules 33, 34 and 36 exclude.
func isRWYLMN(c byte) bool {
	return c == 'r' || c == 'w' || c == 'y' || c == 'l' || c == 'm' || c == 'n'
}

func hasPrefix(w []byte, p string) bool {
	return len(w) >= len(p) && string(w[:len(p)]) == p
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// at returns w[i], or 0 past the end.
func at(w []byte, i int) byte {
	if i < len(w) {
		return w[i]
	}
	return 0
}

// eq reports whether w[i:] starts with s.
func eqAt(w []byte, i int, s string) bool {
	return i <= len(w) && hasPrefix(w[i:], s)
}

var (
	// Rule 1a: berV → ber-V.
	rule1a = rule{name: "1a", id: id1a}
	// Rule 1b: berV → be-rV.
	rule1b = rule{name: "1b", id: id1b}
	// Rule 2: berCAP → ber-CAP where C != 'r' and P != 'er…'.
	rule2 = rule{name: "2", id: id2}
	// Rule 3: berCAerV → ber-CAerV where C != 'r'.
	rule3 = rule{name: "3", id: id3}
	// Rule 4: belajar → bel-ajar.
	rule4 = rule{name: "4", id: id4}
	// Rule 5: beC1erC2 → be-C1erC2 where C1 != 'r'.
	rule5 = rule{name: "5", id: id5}
	// Rule 6a: terV → ter-V.
	rule6a = rule{name: "6a", id: id6a}
	// Rule 6b: terV → te-rV.
	rule6b = rule{name: "6b", id: id6b}
	// Rule 7: terCerV → ter-CerV where C != 'r'.
	rule7 = rule{name: "7", id: id7}
	// Rule 8: terCP → ter-CP where C != 'r' and P != 'er…'.
	rule8 = rule{name: "8", id: id8}
	// Rule 9: teC1erC2 → te-C1erC2 where C1 != 'r'.
	rule9 = rule{name: "9", id: id9}
	// Rule 10: me{l,r,w,y}V → me-{l,r,w,y}V.
	rule10 = rule{name: "10", id: id10}
	// Rule 11: mem{b,f,v} → mem-{b,f,v}.
	rule11 = rule{name: "11", id: id11}
	// Rule 12: mempe → mem-pe (Asian et al.'s change, for mempengaruhi).
	rule12 = rule{name: "12", id: id12}
	// Rule 13a: memV → me-mV.
	rule13a = rule{name: "13a", id: id13a}
	// Rule 13b: memV → me-pV.
	rule13b = rule{name: "13b", id: id13b}
	// Rule 14: men{c,d,j,s,t,z} → men-{c,d,j,s,t,z}.
	rule14 = rule{name: "14", id: id14}
	// Rule 15a: menV → me-nV.
	rule15a = rule{name: "15a", id: id15a}
	// Rule 15b: menV → me-tV.
	rule15b = rule{name: "15b", id: id15b}
	// Rule 16: meng{g,h,q,k} → meng-{g,h,q,k}.
	rule16 = rule{name: "16", id: id16}
	// Rule 17a: mengV → meng-V.
	rule17a = rule{name: "17a", id: id17a}
	// Rule 17b: mengV → meng-kV.
	rule17b = rule{name: "17b", id: id17b}
	// Rule 17c: mengeC → menge-C (mengebom → bom).
	rule17c = rule{name: "17c", id: id17c}
	// Rule 17d: mengV → me-ngV (menganga → nganga).
	rule17d = rule{name: "17d", id: id17d}
	// Rule 18a: menyV → me-nyV (menyala → nyala).
	rule18a = rule{name: "18a", id: id18a}
	// Rule 18b: menyV → meny-sV.
	rule18b = rule{name: "18b", id: id18b}
	// Rule 19: mempV → mem-pV where V != 'e'.
	rule19 = rule{name: "19", id: id19}
	// Rule 20: pe{w,y}V → pe-{w,y}V.
	rule20 = rule{name: "20", id: id20}
	// Rule 21a: perV → per-V.
	rule21a = rule{name: "21a", id: id21a}
	// Rule 21b: perV → pe-rV.
	rule21b = rule{name: "21b", id: id21b}
	// Rule 23: perCAP → per-CAP where C != 'r' and P != 'er…'.
	rule23 = rule{name: "23", id: id23}
	// Rule 24: perCAerV → per-CAerV where C != 'r'.
	rule24 = rule{name: "24", id: id24}
	// Rule 25: pem{b,f,v} → pem-{b,f,v}.
	rule25 = rule{name: "25", id: id25}
	// Rule 26a: pemV → pe-mV.
	rule26a = rule{name: "26a", id: id26a}
	// Rule 26b: pemV → pe-pV.
	rule26b = rule{name: "26b", id: id26b}
	// Rule 27: pen{c,d,j,s,t,z} → pen-{c,d,j,s,t,z}.
	rule27 = rule{name: "27", id: id27}
	// Rule 28a: penV → pe-nV.
	rule28a = rule{name: "28a", id: id28a}
	// Rule 28b: penV → pe-tV.
	rule28b = rule{name: "28b", id: id28b}
	// Rule 29: pengC → peng-C.
	rule29 = rule{name: "29", id: id29}
	// Rule 30a: pengV → peng-V.
	rule30a = rule{name: "30a", id: id30a}
	// Rule 30b: pengV → peng-kV.
	rule30b = rule{name: "30b", id: id30b}
	// Rule 30c: pengeC → penge-C (pengebom → bom).
	rule30c = rule{name: "30c", id: id30c}
	// Rule 31a: penyV → pe-nyV (penyanyi → nyanyi).
	rule31a = rule{name: "31a", id: id31a}
	// Rule 31b: penyV → peny-sV.
	rule31b = rule{name: "31b", id: id31b}
	// Rule 32: pelV → pe-lV, except pelajar → ajar.
	rule32 = rule{name: "32", id: id32}
	// Rule 33: peCerV → pe-CerV where C != {r,w,y,l,m,n}.
	rule33 = rule{name: "33", id: id33}
	// Rule 34: peCP → pe-CP where C != {r,w,y,l,m,n} and P != 'er…'.
	rule34 = rule{name: "34", id: id34}
	// Rule 35: terC1erC2 → ter-C1erC2 where C1 != 'r'.
	rule35 = rule{name: "35", id: id35}
	// Rule 36: peC1erC2 → pe-C1erC2 where C1 != {r,w,y,l,m,n}.
	rule36 = rule{name: "36", id: id36}
	// Rules 37–40 (Arifin et al.'s infixes): C{er,el,em,in}V → C{er,el,em,in}V | CV.
	rule37a = infixKeep("37a", "er")
	rule37b = infixDrop("37b", "er")
	rule38a = infixKeep("38a", "el")
	rule38b = infixDrop("38b", "el")
	rule39a = infixKeep("39a", "em")
	rule39b = infixDrop("39b", "em")
	rule40a = infixKeep("40a", "in")
	rule40b = infixDrop("40b", "in")
	// Rule 41: kuA → ku-A.
	rule41 = rule{name: "41", id: id41}
	// Rule 42: kauA → kau-A.
	rule42 = rule{name: "42", id: id42}
)

func infixMatch(w []byte, in string) bool {
	return isCons(at(w, 0)) && eqAt(w, 1, in) && isVowel(at(w, 3))
}

// infixKeep is rule Na: CinfixV → CinfixV (the word itself, when it is a root).
func infixKeep(name, in string) rule { return rule{name: name, infix: in} }

// infixDrop is rule Nb: CinfixV → CV.
func infixDrop(name, in string) rule { return rule{name: name, infix: in, drop: true} }

// apply reports whether r applies to w and, if so, the proposed root
// pre + w[from:]. It is a switch rather than a function value so that w
// does not escape and stemming does not allocate.
func (r rule) apply(w []byte) (pre string, from int, ok bool) {
	if r.infix != "" {
		if !infixMatch(w, r.infix) {
			return "", 0, false
		}
		if r.drop {
			return one(w[0]), 3, true
		}
		return "", 0, true
	}
	switch r.id {
	case id1a:
		return "", 3, hasPrefix(w, "ber") && isVowel(at(w, 3))
	case id1b:
		return "r", 3, hasPrefix(w, "ber") && isVowel(at(w, 3))
	case id2:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ber") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && !eqAt(w, 5, "er")
	case id3:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ber") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && eqAt(w, 5, "er") && isVowel(at(w, 7))
	case id4:
		return "", 3, string(w) == "belajar"
	case id5:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "be") && isCons(c) && c != 'r' && eqAt(w, 3, "er") && isCons(at(w, 5))
	case id6a:
		return "", 3, hasPrefix(w, "ter") && isVowel(at(w, 3))
	case id6b:
		return "r", 3, hasPrefix(w, "ter") && isVowel(at(w, 3))
	case id7:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && eqAt(w, 4, "er") && isVowel(at(w, 6))
	case id8:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && !eqAt(w, 4, "er")
	case id9:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "te") && isCons(c) && c != 'r' && eqAt(w, 3, "er") && isCons(at(w, 5))
	case id10:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "me") && (c == 'l' || c == 'r' || c == 'w' || c == 'y') && isVowel(at(w, 3))
	case id11:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "mem") && (c == 'b' || c == 'f' || c == 'v')
	case id12:
		return "", 3, hasPrefix(w, "mempe")
	case id13a:
		return "m", 3, hasPrefix(w, "mem") && isVowel(at(w, 3))
	case id13b:
		return "p", 3, hasPrefix(w, "mem") && isVowel(at(w, 3))
	case id14:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "men") && (c == 'c' || c == 'd' || c == 'j' || c == 's' || c == 't' || c == 'z')
	case id15a:
		return "n", 3, hasPrefix(w, "men") && isVowel(at(w, 3))
	case id15b:
		return "t", 3, hasPrefix(w, "men") && isVowel(at(w, 3))
	case id16:
		c := at(w, 4)
		return "", 4, hasPrefix(w, "meng") && (c == 'g' || c == 'h' || c == 'q' || c == 'k')
	case id17a:
		return "", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	case id17b:
		return "k", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	case id17c:
		return "", 5, hasPrefix(w, "menge")
	case id17d:
		return "ng", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	case id18a:
		return "ny", 4, hasPrefix(w, "meny") && isVowel(at(w, 4))
	case id18b:
		return "s", 4, hasPrefix(w, "meny") && isVowel(at(w, 4))
	case id19:
		c := at(w, 4)
		return "", 3, hasPrefix(w, "memp") && isLetter(c) && c != 'e' && c != 'n'
	case id20:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && (c == 'w' || c == 'y') && isVowel(at(w, 3))
	case id21a:
		return "", 3, hasPrefix(w, "per") && isVowel(at(w, 3))
	case id21b:
		return "r", 3, hasPrefix(w, "per") && isVowel(at(w, 3))
	case id23:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "per") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && !eqAt(w, 5, "er")
	case id24:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "per") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && eqAt(w, 5, "er") && isVowel(at(w, 7))
	case id25:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "pem") && (c == 'b' || c == 'f' || c == 'v')
	case id26a:
		return "m", 3, hasPrefix(w, "pem") && isVowel(at(w, 3))
	case id26b:
		return "p", 3, hasPrefix(w, "pem") && isVowel(at(w, 3))
	case id27:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "pen") && (c == 'c' || c == 'd' || c == 'j' || c == 's' || c == 't' || c == 'z')
	case id28a:
		return "n", 3, hasPrefix(w, "pen") && isVowel(at(w, 3))
	case id28b:
		return "t", 3, hasPrefix(w, "pen") && isVowel(at(w, 3))
	case id29:
		return "", 4, hasPrefix(w, "peng") && isCons(at(w, 4))
	case id30a:
		return "", 4, hasPrefix(w, "peng") && isVowel(at(w, 4))
	case id30b:
		return "k", 4, hasPrefix(w, "peng") && isVowel(at(w, 4))
	case id30c:
		return "", 5, hasPrefix(w, "penge")
	case id31a:
		return "ny", 4, hasPrefix(w, "peny") && isVowel(at(w, 4))
	case id31b:
		return "s", 4, hasPrefix(w, "peny") && isVowel(at(w, 4))
	case id32:
		if string(w) == "pelajar" {
			return "", 3, true
		}
		return "", 2, hasPrefix(w, "pel") && isVowel(at(w, 3))
	case id33:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && eqAt(w, 3, "er") && isVowel(at(w, 5))
	case id34:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && !eqAt(w, 3, "er")
	case id35:
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && eqAt(w, 4, "er") && isCons(at(w, 6))
	case id36:
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && eqAt(w, 3, "er") && isCons(at(w, 5))
	case id41:
		return "", 2, hasPrefix(w, "ku")
	case id42:
		return "", 3, hasPrefix(w, "kau")
	case idPlainDi:
		return "", 2, hasPrefix(w, "di")
	case idPlainKe:
		return "", 2, hasPrefix(w, "ke")
	case idPlainSe:
		return "", 2, hasPrefix(w, "se")
	}
	return "", 0, false
}

// prefixChain is Sastrawi's prefix visitor chain, in its order.
var prefixChain = []visitor{
	{name: "plain", plain: true, first: "dks"},
	{name: "1", rules: []rule{rule1a, rule1b}, first: "b"},
	{name: "2", rules: []rule{rule2}, first: "b"},
	{name: "3", rules: []rule{rule3}, first: "b"},
	{name: "4", rules: []rule{rule4}, first: "b"},
	{name: "5", rules: []rule{rule5}, first: "b"},
	{name: "6", rules: []rule{rule6a, rule6b}, first: "t"},
	{name: "7", rules: []rule{rule7}, first: "t"},
	{name: "8", rules: []rule{rule8}, first: "t"},
	{name: "9", rules: []rule{rule9}, first: "t"},
	{name: "10", rules: []rule{rule10}, first: "m"},
	{name: "11", rules: []rule{rule11}, first: "m"},
	{name: "12", rules: []rule{rule12}, first: "m"},
	{name: "13", rules: []rule{rule13a, rule13b}, first: "m"},
	{name: "14", rules: []rule{rule14}, first: "m"},
	{name: "15", rules: []rule{rule15a, rule15b}, first: "m"},
	{name: "16", rules: []rule{rule16}, first: "m"},
	{name: "17", rules: []rule{rule17a, rule17b, rule17c, rule17d}, first: "m"},
	{name: "18", rules: []rule{rule18a, rule18b}, first: "m"},
	{name: "19", rules: []rule{rule19}, first: "m"},
	{name: "20", rules: []rule{rule20}, first: "p"},
	{name: "21", rules: []rule{rule21a, rule21b}, first: "p"},
	{name: "23", rules: []rule{rule23}, first: "p"},
	{name: "24", rules: []rule{rule24}, first: "p"},
	{name: "25", rules: []rule{rule25}, first: "p"},
	{name: "26", rules: []rule{rule26a, rule26b}, first: "p"},
	{name: "27", rules: []rule{rule27}, first: "p"},
	{name: "28", rules: []rule{rule28a, rule28b}, first: "p"},
	{name: "29", rules: []rule{rule29}, first: "p"},
	{name: "30", rules: []rule{rule30a, rule30b, rule30c}, first: "p"},
	{name: "31", rules: []rule{rule31a, rule31b}, first: "p"},
	{name: "32", rules: []rule{rule32}, first: "p"},
	{name: "33", rules: []rule{rule33}, first: "p"},
	{name: "34", rules: []rule{rule34}, first: "p"},
	{name: "35", rules: []rule{rule35}, first: "t"},
	{name: "36", rules: []rule{rule36}, first: "p"},
	{name: "37", rules: []rule{rule37a, rule37b}},
	{name: "38", rules: []rule{rule38a, rule38b}},
	{name: "39", rules: []rule{rule39a, rule39b}},
	{name: "40", rules: []rule{rule40a, rule40b}},
	{name: "41", rules: []rule{rule41}, first: "k"},
	{name: "42", rules: []rule{rule42}, first: "k"},
}

// chainFor[c] lists, in chain order, the visitors that can apply to a word
// starting with letter c.
var chainFor = func() (t [26][]*visitor) {
	for c := byte('a'); c <= 'z'; c++ {
		for i := range prefixChain {
			v := &prefixChain[i]
			ok := false
			if v.first == "" {
				ok = isCons(c)
			} else {
				for j := 0; j < len(v.first); j++ {
					ok = ok || v.first[j] == c
				}
			}
			if ok {
				t[c-'a'] = append(t[c-'a'], v)
			}
		}
	}
	return t
}()
