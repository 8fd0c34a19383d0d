package entities

// IsTitle reports whether post-processing treats the lower-cased word w as
// a title before a person's name (for the corpus test in
// titles_corpus_test.go).
func IsTitle(w string) bool { return titles[w] }
