package kabar

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kabar-id/kabar/internal/pool"
	"github.com/kabar-id/kabar/tokenize"
)

// TestScratchSentences: a reused scratch gives the same sentences and
// tokens as Tokenizer.Sentences, text after text (a long text, a short one,
// an empty one), and a released scratch holds no text. Like Analyze, it
// releases the scratch after each text.
func TestScratchSentences(t *testing.T) {
	tok := tokenize.Default()
	long := strings.Repeat("Presiden Joko Widodo tiba di Jakarta pukul 10.00 WIB. \"Kami siap,\" katanya.\n\n", 40)
	texts := []string{long, "Satu kalimat saja.", "", "   ", long[:500], "Dr. A. Budi (45) datang... Lalu pergi!"}
	sc, p := new(scratch), pool.New[scratch](0, nil)
	for _, text := range texts {
		got := sc.sentences(tok, text)
		if want := tok.Sentences(text); !reflect.DeepEqual(got, want) {
			t.Errorf("sentences of %.40q differ from Tokenizer.Sentences:\n got %v\nwant %v", text, got, want)
		}
		sc.release(p) // as Analyze does, and then reused
		for _, tk := range sc.toks[:cap(sc.toks)] {
			if tk != (tokenize.Token{}) {
				t.Fatalf("released scratch keeps token %+v", tk)
			}
		}
	}
}
