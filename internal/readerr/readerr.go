package readerr

import (
	"errors"
	"fmt"
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

// Fix replaces *err, when it is set and the reader has failed, by
// fmt.Errorf(format, a..., the reader's error): the parse error was that of
// a line the failure cut short. Parsers defer it.
func (r *Reader) Fix(err *error, format string, a ...any) {
	if *err != nil && r.Err != nil {
		*err = fmt.Errorf(format, append(a, r.Err)...)
	}
}
