package sumeval

import (
	"strings"
	"unicode"
)

// RougeTokens returns the ROUGE tokens of s: lower-cased maximal runs of
// letters and digits, as ROUGE-1.5.5 tokenizes without stemming or stopword
// removal (everything else is a separator).
func RougeTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// PRF is a precision, recall and F1 triple.
type PRF struct{ P, R, F float64 }

func prf(hits, cand, ref int) PRF {
	var s PRF
	if cand > 0 {
		s.P = float64(hits) / float64(cand)
	}
	if ref > 0 {
		s.R = float64(hits) / float64(ref)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Rouge holds ROUGE-1, ROUGE-2 and ROUGE-L scores of one summary.
type Rouge struct{ R1, R2, RL PRF }

// Score returns the ROUGE scores of a candidate summary against a reference
// summary, both given as sentences of ROUGE tokens (see RougeTokens).
// ROUGE-N counts clipped n-gram matches over the whole summaries; ROUGE-L is
// the summary-level union-LCS score of Lin (2004), section 3.2, with each
// token counted at most as often as it occurs in both summaries, as
// ROUGE-1.5.5 computes it for multi-sentence summaries.
func Score(cand, ref [][]string) Rouge {
	return Rouge{R1: rougeN(cand, ref, 1), R2: rougeN(cand, ref, 2), RL: rougeL(cand, ref)}
}

func ngrams(sents [][]string, n int) (map[string]int, int) {
	m := map[string]int{}
	total := 0
	// n-grams run over the whole summary, across sentence boundaries, as
	// ROUGE-1.5.5 does when it reads a summary as one token stream.
	var all []string
	for _, s := range sents {
		all = append(all, s...)
	}
	for i := 0; i+n <= len(all); i++ {
		m[strings.Join(all[i:i+n], " ")]++
		total++
	}
	return m, total
}

func rougeN(cand, ref [][]string, n int) PRF {
	cm, ct := ngrams(cand, n)
	rm, rt := ngrams(ref, n)
	hits := 0
	for g, c := range cm {
		hits += min(c, rm[g])
	}
	return prf(hits, ct, rt)
}

func rougeL(cand, ref [][]string) PRF {
	cc := map[string]int{}
	rc := map[string]int{}
	nc, nr := 0, 0
	for _, s := range cand {
		for _, t := range s {
			cc[t]++
			nc++
		}
	}
	for _, s := range ref {
		for _, t := range s {
			rc[t]++
			nr++
		}
	}
	hits := 0
	for _, r := range ref {
		for _, t := range unionLCS(r, cand) {
			if cc[t] > 0 && rc[t] > 0 {
				hits++
				cc[t]--
				rc[t]--
			}
		}
	}
	return prf(hits, nc, nr)
}

// unionLCS returns the tokens of ref that are on a longest common
// subsequence with at least one candidate sentence, in ref order.
func unionLCS(ref []string, cand [][]string) []string {
	on := make([]bool, len(ref))
	for _, c := range cand {
		for _, i := range lcsIndexes(ref, c) {
			on[i] = true
		}
	}
	var out []string
	for i, b := range on {
		if b {
			out = append(out, ref[i])
		}
	}
	return out
}

// lcsIndexes returns the indexes in a of one longest common subsequence of a
// and b.
func lcsIndexes(a, b []string) []int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	t := make([]int, (n+1)*(m+1))
	w := m + 1
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			switch {
			case a[i-1] == b[j-1]:
				t[i*w+j] = t[(i-1)*w+j-1] + 1
			case t[(i-1)*w+j] >= t[i*w+j-1]:
				t[i*w+j] = t[(i-1)*w+j]
			default:
				t[i*w+j] = t[i*w+j-1]
			}
		}
	}
	var idx []int
	for i, j := n, m; i > 0 && j > 0; {
		switch {
		case a[i-1] == b[j-1]:
			idx = append(idx, i-1)
			i--
			j--
		case t[(i-1)*w+j] >= t[i*w+j-1]:
			i--
		default:
			j--
		}
	}
	for l, r := 0, len(idx)-1; l < r; l, r = l+1, r-1 {
		idx[l], idx[r] = idx[r], idx[l]
	}
	return idx
}
