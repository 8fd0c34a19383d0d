package readerr

import (
	"errors"
	"io"
)

// Reader reads from R and keeps its first error other than io.EOF.
type Reader struct {
	R   io.Reader
	Err error
}

// Read reads from R.
func (r *Reader) Read(p []byte) (int, error) {
	n, err := r.R.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && r.Err == nil {
		r.Err = err
	}
	return n, err
}
