package stem

// This file holds the prefix disambiguation rules of Enhanced Confix
// Stripping as Sastrawi implements them, numbered as in Sastrawi (which
// follows Nazief & Adriani 1996, Asian et al. 2007 and Arifin et al. 2009;
// Sastrawi has no rule 22). Each rule looks at the start of a word and, when
// it applies, proposes a root written as pre + w[from:]: the prefix is cut
// and, for the recoding rules, a letter is restored (memukul → m|ukul or
// p|ukul).

// rule is one disambiguation rule: it reports whether it applies to w and,
// if so, the proposed root pre + w[from:].
type rule struct {
	name string
	fn   func(w []byte) (pre string, from int, ok bool)
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
	rule1a = rule{"1a", func(w []byte) (string, int, bool) {
		return "", 3, hasPrefix(w, "ber") && isVowel(at(w, 3))
	}}
	// Rule 1b: berV → be-rV.
	rule1b = rule{"1b", func(w []byte) (string, int, bool) {
		return "r", 3, hasPrefix(w, "ber") && isVowel(at(w, 3))
	}}
	// Rule 2: berCAP → ber-CAP where C != 'r' and P != 'er…'.
	rule2 = rule{"2", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ber") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && !eqAt(w, 5, "er")
	}}
	// Rule 3: berCAerV → ber-CAerV where C != 'r'.
	rule3 = rule{"3", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ber") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && eqAt(w, 5, "er") && isVowel(at(w, 7))
	}}
	// Rule 4: belajar → bel-ajar.
	rule4 = rule{"4", func(w []byte) (string, int, bool) {
		return "", 3, string(w) == "belajar"
	}}
	// Rule 5: beC1erC2 → be-C1erC2 where C1 != 'r'.
	rule5 = rule{"5", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "be") && isCons(c) && c != 'r' && eqAt(w, 3, "er") && isCons(at(w, 5))
	}}
	// Rule 6a: terV → ter-V.
	rule6a = rule{"6a", func(w []byte) (string, int, bool) {
		return "", 3, hasPrefix(w, "ter") && isVowel(at(w, 3))
	}}
	// Rule 6b: terV → te-rV.
	rule6b = rule{"6b", func(w []byte) (string, int, bool) {
		return "r", 3, hasPrefix(w, "ter") && isVowel(at(w, 3))
	}}
	// Rule 7: terCerV → ter-CerV where C != 'r'.
	rule7 = rule{"7", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && eqAt(w, 4, "er") && isVowel(at(w, 6))
	}}
	// Rule 8: terCP → ter-CP where C != 'r' and P != 'er…'.
	rule8 = rule{"8", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && !eqAt(w, 4, "er")
	}}
	// Rule 9: teC1erC2 → te-C1erC2 where C1 != 'r'.
	rule9 = rule{"9", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "te") && isCons(c) && c != 'r' && eqAt(w, 3, "er") && isCons(at(w, 5))
	}}
	// Rule 10: me{l,r,w,y}V → me-{l,r,w,y}V.
	rule10 = rule{"10", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "me") && (c == 'l' || c == 'r' || c == 'w' || c == 'y') && isVowel(at(w, 3))
	}}
	// Rule 11: mem{b,f,v} → mem-{b,f,v}.
	rule11 = rule{"11", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "mem") && (c == 'b' || c == 'f' || c == 'v')
	}}
	// Rule 12: mempe → mem-pe (Asian et al.'s change, for mempengaruhi).
	rule12 = rule{"12", func(w []byte) (string, int, bool) {
		return "", 3, hasPrefix(w, "mempe")
	}}
	// Rule 13a: memV → me-mV.
	rule13a = rule{"13a", func(w []byte) (string, int, bool) {
		return "m", 3, hasPrefix(w, "mem") && isVowel(at(w, 3))
	}}
	// Rule 13b: memV → me-pV.
	rule13b = rule{"13b", func(w []byte) (string, int, bool) {
		return "p", 3, hasPrefix(w, "mem") && isVowel(at(w, 3))
	}}
	// Rule 14: men{c,d,j,s,t,z} → men-{c,d,j,s,t,z}.
	rule14 = rule{"14", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "men") && (c == 'c' || c == 'd' || c == 'j' || c == 's' || c == 't' || c == 'z')
	}}
	// Rule 15a: menV → me-nV.
	rule15a = rule{"15a", func(w []byte) (string, int, bool) {
		return "n", 3, hasPrefix(w, "men") && isVowel(at(w, 3))
	}}
	// Rule 15b: menV → me-tV.
	rule15b = rule{"15b", func(w []byte) (string, int, bool) {
		return "t", 3, hasPrefix(w, "men") && isVowel(at(w, 3))
	}}
	// Rule 16: meng{g,h,q,k} → meng-{g,h,q,k}.
	rule16 = rule{"16", func(w []byte) (string, int, bool) {
		c := at(w, 4)
		return "", 4, hasPrefix(w, "meng") && (c == 'g' || c == 'h' || c == 'q' || c == 'k')
	}}
	// Rule 17a: mengV → meng-V.
	rule17a = rule{"17a", func(w []byte) (string, int, bool) {
		return "", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	}}
	// Rule 17b: mengV → meng-kV.
	rule17b = rule{"17b", func(w []byte) (string, int, bool) {
		return "k", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	}}
	// Rule 17c: mengeC → menge-C (mengebom → bom).
	rule17c = rule{"17c", func(w []byte) (string, int, bool) {
		return "", 5, hasPrefix(w, "menge")
	}}
	// Rule 17d: mengV → me-ngV (menganga → nganga).
	rule17d = rule{"17d", func(w []byte) (string, int, bool) {
		return "ng", 4, hasPrefix(w, "meng") && isVowel(at(w, 4))
	}}
	// Rule 18a: menyV → me-nyV (menyala → nyala).
	rule18a = rule{"18a", func(w []byte) (string, int, bool) {
		return "ny", 4, hasPrefix(w, "meny") && isVowel(at(w, 4))
	}}
	// Rule 18b: menyV → meny-sV.
	rule18b = rule{"18b", func(w []byte) (string, int, bool) {
		return "s", 4, hasPrefix(w, "meny") && isVowel(at(w, 4))
	}}
	// Rule 19: mempV → mem-pV where V != 'e'.
	rule19 = rule{"19", func(w []byte) (string, int, bool) {
		c := at(w, 4)
		return "", 3, hasPrefix(w, "memp") && isLetter(c) && c != 'e' && c != 'n'
	}}
	// Rule 20: pe{w,y}V → pe-{w,y}V.
	rule20 = rule{"20", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && (c == 'w' || c == 'y') && isVowel(at(w, 3))
	}}
	// Rule 21a: perV → per-V.
	rule21a = rule{"21a", func(w []byte) (string, int, bool) {
		return "", 3, hasPrefix(w, "per") && isVowel(at(w, 3))
	}}
	// Rule 21b: perV → pe-rV.
	rule21b = rule{"21b", func(w []byte) (string, int, bool) {
		return "r", 3, hasPrefix(w, "per") && isVowel(at(w, 3))
	}}
	// Rule 23: perCAP → per-CAP where C != 'r' and P != 'er…'.
	rule23 = rule{"23", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "per") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && !eqAt(w, 5, "er")
	}}
	// Rule 24: perCAerV → per-CAerV where C != 'r'.
	rule24 = rule{"24", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "per") && isCons(c) && c != 'r' && isLetter(at(w, 4)) && eqAt(w, 5, "er") && isVowel(at(w, 7))
	}}
	// Rule 25: pem{b,f,v} → pem-{b,f,v}.
	rule25 = rule{"25", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "pem") && (c == 'b' || c == 'f' || c == 'v')
	}}
	// Rule 26a: pemV → pe-mV.
	rule26a = rule{"26a", func(w []byte) (string, int, bool) {
		return "m", 3, hasPrefix(w, "pem") && isVowel(at(w, 3))
	}}
	// Rule 26b: pemV → pe-pV.
	rule26b = rule{"26b", func(w []byte) (string, int, bool) {
		return "p", 3, hasPrefix(w, "pem") && isVowel(at(w, 3))
	}}
	// Rule 27: pen{c,d,j,s,t,z} → pen-{c,d,j,s,t,z}.
	rule27 = rule{"27", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "pen") && (c == 'c' || c == 'd' || c == 'j' || c == 's' || c == 't' || c == 'z')
	}}
	// Rule 28a: penV → pe-nV.
	rule28a = rule{"28a", func(w []byte) (string, int, bool) {
		return "n", 3, hasPrefix(w, "pen") && isVowel(at(w, 3))
	}}
	// Rule 28b: penV → pe-tV.
	rule28b = rule{"28b", func(w []byte) (string, int, bool) {
		return "t", 3, hasPrefix(w, "pen") && isVowel(at(w, 3))
	}}
	// Rule 29: pengC → peng-C.
	rule29 = rule{"29", func(w []byte) (string, int, bool) {
		return "", 4, hasPrefix(w, "peng") && isCons(at(w, 4))
	}}
	// Rule 30a: pengV → peng-V.
	rule30a = rule{"30a", func(w []byte) (string, int, bool) {
		return "", 4, hasPrefix(w, "peng") && isVowel(at(w, 4))
	}}
	// Rule 30b: pengV → peng-kV.
	rule30b = rule{"30b", func(w []byte) (string, int, bool) {
		return "k", 4, hasPrefix(w, "peng") && isVowel(at(w, 4))
	}}
	// Rule 30c: pengeC → penge-C (pengebom → bom).
	rule30c = rule{"30c", func(w []byte) (string, int, bool) {
		return "", 5, hasPrefix(w, "penge")
	}}
	// Rule 31a: penyV → pe-nyV (penyanyi → nyanyi).
	rule31a = rule{"31a", func(w []byte) (string, int, bool) {
		return "ny", 4, hasPrefix(w, "peny") && isVowel(at(w, 4))
	}}
	// Rule 31b: penyV → peny-sV.
	rule31b = rule{"31b", func(w []byte) (string, int, bool) {
		return "s", 4, hasPrefix(w, "peny") && isVowel(at(w, 4))
	}}
	// Rule 32: pelV → pe-lV, except pelajar → ajar.
	rule32 = rule{"32", func(w []byte) (string, int, bool) {
		if string(w) == "pelajar" {
			return "", 3, true
		}
		return "", 2, hasPrefix(w, "pel") && isVowel(at(w, 3))
	}}
	// Rule 33: peCerV → pe-CerV where C != {r,w,y,l,m,n}.
	rule33 = rule{"33", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && eqAt(w, 3, "er") && isVowel(at(w, 5))
	}}
	// Rule 34: peCP → pe-CP where C != {r,w,y,l,m,n} and P != 'er…'.
	rule34 = rule{"34", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && !eqAt(w, 3, "er")
	}}
	// Rule 35: terC1erC2 → ter-C1erC2 where C1 != 'r'.
	rule35 = rule{"35", func(w []byte) (string, int, bool) {
		c := at(w, 3)
		return "", 3, hasPrefix(w, "ter") && isCons(c) && c != 'r' && eqAt(w, 4, "er") && isCons(at(w, 6))
	}}
	// Rule 36: peC1erC2 → pe-C1erC2 where C1 != {r,w,y,l,m,n}.
	rule36 = rule{"36", func(w []byte) (string, int, bool) {
		c := at(w, 2)
		return "", 2, hasPrefix(w, "pe") && isCons(c) && !isRWYLMN(c) && eqAt(w, 3, "er") && isCons(at(w, 5))
	}}
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
	rule41 = rule{"41", func(w []byte) (string, int, bool) {
		return "", 2, hasPrefix(w, "ku")
	}}
	// Rule 42: kauA → kau-A.
	rule42 = rule{"42", func(w []byte) (string, int, bool) {
		return "", 3, hasPrefix(w, "kau")
	}}
)

func infixMatch(w []byte, in string) bool {
	return isCons(at(w, 0)) && eqAt(w, 1, in) && isVowel(at(w, 3))
}

// infixKeep is rule Na: CinfixV → CinfixV (the word itself, when it is a root).
func infixKeep(name, in string) rule {
	return rule{name, func(w []byte) (string, int, bool) { return "", 0, infixMatch(w, in) }}
}

// infixDrop is rule Nb: CinfixV → CV.
func infixDrop(name, in string) rule {
	return rule{name, func(w []byte) (string, int, bool) {
		if !infixMatch(w, in) {
			return "", 0, false
		}
		return one(w[0]), 3, true
	}}
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
