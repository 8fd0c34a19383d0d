package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/kabar-id/kabar"
	"github.com/kabar-id/kabar/internal/batch"
)

// parseFlags parses args with fs, allowing flags after positional
// arguments (kabar tokenize FILE --json). It returns the positionals.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlagSet returns a flag set that reports errors to e.stderr.
func newFlagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: kabar %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// usageError reports a flag error; -h is a success.
func usageError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// openInput opens the single optional FILE argument, or stdin.
func openInput(e *env, args []string) (io.ReadCloser, string, error) {
	switch len(args) {
	case 0:
		return io.NopCloser(e.stdin), "<stdin>", nil
	case 1:
		if args[0] == "-" {
			return io.NopCloser(e.stdin), "<stdin>", nil
		}
		f, err := os.Open(args[0])
		if err != nil {
			return nil, "", err
		}
		return f, args[0], nil
	default:
		return nil, "", fmt.Errorf("want at most one FILE, got %d arguments", len(args))
	}
}

// readText reads the whole input as one text. Invalid UTF-8 is an error
// naming the byte offset, unless replace is set, in which case each invalid
// byte sequence becomes U+FFFD.
func readText(e *env, args []string, replace bool) (string, error) {
	r, name, err := openInput(e, args)
	if err != nil {
		return "", err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	if !utf8.Valid(b) {
		if replace {
			return strings.ToValidUTF8(string(b), "\uFFFD"), nil
		}
		off := 0
		for off < len(b) {
			r, n := utf8.DecodeRune(b[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return "", fmt.Errorf("%s: invalid UTF-8 at byte offset %d (use --replace-invalid to replace bad bytes with U+FFFD)", name, off)
	}
	return string(b), nil
}

// lineReader returns successive lines of r without their newline, of any
// length, with their 1-based numbers.
type lineReader struct {
	r    *bufio.Reader
	line int
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReaderSize(r, 1<<16)} }

// Next returns the next line; io.EOF when there is none.
func (l *lineReader) Next() ([]byte, int, error) {
	b, err := l.r.ReadBytes('\n')
	if len(b) == 0 && err != nil {
		return nil, 0, err
	}
	l.line++
	return batch.Line(b, l.line), l.line, nil
}

// analyzeJSONL runs --jsonl with an Analyzer built from opts.
func analyzeJSONL(e *env, args []string, opts ...kabar.Option) int {
	a, err := kabar.New(opts...)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar: %v\n", err)
		return 1
	}
	return runJSONL(e, a, args)
}

// runJSONL reads JSONL records from the input and writes one output line per
// input line, in order, analysed by a. A blank line is a bad record. It returns
// the exit status: 1 when some record failed.
func runJSONL(e *env, a *kabar.Analyzer, args []string) int {
	r, name, err := openInput(e, args)
	if err != nil {
		fmt.Fprintf(e.stderr, "kabar: %v\n", err)
		return 1
	}
	defer r.Close()
	return jsonlLoop(e.ctx, a, newLineReader(r), name, e.stdout, e.stderr)
}

func jsonlLoop(ctx context.Context, a *kabar.Analyzer, lr *lineReader, name string, stdout, stderr io.Writer) int {
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	failed := 0
	for {
		line, n, err := lr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			w.Flush()
			fmt.Fprintf(stderr, "kabar: reading %s: %v\n", name, err)
			return 1
		}
		if ctx.Err() != nil {
			w.Flush()
			fmt.Fprintf(stderr, "kabar: interrupted after line %d\n", n-1)
			return 1
		}
		out, rerr := a.AnalyzeLine(ctx, line, n)
		if rerr != nil && ctx.Err() != nil && (errors.Is(rerr, context.Canceled) || errors.Is(rerr, context.DeadlineExceeded)) {
			// stopped, not analysed: no output line (see AnalyzeLine)
			w.Flush()
			fmt.Fprintf(stderr, "kabar: interrupted after line %d\n", n-1)
			return 1
		}
		if rerr != nil {
			failed++
		}
		w.Write(out)
		w.WriteByte('\n')
	}
	if failed > 0 {
		w.Flush()
		fmt.Fprintf(stderr, "kabar: %d record(s) failed\n", failed)
		return 1
	}
	return 0
}
