package sumeval

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/kabar-id/kabar/summarize"
)

// Folds is the number of cross-validation folds. Article k (0-based, in
// file order) belongs to fold k mod Folds, so folds are document-disjoint.
const Folds = 5

// Doc is an article prepared for the summariser.
type Doc struct {
	Art    *Article
	In     summarize.Input
	Labels []bool // oracle label of each of our sentences
	Ref    [][]string
}

// Prepare tokenizes and stems every article's Text with s (our tokenizer and
// stemmer: the IndoSum tokens are only used to build the text) and labels
// our sentences from the IndoSum oracle labels.
func Prepare(s *summarize.Summarizer, arts []*Article) []*Doc {
	docs := make([]*Doc, len(arts))
	for k, a := range arts {
		docs[k] = newDoc(a, s.Prepare(a.Text))
	}
	return docs
}

// newDoc labels the sentences of in, article a prepared, from the oracle
// labels.
func newDoc(a *Article, in summarize.Input) *Doc {
	spans := make([][2]int, len(in.Sentences))
	for i, se := range in.Sentences {
		spans[i] = [2]int{se.Start, se.End}
	}
	return &Doc{Art: a, In: in, Labels: a.Labels(spans), Ref: a.RefSentences()}
}

func inputs(docs []*Doc, keep func(k int) bool) iter.Seq[summarize.Input] {
	return func(yield func(summarize.Input) bool) {
		for k, d := range docs {
			if keep(k) && !yield(d.In) {
				return
			}
		}
	}
}

// MinDF is the pruning threshold of the IDF tables: terms seen in fewer
// documents are left out and weigh as if seen once.
const MinDF = 2

// RefLens and Lambdas are the grids from which Learn picks the reference
// length and the redundancy trade-off of the Learned method.
var (
	RefLens = []float64{60, 90, 120, 160}
	Lambdas = []float64{0.7, 0.85, 1}
)

// Learn learns, from docs[k] for the k where keep(k) only: an IDF table; the
// logistic-regression weights of the sentence features against the oracle
// labels; then the reference length (at lambda 1) and the lambda (at that
// length) that maximise the mean ROUGE-1 F1 of n-sentence summaries
// of those same documents, first of the grid on ties.
func Learn(docs []*Doc, keep func(k int) bool, n int) (*summarize.IDF, *summarize.Weights, error) {
	idf := summarize.LearnIDF(inputs(docs, keep), MinDF)
	s, err := summarize.New(summarize.WithIDF(idf))
	if err != nil {
		return nil, nil, err
	}
	var x [][]float64
	var y []float64
	for k, d := range docs {
		if !keep(k) {
			continue
		}
		x = append(x, s.Features(d.In)...)
		for _, l := range d.Labels {
			y = append(y, b2f(l))
		}
	}
	w, err := Train(x, y, Hidden)
	if err != nil {
		return nil, nil, err
	}
	score := func(refLen, lambda float64) (float64, *summarize.Weights, error) {
		ww, err := w.WithSelection(refLen, lambda)
		if err != nil {
			return 0, nil, err
		}
		s, err := summarize.New(summarize.WithIDF(idf), summarize.WithWeights(ww))
		if err != nil {
			return 0, nil, err
		}
		var a acc
		for k, d := range docs {
			if keep(k) {
				a.add(Score(summaryTokens(s.Summarize(d.In, summarize.Sentences(n))), d.Ref))
			}
		}
		return a.r1 / float64(max(a.n, 1)), ww, nil
	}
	best, bestW := -1.0, w
	for _, refLen := range RefLens {
		r, ww, err := score(refLen, 1)
		if err != nil {
			return nil, nil, err
		}
		if r > best {
			best, bestW = r, ww
		}
	}
	refLen := bestW.RefLen()
	for _, lambda := range Lambdas {
		r, ww, err := score(refLen, lambda)
		if err != nil {
			return nil, nil, err
		}
		if r > best {
			best, bestW = r, ww
		}
	}
	return idf, bestW, nil
}

// Row is one method's mean ROUGE F1 over the articles, in percent.
type Row struct {
	Method     string
	R1, R2, RL float64
	Articles   int
	Note       string
}

type acc struct {
	r1, r2, rl float64
	n          int
}

func (a *acc) add(r Rouge) {
	a.r1 += r.R1.F
	a.r2 += r.R2.F
	a.rl += r.RL.F
	a.n++
}

func (a *acc) row(name, note string) Row {
	if a.n == 0 {
		return Row{Method: name, Note: note}
	}
	f := 100 / float64(a.n)
	return Row{Method: name, R1: a.r1 * f, R2: a.r2 * f, RL: a.rl * f, Articles: a.n, Note: note}
}

// Config says what Run evaluates.
type Config struct {
	N        int     // summary sentences (3)
	Lambda   float64 // MMR lambda of TF-IDF and LexRank (summarize.DefaultLambda)
	InSample bool    // also evaluate the embedded (all-articles) IDF and weights

	// Test, when not nil, holds the same articles as the docs given to Run,
	// prepared otherwise (PreparePipeline): the methods learn from the docs
	// and summarise Test, as the shipped tables learned from Prepare meet
	// the pipeline's stems.
	Test []*Doc
}

// Report is the result of Run.
type Report struct {
	Rows     []Row
	Articles int
	Folds    []string // what each fold learned
	Elapsed  time.Duration
}

func summaryTokens(sents []summarize.Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = RougeTokens(s.Text)
	}
	return out
}

// Run evaluates every method on docs: LEAD-3 and ORACLE need no learning;
// TF-IDF+MMR, LexRank and Learned are evaluated with Folds-fold
// cross-validation, each fold scored with an IDF table (and weights) learned
// from the other folds only.
func Run(docs []*Doc, cfg Config) (*Report, error) {
	start := time.Now()
	if cfg.N == 0 {
		cfg.N = 3
	}
	if cfg.Lambda == 0 {
		cfg.Lambda = summarize.DefaultLambda
	}
	length := summarize.Sentences(cfg.N)
	test := docs
	if cfg.Test != nil {
		if len(cfg.Test) != len(docs) {
			return nil, fmt.Errorf("%d test documents for %d documents", len(cfg.Test), len(docs))
		}
		test = cfg.Test
	}
	var lead, leadTrim, oracle, tfidf, lex, learned, shipped acc
	var folds []string
	leadS, err := summarize.New(summarize.WithMethod(summarize.Lead))
	if err != nil {
		return nil, err
	}
	for _, d := range test {
		var first [][]string
		for _, se := range d.In.Sentences[:min(cfg.N, len(d.In.Sentences))] {
			first = append(first, RougeTokens(se.Text))
		}
		lead.add(Score(first, d.Ref))
		leadTrim.add(Score(summaryTokens(leadS.Summarize(d.In, length)), d.Ref))
		oracle.add(Score(d.Art.OracleSentences(), d.Ref))
	}
	for f := 0; f < Folds; f++ {
		idf, w, err := Learn(docs, func(k int) bool { return k%Folds != f }, cfg.N)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", f, err)
		}
		var ss [3]*summarize.Summarizer
		for i, m := range []summarize.Method{summarize.TFIDF, summarize.LexRank, summarize.Learned} {
			opts := []summarize.Option{summarize.WithMethod(m), summarize.WithIDF(idf), summarize.WithWeights(w)}
			if m != summarize.Learned {
				opts = append(opts, summarize.WithLambda(cfg.Lambda))
			}
			if ss[i], err = summarize.New(opts...); err != nil {
				return nil, err
			}
		}
		folds = append(folds, fmt.Sprintf("fold %d: reflen %g, lambda %g", f, w.RefLen(), w.Lambda()))
		for k := f; k < len(test); k += Folds {
			d := test[k]
			tfidf.add(Score(summaryTokens(ss[0].Summarize(d.In, length)), d.Ref))
			lex.add(Score(summaryTokens(ss[1].Summarize(d.In, length)), d.Ref))
			learned.add(Score(summaryTokens(ss[2].Summarize(d.In, length)), d.Ref))
		}
	}
	rows := []Row{
		lead.row("LEAD-3", "first three sentences, as they are"),
		leadTrim.row("Lead", "first three sentences, leading datelines left out (the Lead method)"),
		tfidf.row("TF-IDF+MMR", fmt.Sprintf("%d-fold CV (IDF from the other folds)", Folds)),
		lex.row("LexRank+MMR", fmt.Sprintf("%d-fold CV (IDF from the other folds)", Folds)),
		learned.row(DefaultRow, fmt.Sprintf("%d-fold CV (IDF and weights from the other folds)", Folds)),
	}
	if cfg.InSample {
		s, err := summarize.New()
		if err != nil {
			return nil, err
		}
		for _, d := range test {
			shipped.add(Score(summaryTokens(s.Summarize(d.In, length)), d.Ref))
		}
		rows = append(rows, shipped.row("default (embedded)", "in-sample: embedded IDF and weights were learned from these articles"))
	}
	rows = append(rows, oracle.row("ORACLE", "IndoSum gold_labels sentences (all, not 3)"))
	return &Report{Rows: rows, Articles: len(docs), Folds: folds, Elapsed: time.Since(start)}, nil
}

// Print writes the report as a Markdown table.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "| method | ROUGE-1 | ROUGE-2 | ROUGE-L | articles | note |\n|---|---:|---:|---:|---:|---|\n")
	for _, row := range r.Rows {
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %d | %s |\n", row.Method, row.R1, row.R2, row.RL, row.Articles, row.Note)
	}
	if len(r.Folds) > 0 {
		fmt.Fprintf(w, "\nselected on the training folds: %s\n", strings.Join(r.Folds, "; "))
	}
}

// Find returns the row of the named method.
func (r *Report) Find(method string) (Row, bool) {
	for _, row := range r.Rows {
		if row.Method == method {
			return row, true
		}
	}
	return Row{}, false
}

// DefaultRow names the cross-validated row of the default method, the one
// the targets are asserted on.
const DefaultRow = "Learned"

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Preparer returns a Summarizer for Prepare that does not read the embedded
// IDF table or weights, so that the generator runs even when they are stale.
func Preparer() (*summarize.Summarizer, error) {
	w, err := summarize.NewWeights(0, nil)
	if err != nil {
		return nil, err
	}
	return summarize.New(summarize.WithIDF(summarize.LearnIDF(func(func(summarize.Input) bool) {}, 1)), summarize.WithWeights(w))
}

// LearnAll reads the IndoSum file at path and learns the IDF table and the
// weights from all its articles, as shipped in package summarize. It returns
// the number of articles too.
func LearnAll(path string) (*summarize.IDF, *summarize.Weights, int, error) {
	arts, err := ReadFile(path)
	if err != nil {
		return nil, nil, 0, err
	}
	s, err := Preparer()
	if err != nil {
		return nil, nil, 0, err
	}
	docs := Prepare(s, arts)
	idf, w, err := Learn(docs, func(int) bool { return true }, 3)
	return idf, w, len(docs), err
}
