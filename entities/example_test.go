package entities_test

import (
	"fmt"

	"github.com/kabar-id/kabar/entities"
)

func Example() {
	r, err := entities.New()
	if err != nil {
		panic(err)
	}
	text := "Presiden Joko Widodo bertemu Sergei Lavrov di Moskow, Selasa (29/11)."
	for _, m := range r.Find(text) {
		fmt.Printf("%s\t%s\t%d\t%d\n", m.Label, m.Text, m.Start, m.End)
	}
	// Output:
	// PER	Joko Widodo	9	20
	// PER	Sergei Lavrov	29	42
	// LOC	Moskow	46	52
	// DATE	Selasa (29/11)	54	68
}

func ExampleGroupMentions() {
	r, err := entities.New()
	if err != nil {
		panic(err)
	}
	text := "Khalifa Haftar tiba di Moskow. Haftar bertemu Lavrov. Lavrov menyambut Haftar."
	for _, g := range entities.GroupMentions(r.Find(text)) {
		fmt.Println(g.Label, g.Name, g.Count)
	}
	// Output:
	// PER Khalifa Haftar 3
	// PER Lavrov 2
	// LOC Moskow 1
}

func ExampleGroupDocument() {
	r, err := entities.New()
	if err != nil {
		panic(err)
	}
	text := "Gubernur DKI Jakarta Basuki Tjahaja Purnama alias Ahok tiba di Balai Kota. Ahok menemui warga."
	for _, g := range entities.GroupDocument(text, r.Find(text)) {
		fmt.Println(g.Label, g.Name, g.Count)
	}
	// Output:
	// PER Basuki Tjahaja Purnama 3
	// LOC Balai Kota 1
}

func ExampleWithGazetteer() {
	r, err := entities.New(entities.WithGazetteer(entities.ORG, []string{"Kabar Nusantara"}))
	if err != nil {
		panic(err)
	}
	for _, m := range r.Find("Redaksi Kabar Nusantara pindah kantor.") {
		fmt.Println(m.Label, m.Text)
	}
	// Output:
	// ORG Kabar Nusantara
}
