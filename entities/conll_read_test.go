package entities

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadCoNLLErrorMidLine: a reader that fails in the middle of a line
// is reported as the reader's error, not as an unknown label.
func TestReadCoNLLErrorMidLine(t *testing.T) {
	fail := errors.New("disk gone")
	r := io.MultiReader(strings.NewReader("Budi B-PER\ndatang O\nJakarta B-L"), iotest.ErrReader(fail))
	if _, err := ReadCoNLL(r, DefaultLabelMap()); !errors.Is(err, fail) {
		t.Errorf("ReadCoNLL: %v, want the reader's error", err)
	}
}
