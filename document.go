package kabar

import (
	"encoding/json"

	"github.com/kabar-id/kabar/entities"
	"github.com/kabar-id/kabar/summarize"
	"github.com/kabar-id/kabar/tokenize"
)

// Document is the analysis of one text. Its JSON field names are a stable
// contract shared by every kabar subcommand; offsets are byte offsets into
// the analysed text. Fields of stages that did not run are omitted.
type Document struct {
	ID        json.RawMessage      `json:"id,omitempty"`
	Sentences []Sentence           `json:"sentences,omitempty"`
	Tokens    []Token              `json:"tokens,omitempty"`
	Entities  []entities.Mention   `json:"entities,omitempty"`
	Groups    []entities.Group     `json:"groups,omitempty"`
	Summary   []summarize.Sentence `json:"summary,omitempty"`
	Keywords  []summarize.Keyword  `json:"keywords,omitempty"`
	Stats     *Stats               `json:"stats,omitempty"`
	Error     string               `json:"error,omitempty"`
}

// Sentence is a sentence of a Document. Its tokens are
// Document.Tokens[FirstToken:FirstToken+Tokens].
type Sentence struct {
	Text       string `json:"text"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	FirstToken int    `json:"first_token"`
	Tokens     int    `json:"n_tokens"`
}

// Token is a token of a Document with its stem and stopword flag.
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
	Bytes     int `json:"bytes"`
	Sentences int `json:"sentences"`
	Tokens    int `json:"tokens"`
	Words     int `json:"words"`
}
