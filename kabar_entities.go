package kabar

import (
	"errors"

	"github.com/kabar-id/kabar/entities"
)

// WithRecognizer sets the entity recognizer of the entity stage (default:
// entities.New() with the embedded model), for a user-trained model or
// user gazetteers.
func WithRecognizer(r *entities.Recognizer) Option {
	return func(a *Analyzer) error {
		if r == nil {
			return errors.New("kabar: nil entity recognizer")
		}
		a.rec = r
		return nil
	}
}
