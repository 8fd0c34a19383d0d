// Package names holds the capitalisation rule by which kabar takes a word
// for part of a proper name, so that stemming leaves it whole (Bekasi is a
// city, not bekas "former"). The root package and package summarize both
// follow it, so that the stems the pipeline gives the summariser are those
// the summariser's IDF table and weights were learned from.
//
// # The rule
//
// Indonesian, like English, writes proper names capitalised (Pedoman Umum
// Ejaan Bahasa Indonesia, on capital letters), but also capitalises the
// first word of a sentence and of a quotation. A word is therefore taken as
// a name by its capital alone when it starts with an upper-case letter
// ([unicode.IsUpper]) and it does not start its sentence or a clause: it
// does not follow an opening quote (" “ ' ‘ «), a colon, an opening
// bracket or a dash (- – —) ([OpensClause]). [Capitals] applies the rule
// token by token in text order; [At] tells it for one token of a sentence,
// looking back only to the previous word. Callers may add their own evidence on top:
// the root package also protects every word inside a person, organisation
// or place mention found by package entities.
//
// # Data
//
// None: the rule is code only.
//
// # Concurrency
//
// [OpensClause], [Capitalised] and [At] are pure functions. A [Capitals] value
// holds the state of one pass over one text; use one per goroutine.
//
// # Invalid input
//
// The functions take any string: invalid UTF-8 decodes as
// [utf8.RuneError], which is not upper case, so such a word is not a name.
// They never panic.
//
// # Known limits
//
// A capital is weak evidence: sentence-initial names are not found by this
// rule, and capitalised common words inside a sentence (titles, headline
// case, acronyms of common words) are protected too. Missed sentence
// boundaries make the next sentence's first word look like a name.
package names
