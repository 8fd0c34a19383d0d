package entities

// Span is the position of one mention of a Group: byte offsets into the text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Group gathers the mentions of one entity in a document.
type Group struct {
	Name     string `json:"name"`
	Label    Label  `json:"label"`
	Count    int    `json:"count"`
	Mentions []Span `json:"mentions"`
}

// GroupMentions groups the mentions of one document by entity.
func GroupMentions(ms []Mention) []Group { return nil }
