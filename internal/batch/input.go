package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Kind says how an Input holds its records.
type Kind uint8

const (
	// JSONL is a stream of JSON objects, one per line: one record per line.
	JSONL Kind = iota
	// TextFile is one plain-text document: one record, whose id is the
	// file's path as given.
	TextFile
)

// Input is one input of a batch.
type Input struct {
	Name string // file path as given, or "<stdin>"
	Kind Kind
	Size int64 // bytes; -1 when unknown (stdin, pipes)
	open func() (io.ReadCloser, error)
}

// Open opens the input for reading.
func (in Input) Open() (io.ReadCloser, error) { return in.open() }

// ReaderInput returns a JSONL input read from r (which is not closed).
func ReaderInput(name string, r io.Reader) Input {
	return Input{Name: name, Kind: JSONL, Size: -1, open: func() (io.ReadCloser, error) { return io.NopCloser(r), nil }}
}

// FileInput returns the input of the file at path: JSONL when its name ends
// in .jsonl, .ndjson or .json, else a text file.
func FileInput(path string, size int64) Input {
	k := TextFile
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		k = JSONL
	}
	return Input{Name: path, Kind: k, Size: size, open: func() (io.ReadCloser, error) { return os.Open(path) }}
}

// Resolve turns command-line arguments into inputs, in order:
//   - no argument or "-": JSONL from stdin;
//   - a directory: every *.txt file below it, in lexical order of path, as
//     text files whose ids are their paths joined to the directory as given
//     (testdata/a.txt);
//   - a file named *.jsonl, *.ndjson or *.json: JSONL;
//   - any other file: one text document.
//
// listFile, when not empty, names a file ("-" for stdin) that lists more
// paths, one per line, resolved the same way after args.
func Resolve(args []string, listFile string, stdin io.Reader) ([]Input, error) {
	if listFile != "" {
		var r io.Reader = stdin
		if listFile != "-" {
			f, err := os.Open(listFile)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r = f
		}
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if p := strings.TrimSpace(sc.Text()); p != "" && !strings.HasPrefix(p, "#") {
				args = append(args, p)
			}
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("reading %s: %w", listFile, err)
		}
		if len(args) == 0 {
			return nil, fmt.Errorf("%s lists no files", listFile)
		}
	}
	if len(args) == 0 {
		return []Input{ReaderInput("<stdin>", stdin)}, nil
	}
	var ins []Input
	for _, a := range args {
		if a == "-" {
			if listFile == "-" {
				return nil, errors.New(`stdin cannot be both the file list and an input`)
			}
			ins = append(ins, ReaderInput("<stdin>", stdin))
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			ins = append(ins, FileInput(a, sizeOf(st)))
			continue
		}
		var files []Input
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".txt") {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			in := FileInput(p, sizeOf(info))
			in.Kind = TextFile
			files = append(files, in)
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no .txt files", a)
		}
		sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
		ins = append(ins, files...)
	}
	return ins, nil
}

func sizeOf(fi fs.FileInfo) int64 {
	if fi.Mode().IsRegular() {
		return fi.Size()
	}
	return -1
}

// TotalBytes returns the summed size of ins, or -1 when one is unknown.
func TotalBytes(ins []Input) int64 {
	var n int64
	for _, in := range ins {
		if in.Size < 0 {
			return -1
		}
		n += in.Size
	}
	return n
}
