// Command gazetteer writes entities/data/gazetteer.tsv, the place names
// whose membership the entity model uses as a feature: the Indonesian
// names of the countries of ISO 3166-1 and of Indonesia's provinces and
// regions (ISO 3166-2:ID), from Debian's iso-codes package (LGPL-2.1+;
// the translations come from the Translation Project), and a hand-written
// list of capitals and large cities (entities/data/cities.txt, which the
// entities package also embeds to tell its cities from its countries and
// provinces).
//
//	go run ./entities/internal/gen/gazetteer -o entities/data/gazetteer.tsv
//
// The output is deterministic for one version of iso-codes.
package main
