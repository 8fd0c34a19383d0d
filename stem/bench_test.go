package stem

import (
	"bufio"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
	"unicode"
)

// words splits text into letter/hyphen words, as a tokenizer would.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && !unicode.IsDigit(r) })
}

// newsWords returns running news text: IndoSum articles from ../shared
// when present (up to 200k tokens), else the seed article in testdata.
func newsWords(tb testing.TB) []string {
	if f, err := os.Open(*shared + "/indosum/indosum-dev.jsonl"); err == nil {
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
		for sc.Scan() && len(out) < 200000 {
			var doc struct {
				Paragraphs [][][]string `json:"paragraphs"`
			}
			if json.Unmarshal(sc.Bytes(), &doc) != nil {
				continue
			}
			for _, p := range doc.Paragraphs {
				for _, s := range p {
					for _, t := range s {
						out = append(out, words(t)...)
					}
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	b, err := os.ReadFile("../testdata/000_891277e20803d97e.txt")
	if err != nil {
		tb.Skip("no news text")
	}
	return words(string(b))
}

func distinct(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if l := strings.ToLower(w); !seen[l] {
			seen[l] = true
			out = append(out, w)
		}
	}
	return out
}

func benchStem(b *testing.B, s *Stemmer, ws []string) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	n := 0
	c0 := threadCPU()
	for b.Loop() {
		for _, w := range ws {
			s.Stem(w)
		}
		n += len(ws)
	}
	cpu := threadCPU() - c0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds()/1e6, "Mstems/s")
	if cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds()/1e6, "cpu-Mstems/s")
	}
	b.ReportMetric(float64(len(ws)), "words")
}

// BenchmarkStemNews: running news text, repeated words as in real use.
func BenchmarkStemNews(b *testing.B) { benchStem(b, Default(), newsWords(b)) }

// BenchmarkStemDistinct: each distinct word of the news text once.
func BenchmarkStemDistinct(b *testing.B) { benchStem(b, Default(), distinct(newsWords(b))) }

func BenchmarkStemNewsSastrawi(b *testing.B) {
	s, _ := New(WithMode(Sastrawi))
	benchStem(b, s, newsWords(b))
}

func BenchmarkStemDistinctSastrawi(b *testing.B) {
	s, _ := New(WithMode(Sastrawi))
	benchStem(b, s, distinct(newsWords(b)))
}

// BenchmarkNew is the start-up cost of Default: parsing the embedded
// root dictionary and building a Stemmer (stopwords, lexical words and
// variants are small).
func BenchmarkNew(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	c0 := threadCPU()
	for b.Loop() {
		w, c := parseEmbeddedRoots(rootsTxt)
		w2, c2 := parseEmbeddedRoots(extraRootsTxt)
		if _, err := newStemmer(&config{}, rootData{append(w, w2...), append(c, c2...)}); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := threadCPU() - c0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
