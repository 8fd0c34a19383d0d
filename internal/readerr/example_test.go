package readerr_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing/iotest"

	"github.com/kabar-id/kabar/internal/readerr"
)

func ExampleReader() {
	in := io.MultiReader(strings.NewReader("a 1\nb"), iotest.ErrReader(errors.New("disk gone")))
	r := &readerr.Reader{R: in}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) != 2 {
			if r.Err != nil {
				fmt.Println("reading:", r.Err) // not a malformed line
				break
			}
			fmt.Println("malformed:", sc.Text())
		}
	}
	// Output: reading: disk gone
}
