// Package tokeneval scores kabar's tokenizer and sentence splitter against
// the Universal Dependencies Indonesian treebanks (GSD, CSUI): tokens F1,
// syntactic words F1 and sentences F1 on documents rebuilt from the
// treebanks' raw `# text` lines.
//
// # Documents
//
// Neither treebank marks documents (no `# newdoc`), and GSD's sentences are
// shuffled, so documents are fixed-size groups of consecutive sentences in
// file order ([DocSize] sentences each). Within a document, the layout
// decides what separates two sentences:
//
//   - [News]: a space after a sentence that ends with . ? ! or … (before any
//     closing quotes or brackets), as in a paragraph of running text, and a
//     line break after any other sentence: in news such lines are headlines,
//     bylines and list headings ("Kisah pendiri Facebook dibuat komik"), which
//     stand on their own line. This is the layout of the targets.
//   - [RunOn]: a space after every sentence, as if the whole document were
//     one paragraph with headlines glued into it: a stress test, since a
//     sentence without final punctuation cannot be told from the next one.
//
// # Scores
//
// Every unit is a byte span of the document. A predicted unit counts as
// correct when a gold unit has exactly the same span. Tokens are UD surface
// tokens (a multiword token such as "perjuangannya" counts once); words are
// UD syntactic words (perjuangan + nya), whose spans come from the surface
// token when the words spell it exactly; sentences are `# text` lines.
//
// # Data
//
// The treebanks live in ../shared/data/ud beside the repository and are
// licensed CC BY-SA 4.0; nothing of them is copied into kabar.
package tokeneval

import (
	"bufio"
	"fmt"
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
	var out []UDSentence
	var cur UDSentence
	mwEnd := 0 // last word id of the current multiword token
	sc := bufio.NewScanner(f)
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
		if w <= mwEnd {
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
