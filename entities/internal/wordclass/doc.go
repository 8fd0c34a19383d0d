// Package wordclass derives word classes from unlabelled text for the
// entity model's features: a distributional cluster per word and how often
// the word is capitalised inside a sentence.
//
// # Algorithm
//
// Each word of the vocabulary (lower-cased, seen at least MinCount times)
// is described by the words to its left and to its right, restricted to
// the Contexts most frequent words and weighted by positive pointwise
// mutual information (Church & Hanks 1990; Turney & Pantel 2010). The
// vectors are normalised and clustered by spherical k-means (Dhillon &
// Modha 2001) into Fine clusters, initialised deterministically from words
// spread over the frequency ranks; the cluster centroids are clustered again
// into Coarse classes. This is a cheap stand-in for Brown clusters (Brown et
// al. 1992), which serve the same purpose in Ratinov & Roth (2009).
//
// The capitalisation prior of a word is the share of its occurrences, not
// first in a sentence, that start with an upper-case letter, in eighths.
// Text without capitals (NERP) does not count for it.
//
// The output is deterministic for the same input and config.
package wordclass
