package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*Line)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Line), error](&readLinesFn{})
	register.Emitter1[Line]()
}

// Line is one line of an input file, without its line ending, with its
// 1-based number in that file.
type Line struct {
	File   string // path of the input file, as matched by the glob
	Number int    // 1-based line number in File
	Data   []byte // the line without "\n" or "\r\n"
}

// ReadLines returns the lines of the files matching the globs, as a
// PCollection<Line>. Globs use the syntax of the Beam file system of their
// scheme (filepath.Match for local paths, gs:// and s3:// need their file
// system imported). A glob that matches nothing fails the pipeline.
//
// Lines are numbered from 1 in each file, the way kabar batch numbers the
// lines of its single input: the text up to each "\n" is a line (a "\r"
// before it is dropped), and a last line without "\n" counts when it is not
// empty. Files ending in .gz, .bz2 and the other extensions Beam knows are
// decompressed. Each file is read whole by one worker, then the lines are
// redistributed (beam.Reshuffle) so that analysing them is spread over all
// workers even when the input is one big file.
func ReadLines(s beam.Scope, globs ...string) beam.PCollection {
	s = s.Scope("kabar.ReadLines")
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadAutoCompression(), fileio.ReadDirectorySkip())
	lines := beam.ParDo(s, &readLinesFn{}, readable)
	return beam.Reshuffle(s, lines)
}

type readLinesFn struct{}

func (*readLinesFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Line)) error {
	rc, err := f.Open(ctx)
	if err != nil {
		return fmt.Errorf("kabar: opening %s: %w", f.Metadata.Path, err)
	}
	defer rc.Close()
	if err := readLines(f.Metadata.Path, rc, emit); err != nil {
		return err
	}
	return rc.Close()
}

// readLines splits r into numbered lines like kabar batch does.
func readLines(name string, r io.Reader, emit func(Line)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	for n := 1; ; n++ {
		b, err := br.ReadBytes('\n')
		if len(b) == 0 && err == io.EOF {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("kabar: reading %s after line %d: %w", name, n-1, err)
		}
		emit(Line{File: name, Number: n, Data: trimEOL(b)})
		if err == io.EOF {
			return nil
		}
	}
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}
