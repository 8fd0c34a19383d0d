package bench

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

func TestProseLoads(t *testing.T) {
	doc, err := prose.NewDocument("Khalifa Haftar bertemu Sergei Lavrov di Moskow.")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tokens()) == 0 {
		t.Fatal("no tokens")
	}
}
