// Package stem reduces Indonesian words to their roots with Enhanced
// Confix Stripping and an embedded root dictionary, and tells stopwords.
package stem
