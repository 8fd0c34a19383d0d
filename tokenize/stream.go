package tokenize

import (
	"bufio"
	"io"
	"unicode/utf8"
)

// MaxSentenceSize is the default largest sentence, in bytes, that a
// [Scanner] holds in memory; see [Scanner.Buffer].
const MaxSentenceSize = 1 << 20

// SplitSentences is a [bufio.SplitFunc] that yields the sentences of its
// input, without the white space between them: the same sentences as
// [Tokenizer.Sentences]. Use it as t.SplitSentences with a bufio.Scanner; a
// sentence longer than the Scanner's buffer stops it with
// [bufio.ErrTooLong]. [Scanner] handles those and reports offsets.
func (t *Tokenizer) SplitSentences(data []byte, atEOF bool) (advance int, token []byte, err error) {
	adv, a, b, ok := t.splitSentence(data, atEOF, nil)
	if !ok {
		return adv, nil, nil
	}
	return adv, data[a:b], nil
}

// splitSentence finds the first sentence data[start:end] of data and how
// far to advance: to its end, so that the next call sees the gap after it
// (a line break there starts the next sentence at the start of a line).
// found is false when more data is needed, or when only a gap is left at
// EOF (advance is then len(data)). When spans is not nil, the tokens of the
// sentence are stored in it.
func (t *Tokenizer) splitSentence(data []byte, atEOF bool, spans *[]span) (advance, start, end int, found bool) {
	if spans != nil {
		*spans = (*spans)[:0]
	}
	var qbuf [32]queued
	sg := segmenter[[]byte]{sc: scanner[[]byte]{t: t, s: data}, partial: !atEOF, q: qbuf[:0]}
	start = -1
	for {
		sp, newSentence, status := sg.next()
		switch status {
		case scanEnd:
			if start < 0 {
				return len(data), 0, 0, false
			}
			return len(data), start, end, true
		case scanIncomplete:
			return 0, 0, 0, false
		}
		if newSentence && start >= 0 {
			return end, start, end, true
		}
		if start < 0 {
			start = sp.start
		}
		end = sp.end
		if spans != nil {
			*spans = append(*spans, sp)
		}
	}
}

// forceSplit cuts the first sentence of a full buffer: at a sentence
// boundary if the data holds one when taken as complete, else before its
// last run of non-gap characters, else inside that run at a character
// boundary.
func (t *Tokenizer) forceSplit(data []byte) (advance, start, end int, found bool) {
	adv, a, b, ok := t.splitSentence(data, true, nil)
	if !ok || adv < len(data) {
		return adv, a, b, ok
	}
	// One sentence fills the buffer.
	r := len(data)
	for r > a && !isGapBefore(data, r) {
		_, n := decodeLastRune(data, r)
		r -= n
	}
	e := r
	for e > a && isGapBefore(data, e) {
		_, n := decodeLastRune(data, e)
		e -= n
	}
	if e > a {
		return e, a, e, true
	}
	c := len(data)
	for c > a+1 && !utf8.RuneStart(data[c-1]) {
		c--
	}
	if c > a+1 {
		c-- // cut before the last, possibly incomplete, character
	}
	return c, a, c, true
}

func isGapBefore(s []byte, i int) bool {
	r, n := decodeLastRune(s, i)
	return !(r == utf8.RuneError && n == 1) && IsGap(r)
}

// SplitTokens is a [bufio.SplitFunc] that yields the tokens of its input:
// the same tokens as [Tokenizer.All]. A token longer than the Scanner's
// buffer stops it with [bufio.ErrTooLong].
func (t *Tokenizer) SplitTokens(data []byte, atEOF bool) (advance int, token []byte, err error) {
	sc := scanner[[]byte]{t: t, s: data}
	sp, _, status := sc.scan(!atEOF)
	switch status {
	case scanEnd:
		return len(data), nil, nil
	case scanIncomplete:
		g := scanner[[]byte]{t: t, s: data}
		g.gap()
		if g.pos == len(data) {
			return len(data), nil, nil // skip a gap; tokens do not depend on it
		}
		return g.pos, nil, nil
	}
	return sp.end, data[sp.start:sp.end], nil
}

// Scanner reads sentences from a stream in bounded memory. Offsets of its
// sentences and tokens are byte offsets from the start of the stream. It
// yields the same sentences and tokens as [Tokenizer.Sentences] on the whole
// stream, except that a sentence longer than the buffer (MaxSentenceSize by
// default) is cut into pieces of at most that size, and that quotations and
// brackets nested more than 16 deep on one line may end sentences
// differently. A Scanner is not safe for concurrent use.
//
//	sc := t.NewScanner(r)
//	for sc.Scan() {
//		s := sc.Sentence()
//	}
//	if err := sc.Err(); err != nil { … }
type Scanner struct {
	t     *Tokenizer
	sc    *bufio.Scanner
	max   int
	off   int    // stream offset of the data passed to split
	start int    // stream offset of the current sentence
	tried int    // length of the data of the last unsuccessful split, 0 after a success
	spans []span // tokens of the current sentence, offsets into the split data
	base  int    // offset in the split data of the current sentence
	cut   bool   // the current sentence was cut: tokenize it again
	sent  Sentence
}

// NewScanner returns a Scanner reading from r.
func (t *Tokenizer) NewScanner(r io.Reader) *Scanner {
	s := &Scanner{t: t, sc: bufio.NewScanner(r), max: MaxSentenceSize}
	s.sc.Buffer(make([]byte, 0, 64<<10), s.max)
	s.sc.Split(s.split)
	return s
}

// Buffer sets the initial buffer and the largest sentence size, as
// [bufio.Scanner.Buffer] does; longer sentences are cut. It panics if it is
// called after scanning has started.
func (s *Scanner) Buffer(buf []byte, size int) {
	s.sc.Buffer(buf, size)
	s.max = max(size, cap(buf))
}

func (s *Scanner) split(data []byte, atEOF bool) (int, []byte, error) {
	if !atEOF && len(data) < 2*s.tried && len(data) < s.max {
		// Wait until the data has doubled before scanning it again: with a
		// reader that returns small pieces, rescanning the pending sentence
		// after every read would take quadratic time.
		return 0, nil, nil
	}
	if s.spans == nil {
		s.spans = make([]span, 0, 64)
	}
	adv, a, b, ok := s.t.splitSentence(data, atEOF, &s.spans)
	if !ok && adv == 0 && !atEOF && len(data) >= s.max {
		adv, a, b, ok = s.t.forceSplit(data)
		s.spans = s.spans[:0]
		if ok {
			s.cut = true
		}
	} else if ok {
		s.cut = false
		s.base = a
	}
	if adv == 0 {
		s.tried = len(data)
	} else {
		s.tried = 0
	}
	if ok {
		s.start = s.off + a
	}
	s.off += adv
	if !ok {
		return adv, nil, nil
	}
	return adv, data[a:b], nil
}

// Scan advances to the next sentence and reports whether there is one. It
// returns false at the end of the stream or on a read error.
func (s *Scanner) Scan() bool {
	if !s.sc.Scan() {
		s.sent = Sentence{}
		return false
	}
	text := string(s.sc.Bytes())
	var toks []Token
	if !s.cut {
		toks = make([]Token, len(s.spans))
		for i, sp := range s.spans {
			a, b := sp.start-s.base, sp.end-s.base
			toks[i] = Token{Text: text[a:b], Start: s.start + a, End: s.start + b, Kind: sp.kind}
		}
	} else {
		// A sentence cut at the buffer size: its last token may differ from
		// what the split saw.
		toks = make([]Token, 0, len(text)/6+1)
		sc := scanner[string]{t: s.t, s: text}
		for {
			sp, _, ok := sc.next()
			if !ok {
				break
			}
			toks = append(toks, Token{Text: text[sp.start:sp.end], Start: s.start + sp.start, End: s.start + sp.end, Kind: sp.kind})
		}
	}
	s.sent = Sentence{Text: text, Start: s.start, End: s.start + len(text), Tokens: toks}
	return true
}

// Sentence returns the current sentence. Its Text and Tokens are its own
// and stay valid after the next Scan.
func (s *Scanner) Sentence() Sentence { return s.sent }

// Err returns the first read error, or nil at the end of the stream.
func (s *Scanner) Err() error { return s.sc.Err() }
