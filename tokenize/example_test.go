package tokenize_test

import (
	"fmt"
	"strings"

	"github.com/kabar-id/kabar/tokenize"
)

func Example() {
	text := "JAKARTA, KOMPAS.com - Dr. Budi tiba pukul 10.30 WIB. “Kami siap,” katanya (29/11)."
	for _, s := range tokenize.Sentences(text) {
		fmt.Printf("[%d:%d] %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// [0:21] JAKARTA, KOMPAS.com -
	// [22:52] Dr. Budi tiba pukul 10.30 WIB.
	// [53:86] “Kami siap,” katanya (29/11).
}

func ExampleTokens() {
	for _, t := range tokenize.Tokens("Harga naik Rp1,5 triliun; faksi-faksi di @kemenkeu 👍🏽 #APBN2024") {
		fmt.Printf("%-10s %s\n", t.Kind, t.Text)
	}
	// Output:
	// word       Harga
	// word       naik
	// word       Rp
	// number     1,5
	// word       triliun
	// punct      ;
	// word       faksi-faksi
	// word       di
	// mention    @kemenkeu
	// emoji      👍🏽
	// hashtag    #APBN2024
}

func ExampleTokenizer_All() {
	text := "Mereka sedang mempermainkan anak-anak itu."
	n := 0
	for t := range tokenize.Default().All(text) {
		if t.Kind == tokenize.Word {
			n++
		}
	}
	fmt.Println(n, "words")
	// Output:
	// 5 words
}

func ExampleTokenizer_Iterator() {
	it := tokenize.Default().Iterator("Ia lahir 5 Juni 1879.")
	for it.Next() {
		t := it.Token()
		fmt.Print(t.Text, "|")
	}
	fmt.Println()
	// Output:
	// Ia|lahir|5|Juni|1879|.|
}

func ExampleTokenizer_Words() {
	for _, w := range tokenize.Default().Words("Itulah perjuangannya, kata hamba-Ku.") {
		fmt.Print(w.Text, " ")
	}
	fmt.Println()
	// Output:
	// Itu lah perjuangan nya , kata hamba- Ku .
}

func ExampleNew() {
	t, err := tokenize.New(tokenize.WithAbbreviations("Gub.", "Wagub."))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range t.Sentences("Gub. Anies dan Wagub. Sandi hadir. Acara dimulai.") {
		fmt.Println(s.Text)
	}
	// Output:
	// Gub. Anies dan Wagub. Sandi hadir.
	// Acara dimulai.
}

func ExampleTokenizer_NewScanner() {
	r := strings.NewReader("Berita pertama.\n\nBerita kedua tanpa titik\nBerita ketiga.")
	sc := tokenize.Default().NewScanner(r)
	for sc.Scan() {
		s := sc.Sentence()
		fmt.Printf("%d-%d %q (%d tokens)\n", s.Start, s.End, s.Text, len(s.Tokens))
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 0-15 "Berita pertama." (3 tokens)
	// 17-41 "Berita kedua tanpa titik" (4 tokens)
	// 42-56 "Berita ketiga." (3 tokens)
}

func ExampleNormalize() {
	orig := "“Peme\u200brintah” menaikkan\u00a0harga"
	norm, m := tokenize.Normalize(orig)
	fmt.Printf("%q\n", norm)
	for _, t := range tokenize.Tokens(norm) {
		o := m.Token(orig, t)
		fmt.Printf("%q [%d:%d] from %q [%d:%d]\n", t.Text, t.Start, t.End, o.Text, o.Start, o.End)
	}
	// Output:
	// "\"Pemerintah\" menaikkan harga"
	// "\"" [0:1] from "“" [0:3]
	// "Pemerintah" [1:11] from "Peme\u200brintah" [3:16]
	// "\"" [11:12] from "”" [16:19]
	// "menaikkan" [13:22] from "menaikkan" [20:29]
	// "harga" [23:28] from "harga" [31:36]
}

// AppendSentences reuses the caller's slices from one text to the next.
func ExampleTokenizer_AppendSentences() {
	t := tokenize.Default()
	var sents []tokenize.Sentence
	var toks []tokenize.Token
	for _, text := range []string{"Dr. Budi tiba. Ia lelah.", "Rapat usai pk. 10.30 WIB."} {
		sents, toks = t.AppendSentences(sents[:0], toks[:0], text)
		for _, s := range sents {
			fmt.Printf("%q (%d tokens)\n", s.Text, len(s.Tokens))
		}
	}
	// Output:
	// "Dr. Budi tiba." (4 tokens)
	// "Ia lelah." (3 tokens)
	// "Rapat usai pk. 10.30 WIB." (6 tokens)
}
