package summarize

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/names"
	"github.com/kabar-id/kabar/internal/pool"
	"github.com/kabar-id/kabar/stem"
	"github.com/kabar-id/kabar/tokenize"
)

// Sentence is a sentence chosen for a summary. Start and End are byte
// offsets into Input.Text (Text == Input.Text[Start:End]); Index is the
// sentence's position among Input.Sentences, whose span it is, less a
// leading dateline ("JAKARTA, KOMPAS.com –"); Score is the method's relevance
// score of the sentence (higher is more central; comparable only between
// sentences of one text summarised with one method).
type Sentence struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Index int     `json:"index"`
	Score float64 `json:"score"`
}

// Keyword is a term or phrase that characterises a text, with its score in
// (0, 1]: the best keyword of a text scores 1.
type Keyword struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// Input is a tokenized text with the stem of each token and whether it is a
// stopword, so that the summariser needs not tokenize or stem again.
// Stems[i][j] and Stop[i][j] belong to Sentences[i].Tokens[j]. When Stems or
// Stop are missing or shorter than the tokens, the Summarizer's stemmer
// fills the gaps; Prepare builds a complete Input.
type Input struct {
	Text      string
	Sentences []tokenize.Sentence
	Stems     [][]string
	Stop      [][]bool
}

// sentence returns the stems and stopword flags given for sentence i, nil
// where the Input has none.
func (in *Input) sentence(i int) (stems []string, stop []bool) {
	if i < len(in.Stems) {
		stems = in.Stems[i]
	}
	if i < len(in.Stop) {
		stop = in.Stop[i]
	}
	return stems, stop
}

// Method is a way of scoring sentences.
type Method uint8

// Methods. Learned is the default: it won on ROUGE in the IndoSum evaluation
// (see the package documentation and README).
const (
	Learned Method = iota // logistic regression over sentence features, weights learned from IndoSum oracle labels, then MMR
	TFIDF                 // hand-set mix of TF-IDF salience, centroid similarity, position and length, then MMR
	LexRank               // stationary distribution of the cosine-similarity graph (Erkan & Radev 2004), then MMR
	Lead                  // the first sentences of the text
)

var methodNames = [...]string{"learned", "tfidf", "lexrank", "lead"}

// String returns the lower-case name of m ("learned", "tfidf", "lexrank", "lead").
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("method(%d)", int(m))
}

// ParseMethod returns the Method named s (as printed by Method.String).
func ParseMethod(s string) (Method, error) {
	for i, n := range methodNames {
		if strings.EqualFold(s, n) {
			return Method(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %q (want learned, tfidf, lexrank or lead)", ErrUnknownMethod, s)
}

// Errors returned by the constructors and loaders of this package.
var (
	ErrUnknownMethod = errors.New("summarize: unknown method")
	ErrBadOption     = errors.New("summarize: bad option")
	ErrBadIDF        = errors.New("summarize: bad IDF table")
	ErrBadWeights    = errors.New("summarize: bad weights file")
)

// DefaultLexRankLimit is the default number of sentences LexRank puts in its
// graph (see WithLexRankLimit).
const DefaultLexRankLimit = 1000

// DefaultLambda is the default trade-off of maximal marginal relevance
// between relevance (1) and novelty (0).
const DefaultLambda = 0.7

// Summarizer picks the most informative sentences of a text and names its
// keywords. Build it once with New; a Summarizer is immutable and safe for
// concurrent use by multiple goroutines. Per-call state lives on the stack of
// each call.
type Summarizer struct {
	method  Method
	idf     *IDF
	weights *Weights
	lambda  float64
	lexK    int
	tok     *tokenize.Tokenizer
	st      *stem.Stemmer
	protect bool                // name protection when stemming (see WithoutNameProtection)
	scratch *pool.Pool[scratch] // working memory of the calls, reused
}

// Option configures a Summarizer built by New.
type Option func(*Summarizer) error

// WithMethod selects the sentence scoring method (default Learned).
func WithMethod(m Method) Option {
	return func(s *Summarizer) error {
		if int(m) >= len(methodNames) {
			return fmt.Errorf("%w: %d", ErrUnknownMethod, int(m))
		}
		s.method = m
		return nil
	}
}

// WithIDF replaces the embedded IDF table (see ReadIDF and LearnIDF).
func WithIDF(t *IDF) Option {
	return func(s *Summarizer) error {
		if t == nil {
			return fmt.Errorf("%w: nil IDF table", ErrBadOption)
		}
		s.idf = t
		return nil
	}
}

// WithWeights replaces the embedded feature weights of the Learned method
// (see ReadWeights and Train).
func WithWeights(w *Weights) Option {
	return func(s *Summarizer) error {
		if w == nil {
			return fmt.Errorf("%w: nil weights", ErrBadOption)
		}
		s.weights = w
		return nil
	}
}

// WithLambda sets the MMR trade-off between relevance and novelty, in
// [0, 1]: 1 ignores redundancy, 0 only avoids it. The default is
// DefaultLambda for TFIDF and LexRank and the Lambda of the weights for
// Learned.
func WithLambda(l float64) Option {
	return func(s *Summarizer) error {
		if !(l >= 0 && l <= 1) {
			return fmt.Errorf("%w: MMR lambda %v not in [0, 1]", ErrBadOption, l)
		}
		s.lambda = l
		return nil
	}
}

// WithLexRankLimit caps the number of sentences in the LexRank graph (default
// DefaultLexRankLimit). Longer texts put only the k sentences most similar to
// the document centroid in the graph; the others score 0. The graph costs
// O(k²) time and memory.
func WithLexRankLimit(k int) Option {
	return func(s *Summarizer) error {
		if k < 1 {
			return fmt.Errorf("%w: LexRank limit %d < 1", ErrBadOption, k)
		}
		s.lexK = k
		return nil
	}
}

// WithTokenizer sets the tokenizer Prepare uses (default tokenize.Default()).
func WithTokenizer(t *tokenize.Tokenizer) Option {
	return func(s *Summarizer) error {
		if t == nil {
			return fmt.Errorf("%w: nil tokenizer", ErrBadOption)
		}
		s.tok = t
		return nil
	}
}

// WithStemmer sets the stemmer Prepare uses, and that fills missing stems of
// an Input, protecting names as Prepare does (default stem.Default()).
func WithStemmer(st *stem.Stemmer) Option {
	return func(s *Summarizer) error {
		if st == nil {
			return fmt.Errorf("%w: nil stemmer", ErrBadOption)
		}
		s.st = st
		return nil
	}
}

// WithoutNameProtection makes Prepare, and the filling of missing stems,
// stem every word. By default a word capitalised where it does not start a
// sentence or a clause (after an opening quote, a colon, a bracket or a
// dash) is taken as a name and only lower-cased ([stem.Stemmer.StemName]:
// Bekasi is not bekas), as the root package kabar does and as the embedded
// IDF table and weights were learned. The option mirrors kabar's
// WithoutNameProtection; a Summarizer built with it looks terms up in a
// slightly different space from the embedded table's.
func WithoutNameProtection() Option {
	return func(s *Summarizer) error { s.protect = false; return nil }
}

// New returns a Summarizer with the embedded IDF table and weights, changed
// by opts.
func New(opts ...Option) (*Summarizer, error) {
	s := &Summarizer{method: Learned, lambda: -1, lexK: DefaultLexRankLimit, protect: true, scratch: pool.New[scratch](0, nil)}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	var err error
	if s.idf == nil {
		if s.idf, err = DefaultIDF(); err != nil {
			return nil, err
		}
	}
	if s.weights == nil {
		if s.weights, err = DefaultWeights(); err != nil {
			return nil, err
		}
	}
	if s.lambda < 0 {
		s.lambda = DefaultLambda
		if s.method == Learned {
			s.lambda = s.weights.lambda
		}
	}
	if s.tok == nil {
		s.tok = tokenize.Default()
	}
	if s.st == nil {
		s.st = stem.Default()
	}
	return s, nil
}

// Method returns the sentence scoring method of s.
func (s *Summarizer) Method() Method { return s.method }

// Prepare tokenizes and stems text with the Summarizer's tokenizer and
// stemmer, protecting names (see PrepareSentences).
func (s *Summarizer) Prepare(text string) Input {
	return s.PrepareSentences(text, s.tok.Sentences(text))
}

// PrepareSentences stems the tokens of sentences already split from text.
// A word capitalised where it does not start its sentence or a clause is
// taken as a name and only lower-cased, unless the Summarizer was built
// WithoutNameProtection.
func (s *Summarizer) PrepareSentences(text string, sents []tokenize.Sentence) Input {
	in := Input{Text: text, Sentences: sents, Stems: make([][]string, len(sents)), Stop: make([][]bool, len(sents))}
	var caps names.Capitals
	for i, se := range sents {
		st := make([]string, len(se.Tokens))
		sp := make([]bool, len(se.Tokens))
		caps.Sentence()
		for j, t := range se.Tokens {
			if t.Kind == tokenize.Word {
				st[j] = s.st.StemName(t.Text, caps.Word(t.Text) && s.protect)
				sp[j] = s.st.IsStopword(t.Text)
			} else {
				caps.Other(t.Text)
				st[j] = strings.ToLower(t.Text)
			}
		}
		in.Stems[i] = st
		in.Stop[i] = sp
	}
	return in
}

// Length is the size of a summary: a number of sentences, a fraction of the
// text's sentences, or a word budget. The zero Length asks for nothing.
type Length struct {
	kind  uint8 // 0 sentences, 1 ratio, 2 words
	n     int
	ratio float64
}

// Sentences asks for n sentences (all of them when the text has fewer).
func Sentences(n int) Length { return Length{kind: 0, n: n} }

// Ratio asks for the fraction r of the text's sentences, rounded up: Ratio(0.2)
// of 12 sentences is 3. r ≤ 0 (or NaN) asks for none, r ≥ 1 for all.
func Ratio(r float64) Length { return Length{kind: 1, ratio: r} }

// Words asks for as many sentences as fit in a budget of n words: sentences
// are taken best first, and one that would exceed the budget is skipped.
func Words(n int) Length { return Length{kind: 2, n: n} }

// String describes l ("3 sentences", "ratio 0.2", "100 words").
func (l Length) String() string {
	switch l.kind {
	case 1:
		return fmt.Sprintf("ratio %g", l.ratio)
	case 2:
		return fmt.Sprintf("%d words", l.n)
	}
	return fmt.Sprintf("%d sentences", l.n)
}

// maxSentences returns the upper bound of sentences for a text of n
// sentences, and the word budget (-1 for none).
func (l Length) limits(n int) (int, int) {
	switch l.kind {
	case 1:
		if !(l.ratio > 0) {
			return 0, -1
		}
		if l.ratio >= 1 {
			return n, -1
		}
		return min(n, int(math.Ceil(l.ratio*float64(n)-1e-9))), -1
	case 2:
		return n, max(l.n, 0)
	}
	return min(max(l.n, 0), n), -1
}

// Summarize returns the best sentences of in, as many as l asks for, in text
// order. It never fails: an empty text gives an empty summary, a text shorter
// than l gives all its sentences. Ties are broken by text order, so the
// output is deterministic.
func (s *Summarizer) Summarize(in Input, l Length) []Sentence {
	return s.summarize(&in, nil, l, nil)
}

// SummaryAndKeywords returns Summarize(in, l) and Keywords(in, k), faster
// than the two calls: the text's terms are looked up once for both.
func (s *Summarizer) SummaryAndKeywords(in Input, l Length, k int) ([]Sentence, []Keyword) {
	if len(in.Sentences) == 0 {
		return nil, nil
	}
	w := s.getScratch()
	defer s.putScratch(w)
	x := s.index(&in, w)
	var kw []Keyword
	if k > 0 {
		kw = keywords(&in, x, k, w)
	}
	return s.summarize(&in, x, l, w), kw
}

// summarize is Summarize with the index x of in, built when nil and
// needed, and the working memory w (from the pool when nil).
func (s *Summarizer) summarize(in *Input, x *index, l Length, w *scratch) []Sentence {
	n := len(in.Sentences)
	maxN, budget := l.limits(n)
	if n == 0 || maxN == 0 || budget == 0 {
		return nil
	}
	if s.method == Lead {
		return s.lead(*in, maxN, budget)
	}
	if w == nil {
		w = s.getScratch()
		defer s.putScratch(w)
	}
	if x == nil {
		x = s.index(in, w)
	}
	m := newModel(in, x, w)
	rel := s.scores(m)
	var picked []int
	if s.method == Learned {
		picked = m.expectedF1(rel, s.lambda, s.weights.refLen, maxN, budget)
	} else {
		picked = m.mmr(rel, s.lambda, maxN, budget)
	}
	out := make([]Sentence, len(picked))
	for k, i := range picked {
		out[k] = span(*in, i, rel[i])
	}
	return out
}

// scores returns the sentences' scores by s's method (not Lead): relevance
// for MMR, or Learned's probabilities.
func (s *Summarizer) scores(m *model) []float64 {
	switch s.method {
	case TFIDF:
		return m.heuristicScores()
	case LexRank:
		return m.lexRank(s.lexK)
	}
	return m.learnedScores(s.weights, s.lexK)
}

// span returns sentence i of in as a summary sentence, without its leading
// dateline.
func span(in Input, i int, score float64) Sentence {
	se := in.Sentences[i]
	start := se.Start
	if k := datelineEnd(se); k > 0 {
		start = se.Tokens[k].Start
	}
	// A sentence that is not a span of in.Text is left as given.
	if start != se.Start && start > se.Start && start < se.End && se.Start >= 0 && se.End <= len(in.Text) {
		return Sentence{Text: in.Text[start:se.End], Start: start, End: se.End, Index: i, Score: score}
	}
	return Sentence{Text: se.Text, Start: se.Start, End: se.End, Index: i, Score: score}
}

// datelineEnd returns the index of the first token after the dateline that
// opens se, or 0 when there is none. A dateline is a place and a source
// before a dash, as news agencies open their articles: "JAKARTA,
// KOMPAS.com –", "Jakarta, CNN Indonesia --", "Washington (ANTARA News) -":
// at most 12 tokens of capitalised words, web addresses, numbers and the
// punctuation , . / ( ), at least one of them a capitalised word or an
// address, then one or more dashes, then a capitalised word or a number or
// a quotation mark, and at least four more tokens.
func datelineEnd(se tokenize.Sentence) int {
	k := datelineDashes(se)
	toks := se.Tokens
	if k <= 0 || len(toks)-k < 4 {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(toks[k].Text)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"“'‘", r) {
		return 0
	}
	return k
}

// datelineOnly reports a sentence that is nothing but a dateline, as a
// tokenizer may split it off: "JAKARTA, KOMPAS.com –".
func datelineOnly(se tokenize.Sentence) bool {
	return datelineDashes(se) == len(se.Tokens) && len(se.Tokens) > 0
}

// datelineDashes returns the index of the first token after the dashes of a
// dateline-shaped prefix of se, or 0 when it has none.
func datelineDashes(se tokenize.Sentence) int {
	toks := se.Tokens
	named := false
	for j := 0; j < len(toks) && j <= 12; j++ {
		t := toks[j]
		if isDash(t.Text) {
			if !named {
				return 0
			}
			k := j + 1
			for k < len(toks) && isDash(toks[k].Text) {
				k++
			}
			return k
		}
		switch t.Kind {
		case tokenize.Word:
			r, _ := utf8.DecodeRuneInString(t.Text)
			if !unicode.IsUpper(r) {
				return 0
			}
			named = true
		case tokenize.URL:
			named = true
		case tokenize.Number:
		default:
			switch t.Text {
			case ",", ".", "/", "(", ")":
			default:
				return 0
			}
		}
	}
	return 0
}

func isDash(s string) bool {
	switch s {
	case "-", "--", "–", "—", "―":
		return true
	}
	return false
}

func (s *Summarizer) lead(in Input, maxN, budget int) []Sentence {
	var out []Sentence
	used := 0
	for i, se := range in.Sentences {
		if len(out) == maxN {
			break
		}
		if datelineOnly(se) {
			continue
		}
		if budget >= 0 {
			w := wordCount(se)
			if used+w > budget {
				continue
			}
			used += w
		}
		out = append(out, span(in, i, 1/float64(i+1)))
	}
	return out
}

func wordCount(se tokenize.Sentence) int {
	w := 0
	for _, t := range se.Tokens {
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			w++
		}
	}
	return w
}
