package stemeval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/kabar-id/kabar/stem"
)

// ErrNoData is returned when the data directory is missing.
var ErrNoData = errors.New("stemeval: data directory not found")

// Pair is one word with its expected stem.
type Pair struct {
	Word, Want string
	Count      int    // occurrences (UD), 1 for test pairs
	Note       string // where the pair comes from, or which dictionary it needs
}

// Miss is a pair the stemmer got wrong.
type Miss struct {
	Pair
	Got string
}

// Score counts passes over a set of pairs.
type Score struct {
	Name          string
	Pass, Total   int // types (distinct words)
	TokPass, Toks int // tokens: types weighted by their count
	Misses        []Miss
}

// Pct is the type-level accuracy in percent.
func (s Score) Pct() float64 { return pct(s.Pass, s.Total) }

// TokPct is the token-weighted accuracy in percent.
func (s Score) TokPct() float64 { return pct(s.TokPass, s.Toks) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func (s *Score) add(p Pair, got string) {
	s.Total++
	s.Toks += p.Count
	if got == p.Want {
		s.Pass++
		s.TokPass += p.Count
		return
	}
	s.Misses = append(s.Misses, Miss{p, got})
}

// Run scores st on pairs.
func Run(name string, st *stem.Stemmer, pairs []Pair) Score {
	s := Score{Name: name}
	for _, p := range pairs {
		s.add(p, st.Stem(p.Word))
	}
	return s
}

// ReadPairs reads a TSV of word, stem[, count] lines; # lines are comments.
func ReadPairs(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readPairs(f, path)
}

func readPairs(r io.Reader, name string) ([]Pair, error) {
	var out []Pair
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("stemeval: %s line %d: want word<TAB>stem", name, n)
		}
		p := Pair{Word: f[0], Want: f[1], Count: 1}
		if len(f) >= 3 {
			if c, err := strconv.Atoi(f[2]); err == nil {
				p.Count = c
			} else {
				p.Note = f[2]
			}
		}
		if len(f) >= 4 {
			p.Note = f[3]
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// Dirs are the data locations under the data directory.
type Dirs struct{ Data string }

func (d Dirs) path(p ...string) string { return filepath.Join(append([]string{d.Data}, p...)...) }

// Check reports ErrNoData when the data directory is absent.
func (d Dirs) Check() error {
	if _, err := os.Stat(d.path("sastrawi", "sastrawi_stem_pairs.tsv")); err != nil {
		return fmt.Errorf("%w: %s", ErrNoData, d.Data)
	}
	return nil
}

// SastrawiReport is the result of the Sastrawi compatibility suite.
type SastrawiReport struct {
	Pairs     Score // the 193 pairs, Sastrawi mode, each with its test dictionary
	Improved  Score // the same pairs in Improved mode with Sastrawi's dictionary
	Disabled  Score // cases commented out upstream (known Sastrawi failures), Sastrawi mode
	DisabledI Score // the same, Improved mode
	Variants  Score // pairs only the Go/Java ports test, Sastrawi mode
	VariantsI Score // the same, Improved mode
	Sentences Score // StemText cases, Sastrawi mode
}

// Sastrawi runs the compatibility suite. The 10 pairs that the annotated
// file marks as holding only with the mini dictionary use it; the others
// use kata-dasar.txt.
func Sastrawi(d Dirs) (*SastrawiReport, error) {
	full, err := newStemmer(d.path("sastrawi", "kata-dasar.txt"), stem.Sastrawi)
	if err != nil {
		return nil, err
	}
	mini, err := newStemmer(d.path("sastrawi", "functional_test_mini_dictionary.txt"), stem.Sastrawi)
	if err != nil {
		return nil, err
	}
	fullI, err := newStemmer(d.path("sastrawi", "kata-dasar.txt"), stem.Improved)
	if err != nil {
		return nil, err
	}
	miniI, err := newStemmer(d.path("sastrawi", "functional_test_mini_dictionary.txt"), stem.Improved)
	if err != nil {
		return nil, err
	}
	pairs, err := ReadPairs(d.path("sastrawi", "sastrawi_stem_pairs.tsv"))
	if err != nil {
		return nil, err
	}
	needMini, err := miniOnly(d.path("sastrawi", "sastrawi_stem_pairs.annotated.tsv"))
	if err != nil {
		return nil, err
	}
	r := &SastrawiReport{Pairs: Score{Name: "sastrawi pairs (sastrawi mode)"}, Improved: Score{Name: "sastrawi pairs (improved mode)"}}
	for _, p := range pairs {
		st, sti := full, fullI
		if needMini[p.Word] {
			st, sti = mini, miniI
			p.Note = "mini dictionary"
		}
		r.Pairs.add(p, st.Stem(p.Word))
		r.Improved.add(p, sti.Stem(p.Word))
	}
	if dis, err := ReadPairs(d.path("sastrawi", "sastrawi_stem_pairs.disabled.tsv")); err == nil {
		r.Disabled = Run("disabled upstream (sastrawi mode)", full, dis)
		r.DisabledI = Run("disabled upstream (improved mode)", fullI, dis)
	}
	if v, err := ReadPairs(d.path("sastrawi", "variant_only_pairs.tsv")); err == nil {
		r.Variants = Run("port-only pairs (sastrawi mode)", full, v)
		r.VariantsI = Run("port-only pairs (improved mode)", fullI, v)
	}
	if sents, err := ReadPairs(d.path("sastrawi", "sastrawi_stem_sentences.tsv")); err == nil {
		r.Sentences = Score{Name: "sentences (sastrawi mode, StemText)"}
		for _, p := range sents {
			p.Word = strings.ReplaceAll(p.Word, `\n`, "\n")
			r.Sentences.add(p, mini.StemText(p.Word))
		}
	}
	return r, nil
}

// newStemmer loads a Sastrawi dictionary. kata-dasar.txt has one line
// with a note after the word (oper "v,"): only each line's first field is
// the word.
func newStemmer(dict string, m stem.Mode) (*stem.Stemmer, error) {
	b, err := os.ReadFile(dict)
	if err != nil {
		return nil, err
	}
	var sb strings.Builder
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			sb.WriteString(f[0])
			sb.WriteByte('\n')
		}
	}
	st, err := stem.New(stem.WithDictionary(strings.NewReader(sb.String())), stem.WithMode(m))
	if err != nil {
		return nil, fmt.Errorf("stemeval: %s: %w", dict, err)
	}
	return st, nil
}

// miniOnly returns the words the annotated file marks as tested with the
// mini dictionary and not agreeing with the full one.
func miniOnly(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) >= 6 && c[5] == "0" {
			m[c[0]] = true
		}
	}
	return m, sc.Err()
}

// LemmaReport scores a stemmer on UD lemmas.
type LemmaReport struct {
	All, Affixed Score // all pairs; pairs with form != lemma
}

// Lemmas scores st on the UD form-lemma file.
func Lemmas(d Dirs, st *stem.Stemmer, name string) (*LemmaReport, error) {
	pairs, err := ReadPairs(d.path("lemma", "ud-dev-form-lemma.tsv"))
	if err != nil {
		return nil, err
	}
	r := &LemmaReport{All: Score{Name: name + ": all"}, Affixed: Score{Name: name + ": affixed (form != lemma)"}}
	for _, p := range pairs {
		got := st.Stem(p.Word)
		r.All.add(p, got)
		if p.Word != p.Want {
			r.Affixed.add(p, got)
		}
	}
	return r, nil
}

// WriteScore prints a score line and, up to max, its misses.
func WriteScore(w io.Writer, s Score, max int) {
	fmt.Fprintf(w, "%-48s types %5d/%5d %6.2f%%   tokens %6d/%6d %6.2f%%\n", s.Name, s.Pass, s.Total, s.Pct(), s.TokPass, s.Toks, s.TokPct())
	ms := append([]Miss(nil), s.Misses...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Count > ms[j].Count })
	for i, m := range ms {
		if i >= max {
			fmt.Fprintf(w, "    … %d more\n", len(ms)-max)
			break
		}
		note := ""
		if m.Note != "" {
			note = "  (" + m.Note + ")"
		}
		fmt.Fprintf(w, "    %-24s want %-16s got %-16s x%d%s\n", m.Word, m.Want, m.Got, m.Count, note)
	}
}

// StopwordReport compares a stopword list with stopwords-iso.
type StopwordReport struct {
	Ours, ISO, Both int
	// Coverage of each list by the other: Both/ISO and Both/Ours.
	OursInISO, ISOInOurs float64
	// TokenShare is the share of UD word tokens (by the lemma file's
	// counts) that each list marks as stopwords.
	OurTokens, ISOTokens float64
	OnlyOurs             []string
}

// Stopwords compares st's stopwords with stopwords-iso-id.txt.
func Stopwords(d Dirs, st *stem.Stemmer) (*StopwordReport, error) {
	ours := st.Stopwords()
	b, err := os.ReadFile(d.path("stopwords", "stopwords-iso-id.txt"))
	if err != nil {
		return nil, err
	}
	iso := map[string]bool{}
	for _, w := range strings.Fields(string(b)) {
		iso[strings.ToLower(w)] = true
	}
	r := &StopwordReport{Ours: len(ours), ISO: len(iso)}
	for _, w := range ours {
		if iso[w] {
			r.Both++
		} else {
			r.OnlyOurs = append(r.OnlyOurs, w)
		}
	}
	r.OursInISO = pct(r.Both, r.Ours)
	r.ISOInOurs = pct(r.Both, r.ISO)
	pairs, err := ReadPairs(d.path("lemma", "ud-dev-form-lemma.tsv"))
	if err != nil {
		return nil, err
	}
	var tot, a, c int
	for _, p := range pairs {
		tot += p.Count
		if st.IsStopword(p.Word) {
			a += p.Count
		}
		if iso[p.Word] {
			c += p.Count
		}
	}
	r.OurTokens, r.ISOTokens = pct(a, tot), pct(c, tot)
	return r, nil
}

// Improvements scores both modes, with the embedded dictionary, on the
// project's list of Sastrawi failure classes (stem/testdata/improvements.tsv).
func Improvements(path string) (before, after Score, err error) {
	pairs, err := ReadPairs(path)
	if err != nil {
		return before, after, err
	}
	s, err := stem.New(stem.WithMode(stem.Sastrawi))
	if err != nil {
		return before, after, err
	}
	return Run("improvement cases, sastrawi mode (before)", s, pairs),
		Run("improvement cases, improved mode (after)", stem.Default(), pairs), nil
}
