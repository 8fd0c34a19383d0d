package entities

import "errors"

// Errors returned by Load, ReadCoNLL, Train and the options.
var (
	// ErrBadModel reports a model file that is corrupt, truncated, of
	// another version or not a kabar entity model at all.
	ErrBadModel = errors.New("entities: bad model file")
	// ErrUnknownLabel reports a label or entity type name with no mapping.
	ErrUnknownLabel = errors.New("entities: unknown label")
	// ErrInvalidUTF8 reports input that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("entities: invalid UTF-8")
	// ErrNoData reports training without any example.
	ErrNoData = errors.New("entities: no training data")
)
