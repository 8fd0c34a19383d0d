package summarize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// indoSumPath is the IndoSum development set beside the checkout (CC BY-SA
// 4.0; read at run time, never copied).
const indoSumPath = "../../shared/data/indosum/indosum-dev.jsonl"

// longText returns the IndoSum articles joined into one text of at least
// the given number of bytes, paragraphs by blank lines, or skips.
func longText(tb testing.TB, bytes int) string {
	f, err := os.Open(indoSumPath)
	if err != nil {
		tb.Skip("../shared/data/indosum absent: ", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var b strings.Builder
	for b.Len() < bytes {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				tb.Fatal(err)
			}
			if _, err := f.Seek(0, 0); err != nil {
				tb.Fatal(err)
			}
			sc = bufio.NewScanner(f)
			sc.Buffer(nil, 64<<20)
			continue
		}
		var a struct{ Paragraphs [][][]string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		for _, p := range a.Paragraphs {
			for j, s := range p {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(strings.Join(s, " "))
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkSummarizeLong measures summaries of long texts (1 and 4 MB of
// IndoSum articles joined, about 9,000 and 36,000 sentences) whose size
// grows with the text, a ratio of its sentences and a word budget (about
// a quarter of its words), and of 3 sentences, by every method.
//
//	go test -run - -bench SummarizeLong -benchtime 1x ./summarize
func BenchmarkSummarizeLong(b *testing.B) {
	for _, mb := range []int{1, 4} {
		text := longText(b, mb<<20)
		for _, method := range []Method{Learned, TFIDF, LexRank} {
			s := newT(b, WithMethod(method))
			in := s.Prepare(text)
			for _, size := range []struct {
				name string
				l    Length
			}{{"ratio0.2", Ratio(0.2)}, {"words", Words(len(text) / 40)}, {"3", Sentences(3)}} {
				b.Run(fmt.Sprintf("%dMB/%s/%s", mb, method, size.name), func(b *testing.B) {
					for b.Loop() {
						s.Summarize(in, size.l)
					}
				})
			}
		}
	}
}
