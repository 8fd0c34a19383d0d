package entities

import "github.com/kabar-id/kabar/tokenize"

// postprocess adjusts the model's spans to the shapes of news text.
func (r *Recognizer) postprocess(text string, toks []tokenize.Token, s *scratch, spans []TokenSpan) []TokenSpan {
	return spans
}
