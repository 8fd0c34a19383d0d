package recio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kabar-id/kabar/internal/batch"
)

// Lines calls fn with each line of r and its 1-based number, as kabar batch
// splits its input (batch.Line): the text up to each "\n" is a line, a "\r"
// before the "\n" is dropped, a UTF-8 byte order mark at the start of line 1
// is dropped, and a last line without "\n" counts when it is not empty.
// Lines may be of any length. fn owns the slice it is given. Lines returns
// the first read error, naming name and the line it happened after.
func Lines(name string, r io.Reader, fn func(n int, line []byte)) error {
	return LinesFrom(name, r, 0, func(int64) bool { return true }, fn)
}

// LinesFrom is Lines for the part of r that a worker claims, so that one
// file can be read by several workers and still be numbered as a whole. r
// is read from its first byte. The lines that start before byte offset
// start are skipped (only counted); then, before each line, claim is called
// with the line's starting offset and reading stops when it returns false.
// So with claim(off) = off < end, fn gets exactly the lines starting in
// [start, end), with the numbers they have in the whole of r; a line that
// starts in the range and runs past end is read whole.
func LinesFrom(name string, r io.Reader, start int64, claim func(off int64) bool, fn func(n int, line []byte)) error {
	const size = 1 << 16
	br := bufio.NewReaderSize(r, size)
	n, pos := 1, int64(0)
	if start > 0 {
		// Count the newlines before byte start-1, then read to the end of
		// the line holding byte start-1: the next line starts at or after
		// start.
		for pos < start-1 {
			chunk, err := br.Peek(int(min(start-1-pos, size)))
			n += bytes.Count(chunk, newline)
			pos += int64(len(chunk))
			br.Discard(len(chunk))
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("reading %s: %w", name, err)
			}
		}
		b, err := br.ReadSlice('\n')
		for err == bufio.ErrBufferFull {
			pos += int64(len(b))
			b, err = br.ReadSlice('\n')
		}
		pos += int64(len(b))
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		n++
	}
	for ; claim(pos); n++ {
		b, err := br.ReadBytes('\n')
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading %s after line %d: %w", name, n-1, err)
		}
		pos += int64(len(b))
		fn(n, batch.Line(b, n))
		if err == io.EOF {
			return nil
		}
	}
	return nil
}

var newline = []byte{'\n'}

// AddSource returns the JSON object rec with "field":{"file":…,"line":…}
// inserted as its first field. rec must be a JSON object starting with '{'
// (as kabar writes them); field and file are escaped as JSON strings
// (invalid UTF-8 becomes U+FFFD).
func AddSource(rec []byte, field, file string, line int) []byte {
	k, _ := json.Marshal(field)
	f, _ := json.Marshal(file)
	b := make([]byte, 0, len(rec)+len(k)+len(f)+32)
	b = append(b, '{')
	b = append(b, k...)
	b = append(b, `:{"file":`...)
	b = append(b, f...)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, '}')
	if len(rec) > 0 {
		rec = rec[1:]
	}
	if rest := bytes.TrimLeft(rec, " \t\r\n"); len(rest) > 0 && rest[0] != '}' {
		b = append(b, ',')
	}
	return append(b, rec...)
}

// Terms calls fn once for each distinct content term of the record, as
// package summarize counts terms for its IDF table (summarize.LearnIDF): the
// stem of a "word" token that is not a stopword, when the stem has two runes
// or more, a letter and no white space. Tokens without a stem are skipped.
func (f *Facts) Terms(fn func(term string)) {
	seen := make(map[string]bool, len(f.Tokens))
	for _, t := range f.Tokens {
		if t.Kind != "word" || t.Stop || seen[t.Stem] || !ValidTerm(t.Stem) {
			continue
		}
		seen[t.Stem] = true
		fn(t.Stem)
	}
}

// ValidTerm reports whether a stem can be a term of the IDF table: two
// runes or more, a letter, no white space (summarize's rule).
func ValidTerm(term string) bool {
	if utf8.RuneCountInString(term) < 2 || strings.ContainsAny(term, " \t\n\r") {
		return false
	}
	for _, r := range term {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// Entities calls fn once for each distinct (label, name) of the record's
// entity groups with a name.
func (f *Facts) Entities(fn func(label, name string)) {
	seen := make(map[[2]string]bool, len(f.Groups))
	for _, g := range f.Groups {
		k := [2]string{g.Label, g.Name}
		if g.Name == "" || seen[k] {
			continue
		}
		seen[k] = true
		fn(g.Label, g.Name)
	}
}
