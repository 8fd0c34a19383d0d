package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x0[string, func(int, string)](&shardKeyFn{})
	register.DoFn2x0[int, func(int, string)](&emptyShardFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// ShardName returns the name of shard i of n for the file name prefix and
// suffix: prefix-00002-of-00008suffix.
func ShardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

// WriteSharded writes the lines of col, a PCollection<string>, to n files
// named by ShardName(prefix, suffix, i, n), one line per element followed by
// "\n". Empty elements are not written. Every shard file is written, empty
// ones too, so that a reader can check that none is missing.
//
// Which shard a line goes to depends only on its bytes (FNV-1a hash modulo
// n), so a rerun on the same input puts the same lines in the same files;
// the order of lines inside a shard is whatever order the runner delivers
// them in. Each shard is written by one worker in one go: choose n at least
// as large as the number of workers that should write in parallel. A retried
// shard is rewritten whole. Shard files of an earlier run with a different n
// are not removed. It panics if n < 1.
func WriteSharded(s beam.Scope, prefix, suffix string, n int, col beam.PCollection) {
	if n < 1 {
		panic(fmt.Sprintf("kabar: WriteSharded with %d shards", n))
	}
	s = s.Scope("kabar.WriteSharded")
	filesystem.ValidateScheme(prefix)
	keyed := beam.ParDo(s, &shardKeyFn{N: n}, col)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	empty := beam.ParDo(s, &emptyShardFn{}, beam.CreateList(s, idx))
	groups := beam.GroupByKey(s, beam.Flatten(s, keyed, empty))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Suffix: suffix, N: n}, groups)
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

type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	N      int    `json:"n"`
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := ShardName(f.Prefix, f.Suffix, shard, f.N)
	return writeFile(ctx, name, func(w *bufio.Writer) error {
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
