// Command wordclasses writes entities/data/wordclasses.tsv, the word class
// table of the entity model, from IndoSum's news text and the text (not the
// labels) of the NER training corpora in ../shared/data.
//
//	go run ./entities/internal/gen/wordclasses -shared ../shared -o entities/data/wordclasses.tsv
//
// The output is deterministic. It is derived from IndoSum (CC BY-SA 4.0)
// among others, so the table is under CC BY-SA 4.0.
package main
