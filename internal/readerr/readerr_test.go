package readerr

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestPartialLine: a Scanner over a reader that fails mid-line yields the
// partial line first; the Reader holds the failure by then.
func TestPartialLine(t *testing.T) {
	fail := errors.New("disk gone")
	r := &Reader{R: io.MultiReader(strings.NewReader("a 1\nb 2\nc"), iotest.ErrReader(fail))}
	sc := bufio.NewScanner(r)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if sc.Text() == "c" && !errors.Is(r.Err, fail) {
			t.Errorf("at the partial line, Err = %v, want the reader's error", r.Err)
		}
	}
	if !errors.Is(sc.Err(), fail) || len(lines) != 3 {
		t.Errorf("lines %q, Scanner error %v", lines, sc.Err())
	}
	ok := &Reader{R: strings.NewReader("x\n")}
	io.ReadAll(ok)
	if ok.Err != nil {
		t.Errorf("io.EOF kept as an error: %v", ok.Err)
	}
}

func TestFix(t *testing.T) {
	fail := errors.New("disk gone")
	r := &Reader{R: iotest.ErrReader(fail)}
	var none error
	r.Fix(&none, "x: %w")
	if none != nil {
		t.Errorf("Fix set an error that was nil: %v", none)
	}
	io.ReadAll(r)
	parse := errors.New("bad line")
	r.Fix(&parse, "%s: reading: %w", "name")
	if !errors.Is(parse, fail) || parse.Error() != "name: reading: disk gone" {
		t.Errorf("Fix gave %v", parse)
	}
	ok := &Reader{R: strings.NewReader("x")}
	io.ReadAll(ok)
	kept := errors.New("bad line")
	if ok.Fix(&kept, "%w"); kept.Error() != "bad line" {
		t.Errorf("Fix replaced a parse error though the reader did not fail: %v", kept)
	}
}
