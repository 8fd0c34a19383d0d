package stem

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kabar-id/kabar/internal/readerr"
)

// ErrEmptyDictionary is returned by New when a dictionary given with
// WithDictionary holds no word.
var ErrEmptyDictionary = errors.New("stem: empty dictionary")

// ErrMalformedLine is wrapped by the errors New returns for a dictionary,
// stopword or override line that is not a valid entry.
var ErrMalformedLine = errors.New("stem: malformed line")

// maxWordLen is the longest dictionary word, and the longest word (in
// bytes) the affix stripper works on; longer words are returned unchanged.
const maxWordLen = 48

// wordSet is an immutable open-addressing hash set of lower-case words.
// Lookups take a []byte and do not allocate; they return the set's own
// copy of the word, so a stem found in the set costs no allocation.
type wordSet struct {
	words []string
	cls   []uint16 // affix classes per word (see classBits); nil when none
	slots []uint64 // high 32 bits: hash tag; low 32 bits: index+1 into words (0: empty)
	mask  uint64
	// filter has one bit per word's hash (the top fshift bits, about 16
	// bits per word, at most 128 KiB): most lookups of non-words stop
	// here, in an array that stays in cache, instead of touching the
	// larger slot table.
	filter []uint64
	fshift uint
}

func (s *wordSet) mayHave(h uint64) bool {
	b := h >> s.fshift
	return s.filter[b>>6]&(1<<(b&63)) != 0
}

// hashBytes hashes a word eight bytes at a time, with a final
// avalanche (the mixing constants of splitmix64), so that the filter bits,
// the slot index and the tag are all well spread.
func hashBytes(b []byte) uint64 {
	h := uint64(len(b)) * 0x9E3779B97F4A7C15
	for len(b) >= 8 {
		v := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		h = (h ^ v) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		b = b[8:]
	}
	var v uint64
	for i, c := range b {
		v |= uint64(c) << (8 * i)
	}
	return mix(h ^ v)
}

func hashString(s string) uint64 {
	h := uint64(len(s)) * 0x9E3779B97F4A7C15
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ v) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return mix(h ^ v)
}

func mix(h uint64) uint64 {
	h *= 0x94d049bb133111eb
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}

func newWordSet(words []string) *wordSet { return newWordSetClasses(words, nil) }

// newWordSetClasses builds a set whose word i takes the affix classes
// cls[i]; a repeated word gets the union of its classes.
func newWordSetClasses(words []string, cls []uint16) *wordSet {
	n := 16
	for n < 2*len(words) {
		n <<= 1
	}
	bits := uint(10)
	for bits < 20 && 1<<bits < 16*len(words) {
		bits++
	}
	s := &wordSet{slots: make([]uint64, n), mask: uint64(n - 1), words: make([]string, 0, len(words)),
		filter: make([]uint64, 1<<bits/64), fshift: 64 - bits}
	if cls != nil {
		s.cls = make([]uint16, 0, len(words))
	}
	for i, w := range words {
		var c uint16
		if cls != nil {
			c = cls[i]
		}
		s.add(w, c)
	}
	return s
}

func (s *wordSet) add(w string, c uint16) {
	h := hashString(w)
	i := h & s.mask
	for {
		j := uint32(s.slots[i])
		if j == 0 {
			break
		}
		if s.words[j-1] == w {
			if s.cls != nil {
				s.cls[j-1] |= c
			}
			return
		}
		i = (i + 1) & s.mask
	}
	s.words = append(s.words, w)
	if s.cls != nil {
		s.cls = append(s.cls, c)
	}
	s.slots[i] = h&^0xFFFFFFFF | uint64(len(s.words))
	b := h >> s.fshift
	s.filter[b>>6] |= 1 << (b & 63)
}

// find returns the index of b in the set, or -1.
func (s *wordSet) find(b []byte) int {
	if s == nil || len(s.words) == 0 {
		return -1
	}
	h := hashBytes(b)
	if !s.mayHave(h) {
		return -1
	}
	tag := h &^ 0xFFFFFFFF
	i := h & s.mask
	for {
		e := s.slots[i]
		if e == 0 {
			return -1
		}
		if e&^0xFFFFFFFF == tag {
			if j := uint32(e); s.words[j-1] == string(b) {
				return int(j - 1)
			}
		}
		i = (i + 1) & s.mask
	}
}

// findString is find for a string.
func (s *wordSet) findString(w string) int {
	if s == nil || len(s.words) == 0 {
		return -1
	}
	h := hashString(w)
	if !s.mayHave(h) {
		return -1
	}
	tag := h &^ 0xFFFFFFFF
	i := h & s.mask
	for {
		e := s.slots[i]
		if e == 0 {
			return -1
		}
		if e&^0xFFFFFFFF == tag {
			if j := uint32(e); s.words[j-1] == w {
				return int(j - 1)
			}
		}
		i = (i + 1) & s.mask
	}
}

// classes returns the affix classes of word index i.
func (s *wordSet) classes(i int) uint16 {
	if s.cls == nil || i < 0 {
		return 0
	}
	return s.cls[i]
}

// get returns the set's copy of b and whether b is in the set.
func (s *wordSet) get(b []byte) (string, bool) {
	if s == nil || len(s.words) == 0 {
		return "", false
	}
	i := s.find(b)
	if i < 0 {
		return "", false
	}
	return s.words[i], true
}

func (s *wordSet) has(b []byte) bool { _, ok := s.get(b); return ok }

func (s *wordSet) hasString(w string) bool {
	if s == nil || len(s.words) == 0 {
		return false
	}
	h := hashString(w)
	if !s.mayHave(h) {
		return false
	}
	tag := h &^ 0xFFFFFFFF
	i := h & s.mask
	for {
		e := s.slots[i]
		if e == 0 {
			return false
		}
		if e&^0xFFFFFFFF == tag && s.words[uint32(e)-1] == w {
			return true
		}
		i = (i + 1) & s.mask
	}
}

// len returns the number of words in the set.
func (s *wordSet) len() int {
	if s == nil {
		return 0
	}
	return len(s.words)
}

// parseWordList reads one word per line. Blank lines are skipped, and a
// # starts a comment (at the start of a line, or after white space). Words
// are lower-cased. A word must consist of letters a–z with single inner
// hyphens and be at most maxWordLen bytes; anything else is an error that
// names the list and the line. The embedded lists follow the same rules.
func parseWordList(r io.Reader, name string) ([]string, error) {
	var words []string
	err := eachLine(r, name, func(line string, n int) error {
		w, err := checkWord(line)
		if err != nil {
			return fmt.Errorf("%w: %s line %d: %v", ErrMalformedLine, name, n, err)
		}
		words = append(words, w)
		return nil
	})
	return words, err
}

// Affix classes a root takes, from the dictionary's second column.
const (
	clsBer uint16 = 1 << iota // B ber-, be-
	clsMe                     // M me-, meN-
	clsDi                     // D di-
	clsPe                     // P pe-, peN-
	clsPer                    // R per-
	clsTer                    // T ter-, te-
	clsKe                     // K ke-
	clsSe                     // S se-
	clsKu                     // O ku-, kau-
	clsAn                     // a -an
	clsKan                    // k -kan
	clsI                      // i -i
)

const classLetters = "BMDPRTKSOaki"

// parseRootList reads a root dictionary: one word per line, optionally
// followed by white space and its affix class letters (classLetters).
func parseRootList(r io.Reader, name string) (words []string, cls []uint16, err error) {
	err = eachLine(r, name, func(line string, n int) error {
		word, rest, _ := strings.Cut(line, "\t")
		if rest == "" {
			word, rest, _ = strings.Cut(line, " ")
		}
		w, err := checkWord(strings.TrimSpace(word))
		if err != nil {
			return fmt.Errorf("%w: %s line %d: %v", ErrMalformedLine, name, n, err)
		}
		var c uint16
		for _, l := range []byte(strings.TrimSpace(rest)) {
			i := strings.IndexByte(classLetters, l)
			if i < 0 {
				return fmt.Errorf("%w: %s line %d: affix class %q is not one of %s", ErrMalformedLine, name, n, l, classLetters)
			}
			c |= 1 << i
		}
		words = append(words, w)
		cls = append(cls, c)
		return nil
	})
	return words, cls, err
}

// eachLine calls f for every non-blank, non-comment line of r, with
// comments and surrounding white space removed, and its 1-based number.
func eachLine(r io.Reader, name string, f func(line string, n int) error) (err error) {
	rr := &readerr.Reader{R: r}
	defer rr.Fix(&err, "stem: reading %s: %w", name)
	sc := bufio.NewScanner(rr)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		b := sc.Bytes()
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		if i := bytes.IndexByte(b, '#'); i >= 0 {
			if i > 0 && b[i-1] != ' ' && b[i-1] != '\t' {
				return fmt.Errorf("%w: %s line %d: '#' inside a word", ErrMalformedLine, name, n)
			}
			b = b[:i]
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			continue
		}
		if err := f(string(b), n); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("stem: reading %s after line %d: %w", name, n, err)
	}
	return nil
}

// checkWord validates and lower-cases one word of a list.
func checkWord(s string) (string, error) {
	if len(s) > maxWordLen {
		return "", fmt.Errorf("%.20q… is longer than %d bytes", s, maxWordLen)
	}
	lower := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			lower = false
		case c == '-' && i > 0 && i < len(s)-1 && s[i-1] != '-':
		default:
			return "", fmt.Errorf("%q is not one word of letters a-z (inner hyphens allowed)", s)
		}
	}
	if !lower {
		s = strings.ToLower(s)
	}
	return s, nil
}
