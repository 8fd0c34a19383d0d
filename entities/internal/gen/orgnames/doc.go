// Command orgnames writes entities/data/orgnames.txt, the organisation
// names that post-processing uses to relabel a person mention:
//
//	go run ./entities/internal/gen/orgnames -o entities/data/orgnames.txt
//
// It reads the training data of the embedded model (nereval.TrainingFiles
// in ../shared/data/ner: idner-news-2k.train, the training nine tenths of
// NER-UI and NER-UGM, NERGRIT's training set; the evaluation sets are left
// out) and keeps every mention text, lower-cased, that the corpora label
// an organisation at least twice and a person never (Microsoft, Juventus,
// Taliban). -label, -min and -never make other lists for experiments (-label
// LOC -min 3 -never PER,ORG: places). The list is derived from those corpora and carries
// their licences (MIT; NER-UI and NER-UGM as distributed with IndoLEM;
// Apache-2.0), named in its header.
package main
