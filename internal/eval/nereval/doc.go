// Package nereval measures entity recognisers on CoNLL corpora:
// entity-level micro precision, recall and F1 (a predicted mention counts
// only with exactly the gold span and type), per type and overall.
//
// The corpora are read from ../shared/data/ner (never copied into the
// repository). Held-out folds of the corpora without a split are every
// tenth sentence (index % 10 == 0); the training command uses the rest.
package nereval
