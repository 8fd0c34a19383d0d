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
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	lines := 0
	cw := writerFunc(func(b []byte) (int, error) { lines += bytes.Count(b, []byte("\n")); return len(b), nil })
	code := run(&env{ctx: context.Background(), stdin: pr, stdout: cw, stderr: io.Discard}, []string{"stem"})
	runtime.ReadMemStats(&ms1)
	if code != 0 || lines != n {
		t.Fatalf("code %d, %d lines, want %d", code, lines, n)
	}
	if grow := int64(ms1.HeapInuse) - int64(ms0.HeapInuse); grow > 16<<20 {
		t.Errorf("heap grew by %d bytes for a %d-word stream", grow, n)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }
