package kabar

import (
	"encoding/json"
	"hash/maphash"
	"math/bits"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// Document is the analysis of one text. Its JSON field names are a stable
// contract shared by every kabar subcommand, described by
// schema/document.schema.json; offsets are byte offsets into the analysed
// text. Fields of stages that did not run, and empty lists, are omitted.
type Document struct {
	ID        json.RawMessage      `json:"id,omitempty"`        // the input record's id, as written
	Sentences []Sentence           `json:"sentences,omitempty"` // in text order
	Tokens    []Token              `json:"tokens,omitempty"`    // in text order
	Entities  []entities.Mention   `json:"entities,omitempty"`  // in text order
	Groups    []entities.Group     `json:"groups,omitempty"`    // mentions of one entity together
	Summary   []summarize.Sentence `json:"summary,omitempty"`   // in text order
	Keywords  []summarize.Keyword  `json:"keywords,omitempty"`  // best first
	Stats     *Stats               `json:"stats,omitempty"`
	Error     string               `json:"error,omitempty"` // set only on records that failed
}

// Mention is an entity mention of a Document (package entities' type).
type Mention = entities.Mention

// Sentence is a sentence of a Document. Start and End are byte offsets into
// the text: text[Start:End] == Text. Its tokens are
// Document.Tokens[FirstToken:FirstToken+Tokens].
type Sentence struct {
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	FirstToken int    `json:"first_token"`
	Tokens     int    `json:"n_tokens"`
}

// Token is a token of a Document. Start and End are byte offsets into the
// text: text[Start:End] == Text. Sentence is the index of its sentence in
// Document.Sentences. Stem (the root, lower-cased) and Stop (a stopword) are
// set on word tokens when the stem stage runs.
type Token struct {
	Text     string        `json:"text"`
	Start    int           `json:"start"`
	End      int           `json:"end"`
	Kind     tokenize.Kind `json:"kind"`
	Sentence int           `json:"sentence"`
	Stem     string        `json:"stem,omitempty"`
	Stop     bool          `json:"stop,omitempty"`
}

// Stats holds simple counts for a Document.
type Stats struct {
	Bytes           int            `json:"bytes"`                       // length of the text in bytes
	Chars           int            `json:"chars"`                       // length of the text in runes
	Sentences       int            `json:"sentences"`                   // number of sentences
	Tokens          int            `json:"tokens"`                      // number of tokens of any kind
	Words           int            `json:"words"`                       // tokens of kind word
	Numbers         int            `json:"numbers"`                     // tokens of kind number
	Stopwords       int            `json:"stopwords"`                   // word tokens that are stopwords (stem stage)
	UniqueStems     int            `json:"unique_stems"`                // distinct stems of the non-stopword words (stem stage)
	Entities        int            `json:"entities"`                    // entity mentions (entity stage)
	EntitiesByLabel map[string]int `json:"entities_by_label,omitempty"` // mentions per label, e.g. {"PER":3}
	Groups          int            `json:"groups"`                      // distinct entities (entity stage)
}

// newStats counts d's text, the tokens of sents and their stems and
// stopword flags (nil when the stem stage is not reported), and d's
// entities. uniqueStems is the number of distinct stems of the words that
// are not stopwords (see [Analyzer.stem]), reported with the stems.
func newStats(text string, sents []tokenize.Sentence, stems []string, stop []bool, uniqueStems int, d *Document) *Stats {
	s := &Stats{
		Bytes:     len(text),
		Chars:     runeCount(text),
		Sentences: len(sents),
		Entities:  len(d.Entities),
		Groups:    len(d.Groups),
	}
	if stems != nil {
		s.UniqueStems = uniqueStems
	}
	k := 0
	for _, se := range sents {
		for _, t := range se.Tokens {
			switch t.Kind {
			case tokenize.Word:
				s.Words++
				if stems == nil {
					break
				}
				if stop[k] {
					s.Stopwords++
				}
			case tokenize.Number:
				s.Numbers++
			}
			k++
		}
	}
	s.Tokens = k
	if len(d.Entities) > 0 {
		s.EntitiesByLabel = make(map[string]int)
		for _, m := range d.Entities {
			s.EntitiesByLabel[m.Label.String()]++
		}
	}
	return s
}

// runeCount is utf8.RuneCountInString for valid UTF-8, eight bytes at a
// time: the count of bytes that are not continuation bytes (10xxxxxx).
// News text is mostly ASCII, which the library function decodes byte by
// byte.
func runeCount(s string) int {
	const high, next = 0x8080808080808080, 0x4040404040404040
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s[i:])
		// a continuation byte has bit 7 set and bit 6 clear
		n += 8 - bits.OnesCount64(x&high&^(x<<1))
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// setSeed seeds the hashes of the stem caches; set once, when the package
// is initialised.
var setSeed = maphash.MakeSeed()
