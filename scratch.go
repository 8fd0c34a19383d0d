package kabar

import (
	"github.com/kabar-id/kabar/internal/pool"
	"github.com/kabar-id/kabar/tokenize"
)

// scratch holds the working slices of one call of Analyze: the text's
// tokens and sentences and the tokens' stems and stopword flags. None of
// them is part of the Document (setTokens copies what it reports), so an
// Analyzer reuses them from one text to the next through a pool
// rather than allocating them for every text. They are cleared before
// being put back, so that a pooled scratch never keeps a text alive.
type scratch struct {
	toks  []tokenize.Token
	sents []tokenize.Sentence
	stems []string
	stop  []bool
}

// maxScratchTokens bounds the tokens of a scratch that is kept for reuse:
// the slices of a larger text are left to the garbage collector.
const maxScratchTokens = 1 << 16

// sentences returns the sentences of text, the same as tok.Sentences(text),
// with their tokens in s.toks. It is called once between releases.
func (s *scratch) sentences(tok *tokenize.Tokenizer, text string) []tokenize.Sentence {
	s.sents, s.toks = tok.AppendSentences(s.sents[:0], s.toks[:0], text)
	if len(s.sents) == 0 {
		return nil
	}
	return s.sents
}

// release clears s and puts it back in pool, unless it grew too large.
func (s *scratch) release(p *pool.Pool[scratch]) {
	if cap(s.toks) > maxScratchTokens || cap(s.stems) > maxScratchTokens {
		return
	}
	clear(s.toks)
	clear(s.sents)
	clear(s.stems)
	s.toks, s.sents, s.stems, s.stop = s.toks[:0], s.sents[:0], s.stems[:0], s.stop[:0]
	p.Put(s)
}
