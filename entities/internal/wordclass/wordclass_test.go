package wordclass

import (
	"bytes"
	"strings"
	"testing"
)

func TestBuildDeterministic(t *testing.T) {
	var sents [][]string
	var cased []bool
	for i := 0; i < 50; i++ {
		sents = append(sents,
			strings.Fields("Presiden Joko tiba di Jakarta kemarin ."),
			strings.Fields("Menteri Retno tiba di Bandung kemarin ."),
			strings.Fields("Presiden Retno pergi ke Jakarta ."))
		cased = append(cased, true, true, true)
	}
	cfg := Config{MinCount: 2, Fine: 4, Coarse: 2, Iterations: 3}
	a, b := Build(sents, cased, cfg), Build(sents, cased, cfg)
	var wa, wb bytes.Buffer
	if err := Write(&wa, "test", a); err != nil {
		t.Fatal(err)
	}
	if err := Write(&wb, "test", b); err != nil {
		t.Fatal(err)
	}
	if wa.String() != wb.String() {
		t.Fatal("Build is not deterministic")
	}
	prior := map[string]uint8{}
	for _, e := range a {
		prior[e.Word] = e.Prior
	}
	if prior["jakarta"] != 8 || prior["tiba"] != 0 {
		t.Errorf("priors jakarta %d tiba %d, want 8 and 0", prior["jakarta"], prior["tiba"])
	}
	if !strings.HasPrefix(wa.String(), "# test\n") {
		t.Errorf("header missing: %q", wa.String()[:20])
	}
}
