package batch

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/jsonscan"
)

type jsonlSink struct{ w *bufio.Writer }

// JSONLSink returns a Sink writing each output record as one line to w.
// The caller flushes w.
func JSONLSink(w *bufio.Writer) Sink { return jsonlSink{w} }

func (s jsonlSink) Write(r *kabar.Result, line []byte) error {
	if line == nil {
		if err := r.WriteJSON(s.w); err != nil {
			return err
		}
	} else {
		s.w.Write(line)
	}
	return s.w.WriteByte('\n')
}

// FailedRecord reports whether line, an output record, is that of a record
// that failed: whether its object has the top-level key "error" (an input
// field of that name is written as "input_error", see
// [kabar.OutputKey]). Resuming a run counts the failures kept from before.
func FailedRecord(line []byte) bool {
	i := jsonscan.SkipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	for i++; ; {
		i = jsonscan.SkipSpace(line, i)
		if i >= len(line) || line[i] != '"' {
			return false
		}
		j := jsonscan.SkipString(line, i)
		if string(line[i:j]) == `"error"` {
			return true
		}
		i = jsonscan.SkipSpace(line, j)
		if i >= len(line) || line[i] != ':' {
			return false
		}
		i = jsonscan.SkipValue(line, jsonscan.SkipSpace(line, i+1))
		i = jsonscan.SkipSpace(line, i)
		if i >= len(line) || line[i] != ',' {
			return false
		}
		i++
	}
}

// Resume prepares the output file of an interrupted run for appending: it
// counts the complete lines of f (those ending in a newline), calls each
// (when not nil) with every one of them, truncates a partial last line, and
// leaves f positioned at its end. It returns the number of complete lines,
// which is the number of input records to skip, assuming the input is the
// same as in the interrupted run.
func Resume(f *os.File, each func(line []byte) error) (int64, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	var n, end int64
	for {
		b, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull { // a long line: gather it whole
			var long bytes.Buffer
			long.Write(b)
			for err == bufio.ErrBufferFull {
				b, err = br.ReadSlice('\n')
				long.Write(b)
			}
			b = long.Bytes()
		}
		if err == io.EOF {
			break // b, if any, is a partial line
		}
		if err != nil {
			return 0, err
		}
		n++
		end += int64(len(b))
		if each != nil {
			if err := each(trimEOL(b)); err != nil {
				return 0, fmt.Errorf("line %d: %w", n, err)
			}
		}
	}
	if err := f.Truncate(end); err != nil {
		return 0, err
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		return 0, err
	}
	return n, nil
}
