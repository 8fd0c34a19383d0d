package kabar

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
	namerule "github.com/kabar-id/kabar/internal/names"
	"github.com/kabar-id/kabar/internal/pool"
	"github.com/kabar-id/kabar/stem"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// Stage is a set of analysis stages, combined with |.
type Stage uint8

// Stages an Analyzer can run. Tokenization always runs, since every other
// stage reads its output, but sentences and tokens are reported only with
// StageTokens: without it the Document (and its JSON) is much smaller.
const (
	StageTokens   Stage = 1 << iota // report sentences and tokens
	StageStems                      // stem and stopword flag per word token
	StageEntities                   // entity mentions and groups
	StageSummary                    // summary sentences
	StageKeywords                   // keywords
	StageStats                      // simple statistics

	AllStages = StageTokens | StageStems | StageEntities | StageSummary | StageKeywords | StageStats
)

// ErrTooLarge reports a text longer than the limit set with [WithMaxBytes].
var ErrTooLarge = errors.New("kabar: text over the size limit")

// checkEvery is how many tokens the analysis loops handle between two looks
// at the context.
const checkEvery = 4096

// Analyzer runs the analysis stages over texts. It is built once by [New],
// is immutable, and is safe for concurrent use by multiple goroutines.
type Analyzer struct {
	stages    Stage
	tok       *tokenize.Tokenizer
	stemmer   *stem.Stemmer
	rec       *entities.Recognizer
	sum       *summarize.Summarizer
	sumLen    summarize.Length
	nKeywords int
	protect   bool                  // proper-noun protection in stemming
	maxBytes  int                   // 0: no limit
	stems     *pool.Pool[stemCache] // for stemmer
	scratch   *pool.Pool[scratch]
	docs      *pool.Pool[docBufs] // for AnalyzeRecord's Documents, back from Result.Release
}

// Option configures an Analyzer built by [New].
type Option func(*config) error

// config collects the options; New turns it into an Analyzer.
type config struct {
	Analyzer
	stemOpts   []stem.Option
	entityOpts []entities.Option
	sumOpts    []summarize.Option
	model      io.Reader
}

// WithStages selects the stages to run and report (default [AllStages]).
// Tokenization always runs; its sentences and tokens are reported only when
// s has [StageTokens] (stems and stopword flags live on the tokens, so
// [StageStems] alone shows only in the stats).
func WithStages(s Stage) Option {
	return func(c *config) error { c.stages = s; return nil }
}

// WithSummaryLength sets the number of summary sentences (default 3).
func WithSummaryLength(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("kabar: summary length %d is negative", n)
		}
		c.sumLen = summarize.Sentences(n)
		return nil
	}
}

// WithSummarySize sets the summary length as a number of sentences, a ratio
// of the text's sentences or a word budget ([summarize.Sentences],
// [summarize.Ratio], [summarize.Words]).
func WithSummarySize(l summarize.Length) Option {
	return func(c *config) error { c.sumLen = l; return nil }
}

// WithSummarizerOptions passes options (method, IDF table, weights) to the
// summarizer New builds. [WithSummarizer] overrides them.
func WithSummarizerOptions(opts ...summarize.Option) Option {
	return func(c *config) error { c.sumOpts = append(c.sumOpts, opts...); return nil }
}

// WithKeywords sets the number of keywords (default 10).
func WithKeywords(k int) Option {
	return func(c *config) error {
		if k < 0 {
			return fmt.Errorf("kabar: keyword count %d is negative", k)
		}
		c.nKeywords = k
		return nil
	}
}

// WithMaxBytes makes texts longer than n bytes an error wrapping
// [ErrTooLarge], without analysing them. Zero, the default, means no limit.
func WithMaxBytes(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("kabar: size limit %d is negative", n)
		}
		c.maxBytes = n
		return nil
	}
}

// WithoutNameProtection stems every word, proper nouns included. By default
// a word inside a person, organisation or place mention, or capitalised
// where it does not start a sentence, is taken as a name and only
// lower-cased (see [stem.Stemmer.StemName]: Bekasi is not bekas). The
// capitalisation rule is the one package summarize follows by default, and
// with which its embedded tables were learned (see
// [summarize.WithoutNameProtection]); this option does not change the
// summariser's own Prepare.
func WithoutNameProtection() Option {
	return func(c *config) error { c.protect = false; return nil }
}

// WithTokenizer uses t instead of [tokenize.Default].
func WithTokenizer(t *tokenize.Tokenizer) Option {
	return func(c *config) error {
		if t == nil {
			return errors.New("kabar: nil tokenizer")
		}
		c.tok = t
		return nil
	}
}

// WithStemmer uses s instead of [stem.Default]. It overrides
// [WithStemDictionary].
func WithStemmer(s *stem.Stemmer) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("kabar: nil stemmer")
		}
		c.stemmer = s
		return nil
	}
}

// WithStemDictionary builds the stemmer over the root words read from r,
// one per line, instead of the embedded dictionary ([stem.WithDictionary]).
// New reads r when it builds the stemmer: not when [WithStemmer] gives one,
// nor when the stages need no stems (tokens, entities and statistics
// only).
func WithStemDictionary(r io.Reader) Option {
	return func(c *config) error {
		c.stemOpts = append(c.stemOpts, stem.WithDictionary(r))
		return nil
	}
}

// WithRecognizer uses r as the entity recognizer. It overrides
// [WithEntityModel] and [WithGazetteer].
func WithRecognizer(r *entities.Recognizer) Option {
	return func(c *config) error {
		if r == nil {
			return errors.New("kabar: nil recognizer")
		}
		c.rec = r
		return nil
	}
}

// WithEntityModel loads the entity model from r ([entities.Load]) instead of
// using the embedded one. New reads r when it builds the recognizer: not
// when [WithRecognizer] gives one, nor when no stage needs entities (the
// entity stage, or stems with names protected).
func WithEntityModel(r io.Reader) Option {
	return func(c *config) error { c.model = r; return nil }
}

// WithGazetteer adds names that are always recognised with label
// ([entities.WithGazetteer]). It may be given several times.
func WithGazetteer(label entities.Label, names []string) Option {
	return func(c *config) error {
		c.entityOpts = append(c.entityOpts, entities.WithGazetteer(label, names))
		return nil
	}
}

// WithSummarizer uses s for summaries and keywords instead of a default
// [summarize.New].
func WithSummarizer(s *summarize.Summarizer) Option {
	return func(c *config) error {
		if s == nil {
			return errors.New("kabar: nil summarizer")
		}
		c.sum = s
		return nil
	}
}

// New returns an Analyzer over the embedded data, changed by opts. The
// stages that are not selected are not built.
func New(opts ...Option) (*Analyzer, error) {
	c := &config{Analyzer: Analyzer{stages: AllStages, sumLen: summarize.Sentences(3), nKeywords: 10, protect: true}}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	var err error
	if c.tok == nil {
		c.tok = tokenize.Default()
	}
	needStems := c.stages&(StageStems|StageSummary|StageKeywords) != 0
	if needStems && c.stemmer == nil {
		if len(c.stemOpts) == 0 {
			c.stemmer = stem.Default()
		} else if c.stemmer, err = stem.New(c.stemOpts...); err != nil {
			return nil, fmt.Errorf("kabar: stemmer: %w", err)
		}
	}
	if !needStems {
		c.protect = false
	}
	needEntities := c.stages&StageEntities != 0 || (needStems && c.protect)
	if needEntities && c.rec == nil {
		if c.model != nil {
			c.rec, err = entities.Load(c.model, c.entityOpts...)
		} else {
			c.rec, err = entities.New(c.entityOpts...)
		}
		if err != nil {
			return nil, fmt.Errorf("kabar: entity recognizer: %w", err)
		}
	}
	if c.stages&(StageSummary|StageKeywords) != 0 && c.sum == nil {
		if c.sum, err = summarize.New(c.sumOpts...); err != nil {
			return nil, fmt.Errorf("kabar: summarizer: %w", err)
		}
	}
	a := c.Analyzer
	if a.stemmer != nil {
		a.stems = pool.New[stemCache](0, nil)
	}
	a.scratch = pool.New[scratch](0, nil)
	a.docs = pool.New[docBufs](0, nil)
	return &a, nil
}

// Analyze analyses text. It returns an error, and no document, when text is
// not valid UTF-8 ([InvalidUTF8Error]), is over the size limit
// ([ErrTooLarge]), or ctx is done before the analysis ends (the error then
// wraps ctx.Err()). The context is checked between stages and every few
// thousand tokens within the stemming and the Document's tokens (see the
// package documentation).
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Document, error) {
	return a.analyze(ctx, text, nil)
}

// analyze is Analyze, with the Document's sentences and tokens in the
// slices of bufs when it is not nil.
func (a *Analyzer) analyze(ctx context.Context, text string, bufs *docBufs) (*Document, error) {
	if a.maxBytes > 0 && len(text) > a.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), a.maxBytes)
	}
	if !utf8.ValidString(text) {
		return nil, &InvalidUTF8Error{Offset: invalidOffset(text)}
	}
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	sc := a.scratch.Get()
	defer sc.release(a.scratch)
	sents := sc.sentences(a.tok, text)
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}

	d := &Document{}
	var mentions []entities.Mention
	if a.rec != nil {
		mentions = a.rec.Recognize(text, sents)
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
		if a.stages&StageEntities != 0 {
			d.Entities = mentions
			d.Groups = entities.GroupDocument(text, mentions)
		}
	}

	// Stems and stopword flags of the tokens in text order, one slice for
	// the whole text that the summary input and the Document share.
	var stems []string
	var stop []bool
	var uniqueStems int
	if a.stemmer != nil {
		var err error
		if stems, stop, uniqueStems, err = a.stem(ctx, sc, sents, mentions); err != nil {
			return nil, err
		}
	}
	if a.stages&(StageSummary|StageKeywords) != 0 {
		in := summaryInput(text, sents, stems, stop)
		switch {
		case a.stages&StageSummary == 0:
			d.Keywords = a.sum.Keywords(in, a.nKeywords)
		case a.stages&StageKeywords == 0:
			d.Summary = a.sum.Summarize(in, a.sumLen)
		default:
			d.Summary, d.Keywords = a.sum.SummaryAndKeywords(in, a.sumLen, a.nKeywords)
		}
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
	}
	if a.stages&StageStems == 0 { // stems were computed for the summary only
		stems, stop = nil, nil
	}
	if a.stages&StageStats != 0 {
		d.Stats = newStats(text, sents, stems, stop, uniqueStems, d)
	}
	if a.stages&StageTokens != 0 {
		if err := d.setTokens(ctx, sents, stems, stop, bufs); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// setTokens sets the sentences and tokens of d from sents and the
// tokens' stems and stopword flags (nil when not reported), in the slices
// of bufs when it is not nil.
func (d *Document) setTokens(ctx context.Context, sents []tokenize.Sentence, stems []string, stop []bool, bufs *docBufs) error {
	if bufs != nil {
		d.Sentences = reuse(bufs.sents, len(sents))
		d.Tokens = reuse(bufs.toks, countTokens(sents))
		bufs.sents, bufs.toks = d.Sentences, d.Tokens
	} else {
		d.Sentences = make([]Sentence, len(sents))
		d.Tokens = make([]Token, countTokens(sents))
		pool.Touch(d.Tokens) // written with write barriers: see pool.Touch
	}
	k := 0
	for i, s := range sents {
		d.Sentences[i] = Sentence{Text: s.Text, Start: s.Start, End: s.End, FirstToken: k, Tokens: len(s.Tokens)}
		toks := d.Tokens[k : k+len(s.Tokens)]
		for j, t := range s.Tokens {
			toks[j] = Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind, Sentence: i}
		}
		if stems != nil {
			for j, st := range stems[k : k+len(toks)] {
				toks[j].Stem = st
			}
			for j, sp := range stop[k : k+len(toks)] {
				toks[j].Stop = sp
			}
		}
		if err := ctxEvery(ctx, k, k+len(toks)); err != nil {
			return err
		}
		k += len(toks)
	}
	return nil
}

func countTokens(sents []tokenize.Sentence) int {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	return n
}

// stem returns the stem and stopword flag of each token of sents, in text
// order ("" and false for tokens other than words), protecting names, and
// the number of distinct stems of the words that are not stopwords. The
// stems and flags are in sc's slices.
func (a *Analyzer) stem(ctx context.Context, sc *scratch, sents []tokenize.Sentence, mentions []entities.Mention) (stems []string, stop []bool, unique int, err error) {
	n := countTokens(sents)
	stems, stop = slices.Grow(sc.stems[:0], n)[:n], slices.Grow(sc.stop[:0], n)[:n]
	sc.stems, sc.stop = stems, stop
	nm := names{mentions: mentions}
	cache := a.stems.Get()
	defer a.stems.Put(cache)
	cache.start()
	k := 0
	for _, s := range sents {
		nm.sentence()
		for _, t := range s.Tokens {
			if t.Kind != tokenize.Word {
				nm.other(t.Text)
				stems[k], stop[k] = "", false
				k++
				continue
			}
			isName := a.protect && nm.word(t)
			e := cache.get(a.stemmer, t.Text, isName)
			stems[k], stop[k] = e.stem, e.stop
			if !e.stop && e.stem != "" && cache.count(e) {
				unique++
			}
			k++
		}
		if err := ctxEvery(ctx, k-len(s.Tokens), k); err != nil {
			return nil, nil, 0, err
		}
	}
	return stems, stop, unique, nil
}

// names tells, token by token in text order, whether a word is taken as
// part of a proper name: a word inside a PER, ORG or LOC mention, or a
// capitalised word that does not start its sentence or a clause (the rule
// of package internal/names, which package summarize follows too). The
// mentions must be in text order.
type names struct {
	mentions []entities.Mention
	m        int // next mention that may cover a token
	caps     namerule.Capitals
}

// sentence starts a new sentence.
func (n *names) sentence() { n.caps.Sentence() }

// other takes a token other than a word.
func (n *names) other(tok string) { n.caps.Other(tok) }

// word takes the next word token and says whether it is a name.
func (n *names) word(t tokenize.Token) bool {
	for n.m < len(n.mentions) && n.mentions[n.m].End <= t.Start {
		n.m++
	}
	inMention := n.m < len(n.mentions) && n.mentions[n.m].Start < t.End && isNameLabel(n.mentions[n.m].Label)
	capName := n.caps.Word(t.Text)
	return inMention || capName
}

// summaryInput arranges the stems of the tokens of sents, in text order,
// per sentence for package summarize, without copying them. Tokens other
// than words have no stem: the summarizer reads only those of words.
func summaryInput(text string, sents []tokenize.Sentence, stems []string, stop []bool) summarize.Input {
	in := summarize.Input{Text: text, Sentences: sents}
	if stems == nil {
		return in
	}
	in.Stems, in.Stop = make([][]string, len(sents)), make([][]bool, len(sents))
	k := 0
	for i, s := range sents {
		n := len(s.Tokens)
		in.Stems[i], in.Stop[i] = stems[k:k+n:k+n], stop[k:k+n:k+n]
		k += n
	}
	return in
}

func isNameLabel(l entities.Label) bool {
	return l == entities.PER || l == entities.ORG || l == entities.LOC
}

// ctxErr returns ctx's error, wrapped so that it says where it came from.
func ctxErr(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("kabar: analysis stopped: %w", err)
	}
	return nil
}

// ctxEvery checks ctx when a count that grew from before to after passed a
// multiple of checkEvery.
func ctxEvery(ctx context.Context, before, after int) error {
	if before/checkEvery != after/checkEvery {
		return ctxErr(ctx)
	}
	return nil
}

// InvalidUTF8Error reports text that is not valid UTF-8.
type InvalidUTF8Error struct {
	Offset int  // byte offset of the first invalid byte
	InLine bool // Offset counts from the start of a JSONL input line, not of the text
}

func (e *InvalidUTF8Error) Error() string {
	if e.InLine {
		return fmt.Sprintf("kabar: invalid UTF-8 at byte offset %d of the input line", e.Offset)
	}
	return fmt.Sprintf("kabar: invalid UTF-8 at byte offset %d", e.Offset)
}

func invalidOffset[S ~string | ~[]byte](s S) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
