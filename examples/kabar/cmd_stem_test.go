package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(&env{ctx: context.Background(), stdin: stdin, stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

func TestStemCmd(t *testing.T) {
	out, _, code := runCmd(t, nil, "stem", "Memberitahukan", "anak-anak")
	if code != 0 || out != "Memberitahukan\tberitahu\nanak-anak\tanak\n" {
		t.Errorf("stem args: code %d, out %q", code, out)
	}
	out, _, _ = runCmd(t, strings.NewReader("dengerin  2020\nBekasi\n"), "stem")
	if out != "dengerin\tdengar\n2020\t2020\nBekasi\tbekas\n" {
		t.Errorf("stem stdin: %q", out)
	}
	out, _, _ = runCmd(t, strings.NewReader("\uFEFFmakanan\r\nberlari\r\n"), "stem")
	if out != "makanan\tmakan\nberlari\tlari\n" {
		t.Errorf("stem stdin with a byte order mark and CRLF: %q", out)
	}
	out, _, _ = runCmd(t, strings.NewReader("Cinta telah bertebaran.Keduanya saling mencintai.\n"), "stem", "--text", "--sastrawi")
	if out != "cinta telah tebar dua saling cinta\n" {
		t.Errorf("stem --text: %q", out)
	}
	if _, _, code := runCmd(t, nil, "stem", "--nope"); code != 2 {
		t.Errorf("bad flag: code %d", code)
	}
}

// TestStemStream pushes a large generated word list through a pipe and
// checks that memory stays bounded (no whole-input buffering).
func TestStemStream(t *testing.T) {
	const n = 300000
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		words := []string{"memberikan", "pembangunan", "rumah", "Jakarta", "anak-anak", "x"}
		for i := 0; i < n; i++ {
			fmt.Fprintf(w, "%s ", words[i%len(words)])
			if i%10 == 0 {
				w.WriteByte('\n')
			}
		}
		w.Flush()
		pw.Close()
	}()
	// Live heap, sampled while the stream flows: after a collection every
	// 30,000 output lines, so that garbage not yet collected (more of it
	// under -race or a loaded machine) does not count.
	live := func() int64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	// Build the embedded stemmer (about 7 MB, once per process) first.
	if code := run(&env{ctx: context.Background(), stdin: strings.NewReader("rumah"), stdout: io.Discard, stderr: io.Discard}, []string{"stem"}); code != 0 {
		t.Fatalf("warm-up: code %d", code)
	}
	base, peak := live(), int64(0)
	lines := 0
	cw := writerFunc(func(b []byte) (int, error) {
		before := lines
		lines += bytes.Count(b, []byte("\n"))
		if lines/30000 != before/30000 {
			peak = max(peak, live())
		}
		return len(b), nil
	})
	code := run(&env{ctx: context.Background(), stdin: pr, stdout: cw, stderr: io.Discard}, []string{"stem"})
	if code != 0 || lines != n {
		t.Fatalf("code %d, %d lines, want %d", code, lines, n)
	}
	if peak == 0 {
		t.Fatal("no heap sample taken")
	}
	t.Logf("live heap growth %d", peak-base)
	// The input is 2.7 MB and the output 4.5 MB: holding either would show.
	if grow := peak - base; grow > 1<<20 {
		t.Errorf("live heap grew by %d bytes for a %d-word stream", grow, n)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
