package tokenize

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAbbreviationsErrorMidLine: a reader that fails in the middle of
// a line is reported as the reader's error, not as a malformed entry.
func TestReadAbbreviationsErrorMidLine(t *testing.T) {
	fail := errors.New("disk gone")
	r := io.MultiReader(strings.NewReader("Dr. title\nJl. title\nSdr. ti"), iotest.ErrReader(fail))
	if _, err := New(ReadAbbreviations(r)); !errors.Is(err, fail) {
		t.Errorf("ReadAbbreviations: %v, want the reader's error", err)
	}
}
