package summarize

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/kabar-id/kabar/internal/readerr"
)

// IDF is an inverse document frequency table: for each term (a stem), the
// number of documents of a corpus that contain it. An IDF is immutable and
// safe for concurrent use.
//
// The weight of a term is the smoothed idf(t) = ln((N+1)/(df(t)+1)) + 1,
// where N is the number of documents. Terms missing from the table count as
// seen in MinDF-1 documents: a table pruned to terms seen in at least 2
// documents gives unseen terms the weight of a term seen once.
type IDF struct {
	docs  int
	minDF int
	df    map[string]int32
	w     *idfTab // the weight of each term of df
	miss  float64
	valid bool // every term is a validTerm (as LearnIDF learns them)
}

func newIDF(docs, minDF int, df map[string]int32) *IDF {
	t := &IDF{docs: docs, minDF: max(minDF, 1), df: df, w: newIdfTab(len(df))}
	t.valid = true
	for term, d := range df {
		t.w.add(term, strHash(term), t.weight(int(d)))
		t.valid = t.valid && validTerm(term)
	}
	t.miss = t.weight(t.minDF - 1)
	return t
}

func (t *IDF) weight(df int) float64 {
	return math.Log(float64(t.docs+1)/float64(df+1)) + 1
}

// Weight returns the idf weight of term.
func (t *IDF) Weight(term string) float64 {
	w, _ := t.weightHashed(term, strHash(term))
	return w
}

// weightHashed is Weight for a term whose strHash is h. It also says
// whether the term is known to be a validTerm.
func (t *IDF) weightHashed(term string, h uint64) (w float64, valid bool) {
	if w, ok := t.w.find(term, h); ok {
		return w, t.valid
	}
	return t.miss, false
}

// Docs returns the number of documents the table was learned from.
func (t *IDF) Docs() int { return t.docs }

// Len returns the number of terms in the table.
func (t *IDF) Len() int { return len(t.df) }

// DF returns the document frequency of term recorded in the table (0 when
// the term is missing).
func (t *IDF) DF(term string) int { return int(t.df[term]) }

// LearnIDF counts, for each content term of the documents (stems of word
// tokens that are not stopwords, as the Summarizer uses them), the number of
// documents containing it, and keeps the terms seen in at least minDF
// documents.
func LearnIDF(docs iter.Seq[Input], minDF int) *IDF {
	df := map[string]int32{}
	n := 0
	seen := map[string]bool{}
	for in := range docs {
		n++
		clear(seen)
		for i, se := range in.Sentences {
			for j := range se.Tokens {
				if term, ok := contentTerm(&in, i, j, nil); ok && !seen[term] {
					seen[term] = true
					df[term]++
				}
			}
		}
	}
	minDF = max(minDF, 1)
	for term, d := range df {
		if int(d) < minDF {
			delete(df, term)
		}
	}
	return newIDF(n, minDF, df)
}

// Write writes the table as text: the header lines as "# " comments, then
// "docs N", "mindf M" and one "term<TAB>df" line per term, sorted by term.
// ReadIDF reads it back.
func (t *IDF) Write(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	writeHeader(bw, header)
	fmt.Fprintf(bw, "docs %d\nmindf %d\n", t.docs, t.minDF)
	terms := make([]string, 0, len(t.df))
	for term := range t.df {
		terms = append(terms, term)
	}
	slices.Sort(terms)
	for _, term := range terms {
		fmt.Fprintf(bw, "%s\t%d\n", term, t.df[term])
	}
	return bw.Flush()
}

// writeHeader writes the lines of header as comments, a line of several
// lines as several comments, so that the file reads back.
func writeHeader(bw *bufio.Writer, header []string) {
	for _, h := range header {
		for _, l := range strings.Split(h, "\n") {
			fmt.Fprintf(bw, "# %s\n", strings.TrimSuffix(l, "\r"))
		}
	}
}

// ReadIDF reads a table in the format written by IDF.Write. Lines starting
// with # and blank lines are ignored. Errors name the line.
func ReadIDF(r io.Reader) (_ *IDF, err error) {
	rr := &readerr.Reader{R: r}
	defer rr.Fix(&err, "%w: reading: %w", ErrBadIDF)
	sc := bufio.NewScanner(rr)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	docs, minDF := -1, 1
	df := map[string]int32{}
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		if term, num, ok := strings.Cut(s, "\t"); ok {
			d, err := strconv.Atoi(num)
			if err != nil || d < 1 || term == "" {
				return nil, fmt.Errorf("%w: line %d: want term<TAB>df, got %q", ErrBadIDF, line, s)
			}
			if _, dup := df[term]; dup {
				return nil, fmt.Errorf("%w: line %d: duplicate term %q", ErrBadIDF, line, term)
			}
			df[term] = int32(d)
			continue
		}
		key, num, ok := strings.Cut(s, " ")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 0 {
			return nil, fmt.Errorf("%w: line %d: want \"docs N\", \"mindf N\" or term<TAB>df, got %q", ErrBadIDF, line, s)
		}
		switch key {
		case "docs":
			docs = v
		case "mindf":
			minDF = v
		default:
			return nil, fmt.Errorf("%w: line %d: unknown key %q", ErrBadIDF, line, key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: line %d: %w", ErrBadIDF, line+1, err)
	}
	if docs < 1 {
		return nil, fmt.Errorf("%w: no \"docs N\" line with N ≥ 1", ErrBadIDF)
	}
	for term, d := range df {
		if int(d) > docs {
			return nil, fmt.Errorf("%w: term %q has df %d > docs %d", ErrBadIDF, term, d, docs)
		}
	}
	return newIDF(docs, minDF, df), nil
}

//go:embed idf.txt
var idfText string

var defaultIDF = sync.OnceValues(func() (*IDF, error) {
	t, err := ReadIDF(strings.NewReader(idfText))
	if err != nil {
		return nil, fmt.Errorf("embedded idf.txt: %w", err)
	}
	return t, nil
})

// DefaultIDF returns the embedded IDF table, learned from the IndoSum
// development articles (see the package documentation). It is parsed once.
func DefaultIDF() (*IDF, error) { return defaultIDF() }
