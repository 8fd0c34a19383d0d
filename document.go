package kabar

import (
	"encoding/json"
	"hash/maphash"
	"sync"
	"unicode/utf8"

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
// entities.
func newStats(text string, sents []tokenize.Sentence, stems []string, stop []bool, d *Document) *Stats {
	s := &Stats{
		Bytes:     len(text),
		Chars:     utf8.RuneCountInString(text),
		Sentences: len(sents),
		Entities:  len(d.Entities),
		Groups:    len(d.Groups),
	}
	var set *stringSet
	if stems != nil {
		set = getStringSet(min(len(stems)/4, 1<<12))
		defer putStringSet(set)
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
				} else if st := stems[k]; st != "" {
					set.add(st)
				}
			case tokenize.Number:
				s.Numbers++
			}
			k++
		}
	}
	s.Tokens = k
	if set != nil {
		s.UniqueStems = len(set.keys)
	}
	if len(d.Entities) > 0 {
		s.EntitiesByLabel = make(map[string]int)
		for _, m := range d.Entities {
			s.EntitiesByLabel[m.Label.String()]++
		}
	}
	return s
}

// stringSet is a set of strings: an open-addressing hash table, faster than
// a map for counting the distinct stems of a text, and reused through
// stringSets.
type stringSet struct {
	slots []uint64 // high 32 bits: hash tag; low 32 bits: 1 + index in keys (0: empty)
	keys  []string
}

var (
	stringSets = sync.Pool{New: func() any { return new(stringSet) }}
	setSeed    = maphash.MakeSeed() // set once, when the package is initialised
)

// getStringSet returns an empty set for about n strings.
func getStringSet(n int) *stringSet {
	s := stringSets.Get().(*stringSet)
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(s.slots) < size || len(s.slots) > 4*size { // emptying it costs its size
		s.slots = make([]uint64, size)
	}
	return s
}

// putStringSet empties s and keeps it for reuse, unless it grew large.
func putStringSet(s *stringSet) {
	if len(s.slots) > 1<<16 {
		return
	}
	clear(s.slots)
	clear(s.keys)
	s.keys = s.keys[:0]
	stringSets.Put(s)
}

// add adds k to the set.
func (s *stringSet) add(k string) {
	h := maphash.String(setSeed, k)
	mask := uint64(len(s.slots) - 1)
	tag := h &^ 0xFFFFFFFF
	i := h & mask
	for {
		e := s.slots[i]
		if e == 0 {
			break
		}
		if e&^0xFFFFFFFF == tag && s.keys[uint32(e)-1] == k {
			return
		}
		i = (i + 1) & mask
	}
	s.keys = append(s.keys, k)
	s.slots[i] = tag | uint64(len(s.keys))
	if 2*len(s.keys) > len(s.slots) {
		s.grow()
	}
}

func (s *stringSet) grow() {
	s.slots = make([]uint64, 2*len(s.slots))
	mask := uint64(len(s.slots) - 1)
	for j, k := range s.keys {
		h := maphash.String(setSeed, k)
		i := h & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = h&^0xFFFFFFFF | uint64(j+1)
	}
}
