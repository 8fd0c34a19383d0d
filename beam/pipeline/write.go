package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardKeyFn{})
	register.DoFn2x0[int, func(int, string)](&emptyShardFn{})
	register.DoFn4x1[context.Context, int, func(*string) bool, func(string), error](&writeShardFn{})
	register.DoFn3x1[context.Context, string, func(string), error](&writeBundleFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&finalizeFn{})
	register.Emitter1[string]()
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// ShardName returns the name of shard i of n for the file name prefix and
// suffix: prefix-00002-of-00008suffix.
func ShardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// WriteSharded writes the lines of col, a PCollection<string>, to files
// named ShardName(prefix, suffix, i, n) for i from 0 to n-1, one line per
// element followed by "\n"; empty elements are not written. Any file of that
// name pattern left by an earlier run with another n is removed, so the
// prefix belongs to this output.
//
// With n = 0 the runner decides: each bundle of col is written to a file of
// its own by the worker that made it, in the same fused stage, and the files
// are renamed to their shard names at the end, when n is known. The lines
// never go through a shuffle, which makes this the cheap way, but how many
// files there are and which lines share one depends on how the runner cut
// the work into bundles. A retried bundle writes a new file; files of failed
// attempts are removed at the end. At least one file is written.
//
// With n > 0 exactly n files are written, empty ones too, so that a reader
// can check that none is missing. Which shard a line goes to depends only on
// its bytes (FNV-1a hash modulo n), so a rerun on the same input puts the
// same lines in the same files. The lines are shuffled to one worker per
// shard, which costs a pass of all the data through the runner.
//
// Either way the order of lines inside a file is the order the runner
// delivered them in. It panics if n < 0.
func WriteSharded(s beam.Scope, prefix, suffix string, n int, col beam.PCollection) {
	if n < 0 {
		panic(fmt.Sprintf("kabar: WriteSharded with %d shards", n))
	}
	s = s.Scope("kabar.WriteSharded")
	filesystem.ValidateScheme(prefix)
	var names beam.PCollection
	fin := &finalizeFn{Prefix: prefix, Suffix: suffix}
	if n == 0 {
		fin.TmpDir = prefix + ".tmp-" + randomID()
		fin.Rename = true
		names = beam.ParDo(s, &writeBundleFn{TmpDir: fin.TmpDir, Suffix: suffix}, col)
	} else {
		keyed := beam.ParDo(s, &shardKeyFn{N: n}, col)
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		empty := beam.ParDo(s, &emptyShardFn{}, beam.CreateList(s, idx))
		groups := beam.GroupByKey(s, beam.Flatten(s, keyed, empty))
		names = beam.ParDo(s, &writeShardFn{Prefix: prefix, Suffix: suffix, N: n}, groups)
	}
	// The empty name makes sure the final step runs, even without files.
	all := beam.GroupByKey(s, beam.AddFixedKey(s, beam.Flatten(s, names, beam.Create(s, ""))))
	beam.ParDo0(s, fin, all)
}

func randomID() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

type shardKeyFn struct {
	N int `json:"n"`
}

func (f *shardKeyFn) ProcessElement(line string, emit func(int, string)) {
	h := fnv.New32a()
	io.WriteString(h, line)
	emit(int(h.Sum32()%uint32(f.N)), line)
}

// emptyShardFn makes sure every shard gets a group, so that its file is
// written even when no line hashes to it.
type emptyShardFn struct{}

func (*emptyShardFn) ProcessElement(i int, emit func(int, string)) { emit(i, "") }

// writeShardFn writes one shard of a fixed number of them and emits its name.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	N      int    `json:"n"`
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool, emit func(string)) error {
	name := ShardName(f.Prefix, f.Suffix, shard, f.N)
	err := writeFile(ctx, name, func(w *bufio.Writer) error {
		var line string
		for lines(&line) {
			if line == "" {
				continue
			}
			w.WriteString(line)
			if err := w.WriteByte('\n'); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	emit(name)
	return nil
}

// writeBundleFn writes the lines of each bundle to a new file in TmpDir and
// emits the file's name when the bundle ends.
type writeBundleFn struct {
	TmpDir string `json:"tmp_dir"`
	Suffix string `json:"suffix"`

	name string
	wc   io.WriteCloser
	w    *bufio.Writer
}

func (f *writeBundleFn) ProcessElement(ctx context.Context, line string, _ func(string)) error {
	if line == "" {
		return nil
	}
	if f.w == nil {
		f.name = joinPath(f.TmpDir, randomID()+f.Suffix)
		fs, err := filesystem.New(ctx, f.name)
		if err != nil {
			return fmt.Errorf("kabar: %w", err)
		}
		f.wc, err = fs.OpenWrite(ctx, f.name)
		fs.Close()
		if err != nil {
			return fmt.Errorf("kabar: creating %s: %w", f.name, err)
		}
		f.w = bufio.NewWriterSize(f.wc, 1<<20)
	}
	f.w.WriteString(line)
	if err := f.w.WriteByte('\n'); err != nil {
		return fmt.Errorf("kabar: writing %s: %w", f.name, err)
	}
	return nil
}

func (f *writeBundleFn) FinishBundle(ctx context.Context, emit func(string)) error {
	if f.w == nil {
		return nil
	}
	err := f.w.Flush()
	if cerr := f.wc.Close(); err == nil {
		err = cerr
	}
	name := f.name
	f.name, f.wc, f.w = "", nil, nil
	if err != nil {
		return fmt.Errorf("kabar: writing %s: %w", name, err)
	}
	emit(name)
	return nil
}

// finalizeFn gets the names of all files written. With Rename, they are
// temporary bundle files in TmpDir: it renames them to their shard names,
// then removes what failed attempts left in TmpDir. Either way it removes
// shard files of the same prefix and suffix that this run did not write.
type finalizeFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	TmpDir string `json:"tmp_dir"`
	Rename bool   `json:"rename"`
}

func (f *finalizeFn) ProcessElement(ctx context.Context, _ int, names func(*string) bool) error {
	var files []string
	var name string
	for names(&name) {
		if name != "" {
			files = append(files, name)
		}
	}
	slices.Sort(files)
	fs, err := filesystem.New(ctx, f.Prefix)
	if err != nil {
		return fmt.Errorf("kabar: %w", err)
	}
	defer fs.Close()
	keep := make(map[string]bool)
	if f.Rename {
		if len(files) == 0 { // no line at all: one empty file
			name := ShardName(f.Prefix, f.Suffix, 0, 1)
			if err := writeFile(ctx, name, func(*bufio.Writer) error { return nil }); err != nil {
				return err
			}
			keep[name] = true
		}
		for i, tmp := range files {
			final := ShardName(f.Prefix, f.Suffix, i, len(files))
			if err := move(ctx, fs, tmp, final); err != nil {
				return err
			}
			keep[final] = true
		}
		if left, err := fs.List(ctx, joinPath(f.TmpDir, "*")); err == nil {
			for _, l := range left {
				remove(ctx, fs, l)
			}
		}
		remove(ctx, fs, f.TmpDir) // an empty local directory; elsewhere nothing
	} else {
		for _, name := range files {
			keep[name] = true
		}
	}
	if strings.ContainsAny(f.Prefix+f.Suffix, `*?[\`) {
		return nil // the pattern would not match the names literally
	}
	old, err := fs.List(ctx, f.Prefix+"-?????-of-?????"+f.Suffix)
	if err != nil {
		return fmt.Errorf("kabar: listing old shards: %w", err)
	}
	for _, o := range old {
		if !keep[o] {
			if err := remove(ctx, fs, o); err != nil {
				return fmt.Errorf("kabar: removing old shard %s: %w", o, err)
			}
		}
	}
	return nil
}

// move renames from to to on fs. A retried final step finds some files
// already moved: a missing from with an existing to counts as done.
func move(ctx context.Context, fs filesystem.Interface, from, to string) error {
	var err error
	switch m := fs.(type) {
	case filesystem.Renamer:
		err = m.Rename(ctx, from, to)
	case interface {
		filesystem.Copier
		filesystem.Remover
	}:
		if err = m.Copy(ctx, from, to); err == nil {
			err = m.Remove(ctx, from)
		}
	default:
		return fmt.Errorf("kabar: the file system of %s can neither rename nor copy and remove", from)
	}
	if err != nil {
		if _, serr := fs.Size(ctx, from); serr != nil {
			if _, derr := fs.Size(ctx, to); derr == nil {
				return nil
			}
		}
		return fmt.Errorf("kabar: renaming %s to %s: %w", from, to, err)
	}
	return nil
}

func remove(ctx context.Context, fs filesystem.Interface, name string) error {
	r, ok := fs.(filesystem.Remover)
	if !ok {
		return errors.New("the file system cannot remove files")
	}
	return r.Remove(ctx, name)
}

// writeFile creates or replaces the file name on its Beam file system and
// fills it with fill.
func writeFile(ctx context.Context, name string, fill func(*bufio.Writer) error) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return fmt.Errorf("kabar: %w", err)
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("kabar: creating %s: %w", name, err)
	}
	w := bufio.NewWriterSize(fd, 1<<20)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := fd.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("kabar: writing %s: %w", name, err)
	}
	return nil
}

// joinPath joins a directory-like prefix of any Beam file system with a name.
func joinPath(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}
