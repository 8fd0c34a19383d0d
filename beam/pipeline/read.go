package pipeline

import (
	"context"
	"fmt"
	"path"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/sdf"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/rtrackers/offsetrange"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/kabar-id/kabar/beam/internal/recio"
)

func init() {
	beam.RegisterType(reflect.TypeOf((*Line)(nil)).Elem())
	register.DoFn4x1[context.Context, *sdf.LockRTracker, fileio.ReadableFile, func(Line), error](&readLinesFn{})
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
// scheme (filepath.Match for local paths; gs:// and s3:// need their file
// system linked in). A glob that matches nothing fails the pipeline.
//
// Lines are numbered from 1 in each file, the way kabar batch numbers the
// lines of each JSONL input: the text up to each "\n" is a line (a "\r"
// before it is dropped), and a last line without "\n" counts when it is not
// empty. Files ending in .gz are decompressed.
//
// Reading is a splittable DoFn over the byte range of each file, like Beam's
// textio: a runner that sees a file take long splits the rest of its range
// off to another worker (Prism and Dataflow do this dynamically), so one big
// file is still analysed in parallel when the analysis is fused with the
// reading. A worker that takes over a range from the middle of a file reads
// the file from its start to count the lines before its range; .gz files
// cannot be split and are read whole by one worker.
func ReadLines(s beam.Scope, globs ...string) beam.PCollection {
	s = s.Scope("kabar.ReadLines")
	files := fileio.MatchAll(s, beam.CreateList(s, globs), fileio.MatchEmptyDisallow())
	readable := fileio.ReadMatches(s, files, fileio.ReadAutoCompression(), fileio.ReadDirectorySkip())
	return beam.ParDo(s, &readLinesFn{}, readable)
}

// readLinesFn is a splittable DoFn whose restriction is the range of byte
// offsets of a file at which the lines it emits start.
type readLinesFn struct{}

// splittable reports whether the byte offsets of f are those the reader
// sees, so that its range can be split.
func splittable(f fileio.ReadableFile) bool { return path.Ext(f.Metadata.Path) != ".gz" }

func (*readLinesFn) CreateInitialRestriction(f fileio.ReadableFile) offsetrange.Restriction {
	if !splittable(f) {
		// One offset, claimed at the start: nothing is left to split off.
		return offsetrange.Restriction{Start: 0, End: 1}
	}
	return offsetrange.Restriction{Start: 0, End: f.Metadata.Size}
}

func (*readLinesFn) SplitRestriction(_ fileio.ReadableFile, rest offsetrange.Restriction) []offsetrange.Restriction {
	// No initial split: a part starting at byte k reads the k bytes before
	// it to count lines, so fixed initial blocks would cost quadratic reading.
	// Runners still split dynamically, where it pays.
	return []offsetrange.Restriction{rest}
}

func (*readLinesFn) RestrictionSize(_ fileio.ReadableFile, rest offsetrange.Restriction) float64 {
	return rest.Size()
}

func (*readLinesFn) CreateTracker(rest offsetrange.Restriction) *sdf.LockRTracker {
	return sdf.NewLockRTracker(offsetrange.NewTracker(rest))
}

func (*readLinesFn) ProcessElement(ctx context.Context, rt *sdf.LockRTracker, f fileio.ReadableFile, emit func(Line)) error {
	rc, err := f.Open(ctx)
	if err != nil {
		return fmt.Errorf("kabar: opening %s: %w", f.Metadata.Path, err)
	}
	defer rc.Close()
	emitLine := func(n int, b []byte) { emit(Line{File: f.Metadata.Path, Number: n, Data: b}) }
	refused := false
	claim := func(off int64) bool {
		ok := rt.TryClaim(off)
		refused = !ok
		return ok
	}
	if !splittable(f) {
		if !claim(0) {
			return nil
		}
		err = recio.Lines(f.Metadata.Path, rc, emitLine)
	} else {
		start := rt.GetRestriction().(offsetrange.Restriction).Start
		err = recio.LinesFrom(f.Metadata.Path, rc, start, claim, emitLine)
	}
	if err != nil {
		return fmt.Errorf("kabar: %w", err)
	}
	if !refused {
		// Reading stopped at the end of the file, before the end of the
		// range: claim the end so that the tracker knows the work is done.
		rt.TryClaim(rt.GetRestriction().(offsetrange.Restriction).End)
	}
	return nil
}
