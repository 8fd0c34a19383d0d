package entities

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/tokenize"
)

// titles are words that precede a name without being part of it
// (Presiden Joko Widodo → PER Joko Widodo), as the training corpora
// annotate them: data/titles.txt.
var titles = readNames(titlesFile, nil).names

//go:embed data/titles.txt
var titlesFile string

// edgeStop are words a mention never starts or ends with: the model
// sometimes swallows the relative pronoun after a name (Haftar yang) or a
// preposition before it. The personal pronouns are among them, so that
// none is a mention on its own (a capitalised Anda, Beliau or Kami): of
// their 3,753 occurrences in the NER corpora none begins or ends a PER,
// ORG or LOC mention, and 6 are inside one, song titles that NERP tags as
// organisations (TestPronounsUntagged in internal/eval/nereval).
var edgeStop = setOf("yang", "dan", "atau", "di", "ke", "dari", "pada", "untuk", "dengan", "oleh", "itu", "ini",
	"tersebut", "juga", "adalah", "ialah", "bahwa", "kata", "ujar", "sebagai", "dalam", "serta", "para", "sang", "si",
	"saya", "aku", "kami", "kita", "anda", "kamu", "engkau", "kau", "dia", "ia", "beliau", "mereka", "kalian")

// notInPlace are the classifiers that the training corpora leave out of a
// place's name when they precede it in lower case. In idner-news-2k,
// NER-UI, NER-UGM, NERGRIT and NERP, "negara" begins 1 mention and is left
// out of the next one 39 times, "ibukota" 0 and 20 times (go test -v -run
// TestClassifierConvention ./internal/eval/nereval). The corpora keep
// "kota", "kabupaten", "pulau" and "provinsi" more often than not, and
// leave out "wilayah" and "kawasan" but not always: stripping them costs a
// correct mention on idner-news-2k.dev (wilayah Gaza, kawasan Pantura), so
// for those the model decides.
var notInPlace = setOf("negara", "ibukota")

// postprocess adjusts the model's spans to the shapes of news text: it
// removes titles before names and function words at the edges, joins an
// abbreviation in brackets to the name before it (Tentara Nasional Libya
// (LNA)), and drops spans left with unbalanced brackets or without a
// letter.
func (r *Recognizer) postprocess(text string, toks []tokenize.Token, s *scratch, spans []TokenSpan) []TokenSpan {
	info := s.info
	mixed := s.mode == modeMixed
	out := spans[:0]
	for k := 0; k < len(spans); k++ {
		sp := spans[k]
		// Function words and punctuation at the edges.
		for sp.Start < sp.End && (edgeStop[info[sp.Start].low] || isPunctOnly(toks[sp.Start].Text) && toks[sp.Start].Text != "(") {
			sp.Start++
		}
		for sp.End > sp.Start && (edgeStop[info[sp.End-1].low] || isPunctOnly(toks[sp.End-1].Text) && toks[sp.End-1].Text != ")") {
			sp.End--
		}
		// A lower-case negara or ibukota before a place is not part of its
		// name (di negara Libya → Libya), as the corpora annotate it.
		if sp.Label == LOC && sp.End-sp.Start > 1 && notInPlace[info[sp.Start].low] && !startsUpper(toks[sp.Start].Text) {
			sp.Start++
		}
		// In text with capitals, a person's name starts with one (medi Rusia
		// → Rusia), particles aside (bin, van der, al-). A name without any
		// capital is dropped.
		if mixed {
			for sp.Label == PER && sp.Start < sp.End && !startsUpper(toks[sp.Start].Text) && !particles[info[sp.Start].low] &&
				!isBracketed(toks[sp.Start].Text) && toks[sp.Start].Text != "(" && !strings.HasPrefix(info[sp.Start].low, "al-") {
				sp.Start++
			}
			if sp.Start < sp.End && !anyUpper(toks[sp.Start:sp.End]) {
				continue
			}
		}
		// Titles before a person's name; a title alone is no name (Kabid
		// Humas …: the corpora tag 6 of their 4,245 titles PER alone).
		if sp.Label == PER {
			for sp.End-sp.Start > 1 && titles[info[sp.Start].low] {
				sp.Start++
				if sp.End-sp.Start > 1 && toks[sp.Start].Text == "." {
					sp.Start++
				}
			}
			if sp.End-sp.Start == 1 && titles[info[sp.Start].low] {
				continue
			}
		}
		// Particles inside a person's name: Osama bin Laden, Robin van
		// Persie, Bashar al-Assad.
		if sp.Label == PER && mixed {
			for e := sp.End; e < len(toks); e = sp.End {
				k := e
				for k < len(toks) && particles[info[k].low] && k-e < 2 {
					k++
				}
				switch {
				case k > e && k < len(toks) && startsUpper(toks[k].Text):
					sp.End = k + 1
				case strings.HasPrefix(info[e].low, "al-") && len(info[e].low) > 3:
					sp.End = e + 1
				}
				if sp.End == e {
					break
				}
			}
			for k+1 < len(spans) && spans[k+1].Start < sp.End {
				k++
			}
		}
		// An abbreviation in brackets right after the name: "( LNA )".
		if sp.Label == ORG || sp.Label == LOC {
			if e := bracketAbbrev(toks, sp.End); e > 0 {
				sp.End = e
				if k+1 < len(spans) && spans[k+1].Start < e {
					// the model labelled the abbreviation on its own
					for k+1 < len(spans) && spans[k+1].Start < e {
						k++
					}
				}
			}
		}
		if sp.Start >= sp.End || !balanced(toks[sp.Start:sp.End]) || !hasLetter(toks[sp.Start:sp.End]) {
			continue
		}
		// A person named exactly like a place of the gazetteer or of
		// data/placenames.txt is the place (Korut mengancam …).
		if sp.Label == PER && (isGazPlace(info, sp) || placeNames.has(info, sp)) {
			sp.Label = LOC
		}
		// An organisation named exactly like a country or province (a
		// place of the gazetteer that data/cities.txt does not list) or a
		// place of data/placenames.txt is that place (Indonesia kalah dari
		// Myanmar): the corpora label 36 of their 3,676 such mentions ORG
		// and 3,609 LOC. A club named after its city (Madrid, Roma) stays
		// an organisation.
		if sp.Label == ORG && (isGazPlace(info, sp) && !cityNames.has(info, sp) || placeNames.has(info, sp)) {
			sp.Label = LOC
		}
		// A person named exactly like an organisation of the training
		// corpora, which never call it a person, is that organisation
		// (Microsoft, Juventus).
		if sp.Label == PER && orgNames.has(info, sp) {
			sp.Label = ORG
		}
		out = append(out, sp)
	}
	return out
}

// nameSet is a set of lower-cased names of one or more words, matched
// against whole mentions.
type nameSet struct {
	names map[string]bool
	first map[string]bool // the first words of the names of more than one word
	most  int             // the most words of a name
}

// readNames reads a list of names, one per line, '#' starting a comment
// line; a tab ends the name (what follows is given to more, when not nil).
func readNames(list string, more func(name, rest string)) *nameSet {
	ns := &nameSet{names: map[string]bool{}, first: map[string]bool{}}
	for _, l := range strings.Split(list, "\n") {
		if l = strings.TrimSpace(l); l == "" || l[0] == '#' {
			continue
		}
		name, rest, _ := strings.Cut(strings.ToLower(l), "\t")
		ns.names[name] = true
		words := strings.Fields(name)
		if len(words) > 1 {
			ns.first[words[0]] = true
		}
		ns.most = max(ns.most, len(words))
		if more != nil && rest != "" {
			more(name, rest)
		}
	}
	return ns
}

// has reports whether the tokens of sp are exactly a name of ns.
func (ns *nameSet) has(info []tokInfo, sp TokenSpan) bool {
	switch n := sp.End - sp.Start; {
	case n == 1:
		return ns.names[info[sp.Start].low]
	case n > 1 && n <= ns.most && ns.first[info[sp.Start].low]:
		name := info[sp.Start].low
		for i := sp.Start + 1; i < sp.End; i++ {
			name += " " + info[i].low
		}
		return ns.names[name]
	}
	return false
}

// placeNames are the place names of data/placenames.txt (Korut, Jabar,
// Inggris, Tepi Barat), and placeShort the short forms of each full name
// given there (korea utara → korut).
var placeNames, placeShort = func() (*nameSet, map[string][]string) {
	short := map[string][]string{}
	ns := readNames(placeNamesFile, func(name, full string) { short[full] = append(short[full], name) })
	return ns, short
}()

//go:embed data/placenames.txt
var placeNamesFile string

// cityNames are the capitals and large cities of the gazetteer
// (data/cities.txt, which its generator reads too).
var cityNames = readNames(citiesFile, nil)

//go:embed data/cities.txt
var citiesFile string

// orgNames are the organisation names of data/orgnames.txt (Microsoft,
// Juventus), generated from the training corpora.
var orgNames = readNames(orgNamesFile, nil)

//go:embed data/orgnames.txt
var orgNamesFile string

// isGazPlace reports whether the tokens of sp are exactly one match of the
// feature gazetteer's places (markGazetteer).
func isGazPlace(info []tokInfo, sp TokenSpan) bool {
	g := info[sp.Start].gaz[LOC]
	if sp.End-sp.Start == 1 {
		return g == 'U'
	}
	if g != 'B' {
		return false
	}
	for i := sp.Start + 1; i < sp.End; i++ {
		if info[i].gaz[LOC] != 'I' {
			return false
		}
	}
	return sp.End == len(info) || info[sp.End].gaz[LOC] != 'I'
}

// bracketAbbrev returns the end of "( ABBR )" starting at token i, either
// as three tokens or as one "(ABBR)" token, or -1.
func bracketAbbrev(toks []tokenize.Token, i int) int {
	if i < len(toks) && isBracketed(toks[i].Text) && isAbbrev(toks[i].Text[1:len(toks[i].Text)-1]) {
		return i + 1
	}
	if i+2 < len(toks) && toks[i].Text == "(" && toks[i+2].Text == ")" && isAbbrev(toks[i+1].Text) &&
		toks[i+1].Start == toks[i].End && toks[i+2].Start == toks[i+1].End {
		return i + 3
	}
	return -1
}

func isBracketed(s string) bool { return len(s) > 2 && s[0] == '(' && s[len(s)-1] == ')' }

// isAbbrev reports whether s looks like an abbreviation: 2–10 letters,
// mostly upper case (LNA, PBB, Kemensos is not; KemenPAN is).
func isAbbrev(s string) bool {
	n, up := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '&':
		default:
			return false
		}
		n++
	}
	return n >= 2 && n <= 12 && up >= 2
}

func isPunctOnly(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func hasLetter(toks []tokenize.Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// balanced reports whether the brackets and quotes in the tokens pair up.
func balanced(toks []tokenize.Token) bool {
	depth := 0
	for _, t := range toks {
		for i := 0; i < len(t.Text); {
			r, n := utf8.DecodeRuneInString(t.Text[i:])
			i += n
			switch r {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
				if depth < 0 {
					return false
				}
			case '"', '“', '”':
				return false
			}
		}
	}
	return depth == 0
}

// particles may start a name in lower case: bin Laden, van der Sar, al-Assad.
var particles = setOf("bin", "binti", "van", "der", "den", "de", "von", "el", "al", "ibn", "dos", "del")

func anyUpper(toks []tokenize.Token) bool {
	for _, t := range toks {
		if strings.IndexFunc(t.Text, unicode.IsUpper) >= 0 {
			return true
		}
	}
	return false
}
