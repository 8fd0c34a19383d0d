package sumeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Article is one IndoSum article (Kurniawan & Louvan 2018): pre-tokenized
// paragraphs of sentences, the reference summary and the oracle extractive
// labels of the sentences.
type Article struct {
	ID         string       `json:"id"`
	Paragraphs [][][]string `json:"paragraphs"`
	Summary    [][]string   `json:"summary"`
	GoldLabels [][]bool     `json:"gold_labels"`
	Category   string       `json:"category"`
	Source     string       `json:"source"`

	// Text is the article as plain text: tokens joined by spaces,
	// sentences by a space, paragraphs by a blank line.
	Text string `json:"-"`
	// Spans are the byte spans of the IndoSum sentences in Text, in order,
	// and Gold their oracle labels.
	Spans [][2]int `json:"-"`
	Gold  []bool   `json:"-"`
}

// ReadFile reads an IndoSum JSONL file.
func ReadFile(path string) ([]*Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return arts, nil
}

// Read reads IndoSum JSONL records and builds each article's Text.
func Read(r io.Reader) ([]*Article, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var out []*Article
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			a := &Article{}
			if jerr := json.Unmarshal(b, a); jerr != nil {
				return nil, fmt.Errorf("line %d: %w", line, jerr)
			}
			if err := a.build(); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			out = append(out, a)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func (a *Article) build() error {
	var sb strings.Builder
	for p, para := range a.Paragraphs {
		if p > 0 {
			sb.WriteString("\n\n")
		}
		for s, sent := range para {
			if s > 0 {
				sb.WriteByte(' ')
			}
			start := sb.Len()
			sb.WriteString(strings.Join(sent, " "))
			a.Spans = append(a.Spans, [2]int{start, sb.Len()})
			gold := false
			if p < len(a.GoldLabels) && s < len(a.GoldLabels[p]) {
				gold = a.GoldLabels[p][s]
			}
			a.Gold = append(a.Gold, gold)
		}
	}
	a.Text = sb.String()
	if len(a.Spans) == 0 {
		return fmt.Errorf("article %q has no sentences", a.ID)
	}
	return nil
}

// RefSentences returns the reference summary as sentences of ROUGE tokens.
func (a *Article) RefSentences() [][]string {
	out := make([][]string, 0, len(a.Summary))
	for _, s := range a.Summary {
		out = append(out, RougeTokens(strings.Join(s, " ")))
	}
	return out
}

// OracleSentences returns the gold-labelled sentences as ROUGE tokens.
func (a *Article) OracleSentences() [][]string {
	var out [][]string
	for i, sp := range a.Spans {
		if a.Gold[i] {
			out = append(out, RougeTokens(a.Text[sp[0]:sp[1]]))
		}
	}
	return out
}

// Labels returns, for sentences given as byte spans of Text (as our
// tokenizer splits it), whether more than half of each one's bytes lie in
// gold-labelled IndoSum sentences.
func (a *Article) Labels(spans [][2]int) []bool {
	out := make([]bool, len(spans))
	for i, sp := range spans {
		in := 0
		for k, g := range a.Spans {
			if !a.Gold[k] {
				continue
			}
			lo, hi := max(sp[0], g[0]), min(sp[1], g[1])
			if hi > lo {
				in += hi - lo
			}
		}
		out[i] = 2*in > sp[1]-sp[0]
	}
	return out
}
