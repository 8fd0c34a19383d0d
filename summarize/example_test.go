package summarize_test

import (
	"fmt"

	"github.com/kabar-id/kabar/summarize"
)

const berita = `Gempa berkekuatan 7,4 mengguncang Palu dan Donggala, Sulawesi Tengah, pada Jumat sore. Gempa itu memicu tsunami setinggi tiga meter di pantai Palu.

Badan Nasional Penanggulangan Bencana mencatat ratusan korban jiwa. Ribuan rumah rusak berat dan warga mengungsi ke dataran tinggi.

"Kami masih mendata korban," kata juru bicara BNPB di Jakarta. Pemerintah mengirim bantuan logistik dan tim penyelamat ke Palu.

Baca juga: Cara menyiapkan tas siaga bencana`

func Example() {
	s, err := summarize.New()
	if err != nil {
		panic(err)
	}
	in := s.Prepare(berita)
	for _, se := range s.Summarize(in, summarize.Sentences(2)) {
		fmt.Printf("%d [%d:%d] %s\n", se.Index, se.Start, se.End, se.Text)
	}
	// Output:
	// 0 [0:86] Gempa berkekuatan 7,4 mengguncang Palu dan Donggala, Sulawesi Tengah, pada Jumat sore.
	// 1 [87:147] Gempa itu memicu tsunami setinggi tiga meter di pantai Palu.
}

func ExampleSummarizer_Keywords() {
	s, err := summarize.New()
	if err != nil {
		panic(err)
	}
	for _, k := range s.Keywords(s.Prepare(berita), 3) {
		fmt.Printf("%.2f %s\n", k.Score, k.Text)
	}
	// Output:
	// 1.00 Palu
	// 0.55 gempa
	// 0.49 bencana
}

func ExampleWithMethod() {
	s, err := summarize.New(summarize.WithMethod(summarize.LexRank))
	if err != nil {
		panic(err)
	}
	for _, se := range s.Summarize(s.Prepare(berita), summarize.Words(25)) {
		fmt.Println(se.Text)
	}
	// Output:
	// Gempa itu memicu tsunami setinggi tiga meter di pantai Palu.
	// Badan Nasional Penanggulangan Bencana mencatat ratusan korban jiwa.
}
