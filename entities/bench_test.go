package entities

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

// indoSumPath is the IndoSum development set beside the checkout (CC BY-SA
// 4.0; read at run time, never copied).
const indoSumPath = "../../shared/data/indosum/indosum-dev.jsonl"

// indoSumDocs returns the first IndoSum articles, up to about n bytes of
// text, rebuilt as the pipeline benchmark does (tokens joined by spaces,
// paragraphs by a blank line), with their sentences.
func indoSumDocs(b testing.TB, n int) (texts []string, sents [][]tokenize.Sentence, size int) {
	f, err := os.Open(indoSumPath)
	if err != nil {
		b.Skip("../shared/data/indosum absent: ", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && size < n {
		var a struct {
			Paragraphs [][][]string `json:"paragraphs"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		var t strings.Builder
		for i, p := range a.Paragraphs {
			if i > 0 {
				t.WriteString("\n\n")
			}
			for j, s := range p {
				if j > 0 {
					t.WriteByte(' ')
				}
				t.WriteString(strings.Join(s, " "))
			}
		}
		texts = append(texts, t.String())
		sents = append(sents, tokenize.Sentences(t.String()))
		size += t.Len()
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts, sents, size
}

// BenchmarkRecognizeIndoSum measures Recognize on 1 MB of distinct IndoSum
// articles, one call per article (tokenization excluded): unlike
// BenchmarkRecognize, words repeat only as they do in real news.
func BenchmarkRecognizeIndoSum(b *testing.B) {
	r := defaultRecognizer(b)
	texts, sents, size := indoSumDocs(b, 1<<20)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		for i, t := range texts {
			r.Recognize(t, sents[i])
		}
	}
	reportCPU(b, c0, size)
}
