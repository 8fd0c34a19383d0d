package tokeneval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// UDSentence is a sentence of a CoNLL-U file: its raw text and its surface
// tokens with their syntactic words.
type UDSentence struct {
	ID     string
	Text   string
	Tokens []UDToken
}

// UDToken is a surface token; Words holds its syntactic words (one for an
// ordinary token, two or more for a multiword token).
type UDToken struct {
	Form  string
	Words []string
}

// ReadCoNLLU reads the sentences of a CoNLL-U file.
func ReadCoNLLU(path string) ([]UDSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseCoNLLU(f, path)
}

// ParseCoNLLU reads the sentences of CoNLL-U data; name labels errors.
func ParseCoNLLU(r io.Reader, path string) ([]UDSentence, error) {
	var out []UDSentence
	var cur UDSentence
	mwEnd := 0 // last word id of the current multiword token
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case line == "":
			if cur.Text != "" || len(cur.Tokens) > 0 {
				out = append(out, cur)
			}
			cur, mwEnd = UDSentence{}, 0
			continue
		case strings.HasPrefix(line, "# text ="):
			cur.Text = strings.TrimSpace(strings.TrimPrefix(line, "# text ="))
			continue
		case strings.HasPrefix(line, "# sent_id ="):
			cur.ID = strings.TrimSpace(strings.TrimPrefix(line, "# sent_id ="))
			continue
		case strings.HasPrefix(line, "#"):
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 {
			return nil, fmt.Errorf("%s:%d: want 10 columns, got %d", path, n, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || hi < lo {
				return nil, fmt.Errorf("%s:%d: bad range %q", path, n, id)
			}
			cur.Tokens = append(cur.Tokens, UDToken{Form: cols[1]})
			mwEnd = hi
			continue
		}
		w, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad id %q", path, n, id)
		}
		if w <= mwEnd && len(cur.Tokens) > 0 {
			t := &cur.Tokens[len(cur.Tokens)-1]
			t.Words = append(t.Words, cols[1])
			continue
		}
		cur.Tokens = append(cur.Tokens, UDToken{Form: cols[1], Words: []string{cols[1]}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cur.Text != "" || len(cur.Tokens) > 0 {
		out = append(out, cur)
	}
	return out, nil
}
