package jsonscan_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/kabar-id/kabar/internal/jsonscan"
)

func TestSkipValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // index after the first value, from index 0
	}{
		{`"a\"b",1`, 6},
		{`"\\",1`, 4},
		{`{"a":[1,{"b":"}"}]} x`, 19},
		{`[]`, 2},
		{`12.5e3,`, 6},
		{`true}`, 4},
		{`null`, 4},
		{``, 0},
		{`"unterminated`, 13},
		{`"ends in \`, 10},
	} {
		if got := jsonscan.SkipValue([]byte(c.in), 0); got != c.want {
			t.Errorf("SkipValue(%q) = %d, want %d", c.in, got, c.want)
		}
	}
	if got := jsonscan.SkipSpace([]byte(" \t\r\n x"), 0); got != 5 {
		t.Errorf("SkipSpace = %d, want 5", got)
	}
}

// FuzzSkipValue: on any input the index stays within the input; on a valid
// JSON text, skipping the value and the white space around it reaches the
// end.
func FuzzSkipValue(f *testing.F) {
	for _, s := range []string{`{"id":1,"text":"a\"b"}`, ` [1, "x", {"y": null}] `, `"\u00e9"`, `{`, `"\`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		i := jsonscan.SkipValue(b, jsonscan.SkipSpace(b, 0))
		if i < 0 || i > len(b) {
			t.Fatalf("index %d outside [0, %d]", i, len(b))
		}
		if json.Valid(b) {
			if end := jsonscan.SkipSpace(b, i); end != len(b) {
				t.Fatalf("valid %q: value ends at %d, then text until %d of %d", b, i, end, len(b))
			}
		}
	})
}

func ExampleSkipValue() {
	rec := []byte(`{"id":[1,2],"text":"x"}`)
	end := jsonscan.SkipValue(rec, 6)
	fmt.Println(string(rec[6:end]))
	// Output: [1,2]
}
