package stem_test

import (
	"fmt"
	"strings"

	"github.com/kabar-id/kabar/stem"
)

func Example() {
	s := stem.Default()
	for _, w := range strings.Fields("Mereka sedang mempermainkan anak-anak itu") {
		fmt.Println(w, s.Stem(w), s.IsStopword(w))
	}
	// Output:
	// Mereka mereka true
	// sedang sedang true
	// mempermainkan main false
	// anak-anak anak false
	// itu itu true
}

func ExampleStemmer_Stem() {
	s := stem.Default()
	fmt.Println(s.Stem("pertanggungjawaban"), s.Stem("menangis"), s.Stem("perbankan"), s.Stem("dengerin"))
	// Output: tanggungjawab tangis bank dengar
}

func ExampleStemmer_StemName() {
	s := stem.Default()
	fmt.Println(s.StemName("Bekasi", false), s.StemName("Bekasi", true))
	// Output: bekas bekasi
}

func ExampleNew() {
	s, err := stem.New(stem.WithMode(stem.Sastrawi), stem.WithDictionary(strings.NewReader("beri\nikan\n")))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Stem("berikan"))
	_, err = stem.New(stem.WithDictionary(strings.NewReader("beri\nbad!\n")))
	fmt.Println(err)
	// Output:
	// ikan
	// stem: malformed line: dictionary line 2: "bad!" is not one word of letters a-z (inner hyphens allowed)
}

func ExampleStemmer_StemText() {
	s, _ := stem.New(stem.WithMode(stem.Sastrawi))
	fmt.Println(s.StemText("Rakyat memenuhi halaman gedung untuk menyuarakan isi hatinya."))
	// Output: rakyat penuh halaman gedung untuk suara isi hati
}
