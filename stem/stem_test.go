package stem

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

var shared = flag.String("shared", "../../shared/data", "the shared data directory")

func readTSV(t testing.TB, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, append(strings.Split(l, "\t"), "", ""))
	}
	return out
}

func sharedFile(t testing.TB, p string) string {
	path := *shared + "/" + p
	if _, err := os.Stat(path); err != nil {
		t.Skipf("../shared data absent (%s): skipping", path)
	}
	return path
}

// firstFields keeps the first field of each line (kata-dasar.txt has one
// line with a note after the word).
func firstFields(t testing.TB, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			sb.WriteString(f[0] + "\n")
		}
	}
	return sb.String()
}

// TestSastrawiPairs: all 193 pairs of Sastrawi's test suites, in Sastrawi
// mode with Sastrawi's dictionary (the mini dictionary for the 10 pairs
// the annotated file marks).
func TestSastrawiPairs(t *testing.T) {
	full, err := New(WithMode(Sastrawi), WithDictionary(strings.NewReader(firstFields(t, sharedFile(t, "sastrawi/kata-dasar.txt")))))
	if err != nil {
		t.Fatal(err)
	}
	mini, err := New(WithMode(Sastrawi), WithDictionary(strings.NewReader(firstFields(t, sharedFile(t, "sastrawi/functional_test_mini_dictionary.txt")))))
	if err != nil {
		t.Fatal(err)
	}
	needMini := map[string]bool{}
	for _, r := range readTSV(t, sharedFile(t, "sastrawi/sastrawi_stem_pairs.annotated.tsv")) {
		if r[5] == "0" {
			needMini[r[0]] = true
		}
	}
	if len(needMini) != 10 {
		t.Errorf("%d pairs need the mini dictionary, want 10", len(needMini))
	}
	pairs := readTSV(t, sharedFile(t, "sastrawi/sastrawi_stem_pairs.tsv"))
	if len(pairs) != 193 {
		t.Errorf("%d pairs, want 193", len(pairs))
	}
	for _, p := range pairs {
		s := full
		if needMini[p[0]] {
			s = mini
		}
		if got := s.Stem(p[0]); got != p[1] {
			t.Errorf("Stem(%q) = %q, want %q (mini dictionary: %v)", p[0], got, p[1], needMini[p[0]])
		}
	}
	for _, p := range readTSV(t, sharedFile(t, "sastrawi/sastrawi_stem_sentences.tsv")) {
		in := strings.ReplaceAll(p[0], `\n`, "\n")
		if got := mini.StemText(in); got != p[1] {
			t.Errorf("StemText(%q) = %q, want %q", in, got, p[1])
		}
	}
}

func TestEmbeddedData(t *testing.T) {
	if _, _, err := parseRootList(strings.NewReader(rootsTxt), "roots.txt"); err != nil {
		t.Error(err)
	}
	if _, _, err := parseRootList(strings.NewReader(extraRootsTxt), "extra_roots.txt"); err != nil {
		t.Error(err)
	}
	if _, err := parseWordList(strings.NewReader(stopwordsTxt), "stopwords.txt"); err != nil {
		t.Error(err)
	}
	if _, err := parseWordList(strings.NewReader(lexicalTxt), "lexical.txt"); err != nil {
		t.Error(err)
	}
	s := Default()
	if s.roots.len() < 30000 || len(s.Stopwords()) < 100 {
		t.Errorf("embedded data: %d roots, %d stopwords", s.roots.len(), len(s.Stopwords()))
	}
	for _, v := range embeddedVariants() {
		if !s.roots.hasString(v[1]) {
			t.Errorf("variants.txt: %s → %s, which is not a root", v[0], v[1])
		}
	}
}

func TestOptions(t *testing.T) {
	s, err := New(WithDictionary(strings.NewReader("# roots\nmakan\nminum\n\nBaca  # comment\n")),
		WithRoots("tulis"), WithProtected("Bekasi"), WithOverrides(map[string]string{"Jalan-Jalan": "jalan"}),
		WithoutStopwords(), WithExtraStopwords("yang"))
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]string{"dimakan": "makan", "membaca": "baca", "menulis": "tulis",
		"bekasi": "bekasi", "jalan-jalan": "jalan", "diminum": "minum", "ditulisnya": "tulis"} {
		if got := s.Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
	if !s.IsStopword("Yang") || s.IsStopword("dan") {
		t.Error("stopwords: want only yang")
	}
	if !s.IsRoot("BACA") || s.IsRoot("dimakan") {
		t.Error("IsRoot")
	}
	s2, err := New(WithStopwords(strings.NewReader("ini\nitu\n")))
	if err != nil || !s2.IsStopword("itu") || s2.IsStopword("yang") {
		t.Errorf("WithStopwords: %v", err)
	}
}

func TestMalformed(t *testing.T) {
	for _, in := range []string{"makan\nma kan dua\n", "ok\nbad!\n", "a#b\n", "x\ty\n", strings.Repeat("a", 60) + "\n"} {
		_, err := New(WithDictionary(strings.NewReader(in)))
		if !errors.Is(err, ErrMalformedLine) || !strings.Contains(err.Error(), "line") {
			t.Errorf("dictionary %q: err = %v, want ErrMalformedLine naming the line", in, err)
		}
	}
	if _, err := New(WithDictionary(strings.NewReader("# only a comment\n"))); !errors.Is(err, ErrEmptyDictionary) {
		t.Errorf("empty dictionary: err = %v", err)
	}
	if _, err := New(WithRoots("two words")); !errors.Is(err, ErrMalformedLine) {
		t.Errorf("WithRoots: err = %v", err)
	}
	if _, err := New(WithMode(Mode(7))); err == nil {
		t.Error("WithMode(7): no error")
	}
	_, err := New(WithDictionary(strings.NewReader("makan\n\nmin?um\n")))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want it to name line 3", err)
	}
}

func TestNames(t *testing.T) {
	s := Default()
	for _, w := range []string{"Bekasi", "Bali", "Maluku"} {
		if got, want := s.StemName(w, true), strings.ToLower(w); got != want {
			t.Errorf("StemName(%q, true) = %q, want %q", w, got, want)
		}
	}
	if got := s.StemName("Memukul", false); got != "pukul" {
		t.Errorf("StemName(Memukul, false) = %q", got)
	}
}

func TestPassThrough(t *testing.T) {
	s := Default()
	for w, want := range map[string]string{"2020": "2020", "COVID-19": "covid-19", "Rp5.000": "rp5.000",
		"Café": "café", "": "", "-": "-", "--": "--", "a-": "a-", "jum'at": "jum'at", "\xff": "\uFFFD", "ÉTÉ": "été"} {
		if got := s.Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestLongWord(t *testing.T) {
	s := Default()
	for _, w := range []string{strings.Repeat("a", 1<<20), strings.Repeat("me", 1<<19), strings.Repeat("a-", 1<<19) + "a", strings.Repeat("Ä", 1<<18)} {
		got := s.Stem(w)
		if !utf8.ValidString(got) || len(got) == 0 {
			t.Errorf("Stem(1 MB word %.8q…) = %.8q…", w, got)
		}
	}
}

// TestLongWordNormalized: a word too long for the normalisation buffer
// is still cleaned as a short one is: soft hyphens dropped, hyphen
// variants folded, invalid UTF-8 replaced.
func TestLongWordNormalized(t *testing.T) {
	s := Default()
	for _, c := range []struct{ word, want string }{
		{strings.Repeat("a\u00ad", 200), strings.Repeat("a", 200)},
		{strings.Repeat("A\u2010", 100) + "B\u2013c", strings.Repeat("a-", 100) + "b-c"},
		{strings.Repeat("x", 300) + "\xff", strings.Repeat("x", 300) + "\uFFFD"},
	} {
		if got := s.Stem(c.word); got != c.want {
			t.Errorf("Stem(%.12q… %d bytes) = %.12q… (%d bytes), want %.12q…", c.word, len(c.word), got, len(got), c.want)
		}
	}
}

func TestAllocs(t *testing.T) {
	s := Default()
	for _, w := range []string{"memukul", "pembangunan", "dimakan", "buku-buku", "rumah", "yang", "Memukul", "xyzzy"} {
		if n := testing.AllocsPerRun(100, func() { s.Stem(w) }); n != 0 {
			t.Errorf("Stem(%q): %v allocations, want 0", w, n)
		}
	}
	c, _ := New(WithMode(Sastrawi))
	for _, w := range []string{"memukul", "pembangunan", "menyuarakan"} {
		if n := testing.AllocsPerRun(100, func() { c.Stem(w) }); n != 0 {
			t.Errorf("sastrawi Stem(%q): %v allocations, want 0", w, n)
		}
	}
}

// TestConcurrent hammers the shared Stemmer from many goroutines (run
// with -race).
func TestConcurrent(t *testing.T) {
	words := strings.Fields("Pemerintah memberikan bantuan kepada masyarakat yang terdampak banjir di Bekasi, anak-anak dan pelajar menyuarakan perbaikan")
	want := make([]string, len(words))
	for i, w := range words {
		want[i] = Default().Stem(w)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := Default()
			for i := 0; i < 200; i++ {
				for j, w := range words {
					if got := s.Stem(w); got != want[j] {
						t.Errorf("Stem(%q) = %q, want %q", w, got, want[j])
						return
					}
					s.IsStopword(w)
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzStem(f *testing.F) {
	for _, w := range []string{"memukul", "buku-buku", "malaikat-malaikat-Nya", "MENYUARAKAN", "\xff\xfe", "kuasa-Mu", "2020", "a-b-c-d", "pertanggungjawabannya"} {
		f.Add(w)
	}
	s := Default()
	c, _ := New(WithMode(Sastrawi))
	f.Fuzz(func(t *testing.T, w string) {
		for _, st := range []*Stemmer{s, c} {
			a, b := st.Stem(w), st.Stem(w)
			if a != b {
				t.Fatalf("Stem(%q) not deterministic: %q, %q", w, a, b)
			}
			if !utf8.ValidString(a) {
				t.Fatalf("Stem(%q) = %q: invalid UTF-8", w, a)
			}
			if t := st.StemText(w); !utf8.ValidString(t) {
				panic("StemText: invalid UTF-8")
			}
		}
	})
}

func FuzzDictionary(f *testing.F) {
	f.Add("makan\nminum\n# c\n")
	f.Add("a\tBMD\nb x\n")
	f.Add("\xff\n")
	f.Fuzz(func(t *testing.T, d string) {
		s, err := New(WithDictionary(strings.NewReader(d)))
		if err == nil {
			s.Stem("dimakan")
		}
		New(WithStopwords(strings.NewReader(d)))
	})
}

func TestEmbeddedRootsFastParse(t *testing.T) {
	w1, c1, err := parseRootList(strings.NewReader(rootsTxt), "roots.txt")
	if err != nil {
		t.Fatal(err)
	}
	w2, c2 := parseEmbeddedRoots(rootsTxt)
	if len(w1) != len(w2) {
		t.Fatalf("%d words, fast parser %d", len(w1), len(w2))
	}
	for i := range w1 {
		if w1[i] != w2[i] || c1[i] != c2[i] {
			t.Fatalf("line %d: %q %b, fast parser %q %b", i, w1[i], c1[i], w2[i], c2[i])
		}
	}
}

// TestMemoFresh: every precomputed stem in memo.txt is what the Improved
// mode computes without the table (regenerate with go generate ./stem).
func TestMemoFresh(t *testing.T) {
	s, err := New(WithoutMemo())
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, m := range embeddedMemo() {
		if got := s.Stem(m[0]); got != m[1] {
			if bad++; bad <= 10 {
				t.Errorf("memo.txt: %s → %s, but Stem gives %s (run go generate ./stem)", m[0], m[1], got)
			}
		}
		if got := Default().Stem(m[0]); got != m[1] {
			t.Fatalf("Default().Stem(%q) = %q, memo %q", m[0], got, m[1])
		}
	}
	if bad > 10 {
		t.Errorf("… %d stale memo entries", bad)
	}
}

// TestAffixFlagsHelp measures the hunspell affix classes: the Improved
// mode on UD lemmas with the embedded roots, with and without their
// classes (go test ./stem -run AffixFlags -v prints the numbers).
func TestAffixFlagsHelp(t *testing.T) {
	pairs := readTSV(t, sharedFile(t, "lemma/ud-dev-form-lemma.tsv"))
	w, _ := parseEmbeddedRoots(rootsTxt)
	w2, _ := parseEmbeddedRoots(extraRootsTxt)
	plain, err := New(WithDictionary(strings.NewReader(strings.Join(append(w, w2...), "\n"))))
	if err != nil {
		t.Fatal(err)
	}
	flagged, err := New(WithDictionary(strings.NewReader(rootsTxt + "\n" + extraRootsTxt)))
	if err != nil {
		t.Fatal(err)
	}
	score := func(s *Stemmer) (all, affixed float64) {
		var ok, n, okA, nA int
		for _, p := range pairs {
			hit := s.Stem(p[0]) == p[1]
			n++
			if hit {
				ok++
			}
			if p[0] != p[1] {
				nA++
				if hit {
					okA++
				}
			}
		}
		return 100 * float64(ok) / float64(n), 100 * float64(okA) / float64(nA)
	}
	pa, pf := score(plain)
	fa, ff := score(flagged)
	t.Logf("UD lemmas, type-level: without affix classes all %.2f%% affixed %.2f%%; with them all %.2f%% affixed %.2f%%", pa, pf, fa, ff)
	if ff <= pf {
		t.Errorf("affix classes do not help: affixed %.2f%% with, %.2f%% without", ff, pf)
	}
}

// TestDictionaryReadErrorMidLine: a dictionary reader that fails in the
// middle of a line is reported as the reader's error, not as a malformed
// word.
func TestDictionaryReadErrorMidLine(t *testing.T) {
	fail := errors.New("disk gone")
	r := io.MultiReader(strings.NewReader("buku\nmakan\nminum-"), iotest.ErrReader(fail))
	if _, err := New(WithDictionary(r)); !errors.Is(err, fail) {
		t.Errorf("New(WithDictionary(failing reader)): %v, want the reader's error", err)
	}
}
