// Command rootdict writes kabar's embedded root dictionary (stem/roots.txt)
// from Debian's hunspell-id word list, /usr/share/hunspell/id_ID.dic
// (LGPL-3). It keeps every entry made of letters a–z (with inner hyphens),
// lower-cased, sorted and unique, and turns the entry's hunspell affix
// flags into kabar's affix classes (which prefixes and suffixes the root
// takes). Run it with go generate ./stem; CI checks that the output does
// not change.
package main
