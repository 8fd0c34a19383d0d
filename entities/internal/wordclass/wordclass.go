package wordclass

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Config sets the sizes; the zero value uses the defaults.
type Config struct {
	MinCount   int // least count of a word in the vocabulary (default 3)
	MaxVocab   int // most words (default 40000)
	Contexts   int // context words (default 1000)
	Fine       int // fine clusters, at most 256 (default 256)
	Coarse     int // coarse classes, at most 256 (default 16)
	Iterations int // k-means iterations (default 10)
}

// Entry is one word's classes.
type Entry struct {
	Word    string
	Cluster uint16 // coarse class << 8 | fine cluster
	Prior   uint8  // capitalised share in eighths, 0..8
}

// Build computes the word classes of the words in sents. cased[i] tells
// whether sentence i shows case, so that it counts for the prior.
func Build(sents [][]string, cased []bool, cfg Config) []Entry {
	if cfg.MinCount <= 0 {
		cfg.MinCount = 3
	}
	if cfg.MaxVocab <= 0 {
		cfg.MaxVocab = 40000
	}
	if cfg.Contexts <= 0 {
		cfg.Contexts = 1000
	}
	if cfg.Fine <= 0 || cfg.Fine > 256 {
		cfg.Fine = 256
	}
	if cfg.Coarse <= 0 || cfg.Coarse > 256 {
		cfg.Coarse = 16
	}
	if cfg.Iterations <= 0 {
		cfg.Iterations = 10
	}
	count := map[string]int{}
	upper := map[string]int{}
	casedN := map[string]int{}
	for i, s := range sents {
		for j, w := range s {
			l := strings.ToLower(w)
			count[l]++
			if cased[i] && j > 0 {
				casedN[l]++
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
					upper[l]++
				}
			}
		}
	}
	words := make([]string, 0, len(count))
	for w, c := range count {
		if c >= cfg.MinCount && w != "" && utf8.ValidString(w) && len(w) < 256 && strings.IndexFunc(w, unicode.IsSpace) < 0 {
			words = append(words, w)
		}
	}
	byFreq := func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	}
	slices.SortFunc(words, byFreq)
	if len(words) > cfg.MaxVocab {
		words = words[:cfg.MaxVocab]
	}
	vocab := map[string]int{}
	for i, w := range words {
		vocab[w] = i
	}
	nctx := min(cfg.Contexts, len(words))
	// Context dims: left word k -> k, right word k -> nctx+k.
	dim := 2 * nctx
	co := make([]map[int32]float64, len(words))
	for i := range co {
		co[i] = map[int32]float64{}
	}
	for _, s := range sents {
		for j, w := range s {
			wi, ok := vocab[strings.ToLower(w)]
			if !ok {
				continue
			}
			if j > 0 {
				if c, ok := vocab[strings.ToLower(s[j-1])]; ok && c < nctx {
					co[wi][int32(c)]++
				}
			}
			if j+1 < len(s) {
				if c, ok := vocab[strings.ToLower(s[j+1])]; ok && c < nctx {
					co[wi][int32(nctx+c)]++
				}
			}
		}
	}
	// PPMI.
	colSum := make([]float64, dim)
	var total float64
	rowSum := make([]float64, len(words))
	for i, m := range co {
		for c, v := range m {
			colSum[c] += v
			rowSum[i] += v
			total += v
		}
	}
	type sparse struct {
		idx []int32
		val []float64
	}
	vecs := make([]sparse, len(words))
	for i, m := range co {
		var sv sparse
		for c := range m {
			sv.idx = append(sv.idx, c)
		}
		slices.Sort(sv.idx)
		var norm float64
		for _, c := range sv.idx {
			pmi := math.Log(m[c] * total / (rowSum[i] * colSum[c]))
			if pmi > 0 {
				sv.val = append(sv.val, pmi)
				norm += pmi * pmi
			} else {
				sv.val = append(sv.val, 0)
			}
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range sv.val {
				sv.val[k] /= norm
			}
		}
		vecs[i] = sv
	}
	K := min(cfg.Fine, len(words))
	assign := make([]int, len(words))
	cent := make([][]float64, K)
	for k := range K {
		cent[k] = make([]float64, dim)
		v := vecs[k*len(words)/K]
		for j, c := range v.idx {
			cent[k][c] = v.val[j]
		}
	}
	for it := 0; it < cfg.Iterations; it++ {
		for i, v := range vecs {
			best, arg := -1.0, 0
			for k := range K {
				var d float64
				for j, c := range v.idx {
					d += v.val[j] * cent[k][c]
				}
				if d > best {
					best, arg = d, k
				}
			}
			assign[i] = arg
		}
		for k := range K {
			clear(cent[k])
		}
		for i, v := range vecs {
			ck := cent[assign[i]]
			for j, c := range v.idx {
				ck[c] += v.val[j]
			}
		}
		for k := range K {
			var n float64
			for _, x := range cent[k] {
				n += x * x
			}
			if n > 0 {
				n = math.Sqrt(n)
				for j := range cent[k] {
					cent[k][j] /= n
				}
			}
		}
	}
	// Coarse classes: k-means over the centroids.
	C := min(cfg.Coarse, K)
	cassign := make([]int, K)
	ccent := make([][]float64, C)
	for c := range C {
		ccent[c] = slices.Clone(cent[c*K/C])
	}
	for it := 0; it < cfg.Iterations; it++ {
		for k := range K {
			best, arg := -1.0, 0
			for c := range C {
				var d float64
				for j, x := range cent[k] {
					d += x * ccent[c][j]
				}
				if d > best {
					best, arg = d, c
				}
			}
			cassign[k] = arg
		}
		for c := range C {
			clear(ccent[c])
		}
		for k := range K {
			for j, x := range cent[k] {
				ccent[cassign[k]][j] += x
			}
		}
		for c := range C {
			var n float64
			for _, x := range ccent[c] {
				n += x * x
			}
			if n > 0 {
				n = math.Sqrt(n)
				for j := range ccent[c] {
					ccent[c][j] /= n
				}
			}
		}
	}
	out := make([]Entry, len(words))
	for i, w := range words {
		var prior uint8 = 0
		if n := casedN[w]; n > 0 {
			prior = uint8(math.Round(8 * float64(upper[w]) / float64(n)))
		} else {
			prior = 9 // unknown; written as 8 if cased elsewhere… see Write
		}
		out[i] = Entry{Word: w, Cluster: uint16(cassign[assign[i]])<<8 | uint16(assign[i]), Prior: prior}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Word, b.Word) })
	return out
}

// Write writes the entries as the word class table read by
// entities.ReadWordClasses, after a header of comment lines. Words whose
// prior is unknown (never seen in cased text) get the prior 0 only when
// they have no letters; otherwise they are written with prior 0 as well,
// since text without capitals is mostly common words.
func Write(w io.Writer, header string, es []Entry) error {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		b.WriteString("# " + l + "\n")
	}
	for _, e := range es {
		p := e.Prior
		if p > 8 {
			p = 0
		}
		fmt.Fprintf(&b, "%s\t%d\t%d\n", e.Word, e.Cluster, p)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
