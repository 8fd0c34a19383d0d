package pipeline

import (
	"context"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/kabar-id/kabar/beam/internal/recio"
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
	err = recio.Lines(f.Metadata.Path, rc, func(n int, b []byte) {
		emit(Line{File: f.Metadata.Path, Number: n, Data: b})
	})
	if err != nil {
		return fmt.Errorf("kabar: %w", err)
	}
	return rc.Close()
}
