package kabar

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/entities"
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
	protect   bool // proper-noun protection in stemming
	maxBytes  int  // 0: no limit
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
// lower-cased (see [stem.Stemmer.StemName]: Bekasi is not bekas).
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
// New reads r.
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
// using the embedded one. New reads r.
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
	return &a, nil
}

// Analyze analyses text. It returns an error, and no document, when text is
// not valid UTF-8 ([InvalidUTF8Error]), is over the size limit
// ([ErrTooLarge]), or ctx is done before the analysis ends (the error then
// wraps ctx.Err()). The context is checked between stages and every few
// thousand tokens within them.
func (a *Analyzer) Analyze(ctx context.Context, text string) (*Document, error) {
	if a.maxBytes > 0 && len(text) > a.maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), a.maxBytes)
	}
	if !utf8.ValidString(text) {
		return nil, &InvalidUTF8Error{Offset: invalidOffset(text)}
	}
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	sents := a.tok.Sentences(text)
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}

	d := &Document{Sentences: make([]Sentence, len(sents))}
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	d.Tokens = make([]Token, 0, n)
	for i, s := range sents {
		before := len(d.Tokens)
		d.Sentences[i] = Sentence{Text: s.Text, Start: s.Start, End: s.End, FirstToken: len(d.Tokens), Tokens: len(s.Tokens)}
		for _, t := range s.Tokens {
			d.Tokens = append(d.Tokens, Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind, Sentence: i})
		}
		if err := ctxEvery(ctx, before, len(d.Tokens)); err != nil {
			return nil, err
		}
	}

	var mentions []entities.Mention
	if a.rec != nil {
		mentions = a.rec.Recognize(text, sents)
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
		if a.stages&StageEntities != 0 {
			d.Entities = mentions
			d.Groups = entities.GroupMentions(mentions)
		}
	}

	var in summarize.Input
	needSum := a.stages&(StageSummary|StageKeywords) != 0
	if a.stemmer != nil {
		if err := a.stem(ctx, d, mentions); err != nil {
			return nil, err
		}
		if needSum {
			in = summaryInput(text, sents, d)
		}
	}
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if a.stages&StageSummary != 0 {
		d.Summary = a.sum.Summarize(in, a.sumLen)
		if err := ctxErr(ctx); err != nil {
			return nil, err
		}
	}
	if a.stages&StageKeywords != 0 {
		d.Keywords = a.sum.Keywords(in, a.nKeywords)
	}
	if a.stages&StageStems == 0 {
		for i := range d.Tokens { // stems were computed for the summary only
			d.Tokens[i].Stem, d.Tokens[i].Stop = "", false
		}
	}
	if a.stages&StageStats != 0 {
		d.Stats = newStats(text, d)
	}
	if a.stages&StageTokens == 0 {
		d.Sentences, d.Tokens = nil, nil
	}
	return d, nil
}

// stem sets Stem and Stop on the word tokens of d, protecting names.
func (a *Analyzer) stem(ctx context.Context, d *Document, mentions []entities.Mention) error {
	var names []bool
	if a.protect {
		names = nameFlags(d.Tokens, mentions)
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Kind != tokenize.Word {
			continue
		}
		t.Stem = a.stemmer.StemName(t.Text, names != nil && names[i])
		t.Stop = a.stemmer.IsStopword(t.Text)
		if err := ctxEvery(ctx, i, i+1); err != nil {
			return err
		}
	}
	return nil
}

// nameFlags tells, for each token, whether it is taken as part of a proper
// name: a word inside a PER, ORG or LOC mention, or a capitalised word that
// does not start its sentence or a clause (after an opening quote, a colon,
// a bracket or a dash). mentions must be in text order.
func nameFlags(toks []Token, mentions []entities.Mention) []bool {
	names := make([]bool, len(toks))
	m := 0 // next mention that may cover a token
	initial := true
	for i, t := range toks {
		if i > 0 && t.Sentence != toks[i-1].Sentence {
			initial = true
		}
		if t.Kind != tokenize.Word {
			if opensClause(t.Text) {
				initial = true
			}
			continue
		}
		for m < len(mentions) && mentions[m].End <= t.Start {
			m++
		}
		inMention := m < len(mentions) && mentions[m].Start < t.End && isNameLabel(mentions[m].Label)
		names[i] = inMention || (!initial && capitalised(t.Text))
		initial = false
	}
	return names
}

// summaryInput arranges the stems of d per sentence for package summarize.
// Tokens other than words get their lower-cased text as stem.
func summaryInput(text string, sents []tokenize.Sentence, d *Document) summarize.Input {
	in := summarize.Input{Text: text, Sentences: sents, Stems: make([][]string, len(sents)), Stop: make([][]bool, len(sents))}
	for i, s := range d.Sentences {
		st := make([]string, s.Tokens)
		sp := make([]bool, s.Tokens)
		for j, t := range d.Tokens[s.FirstToken : s.FirstToken+s.Tokens] {
			st[j], sp[j] = t.Stem, t.Stop
			if t.Kind != tokenize.Word {
				st[j] = strings.ToLower(t.Text)
			}
		}
		in.Stems[i], in.Stop[i] = st, sp
	}
	return in
}

func isNameLabel(l entities.Label) bool {
	return l == entities.PER || l == entities.ORG || l == entities.LOC
}

// opensClause reports whether a capitalised word after tok may be capitalised
// because it starts a clause: after an opening quote, a colon or a dash.
func opensClause(tok string) bool {
	switch tok {
	case "\"", "“", "'", "‘", ":", "(", "-", "–", "—", "«":
		return true
	}
	return false
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
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
