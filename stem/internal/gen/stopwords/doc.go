// Command stopwords writes kabar's embedded stopword list
// (stem/stopwords.txt) from the Universal Dependencies Indonesian
// treebanks beside the checkout (../shared/data/ud, CC BY-SA 4.0).
//
// A word form (lower-cased, letters only, a surface token rather than a
// clitic split off a multiword token) is a stopword when it occurs at least
// -min times and at least half of its occurrences carry a function-word
// part of speech (ADP, CCONJ, SCONJ, DET, PRON, AUX, PART), or when it
// occurs at least -minadv times and function words plus adverbs (ADV) make
// up at least -advshare of them. The output is sorted and deterministic.
// When the treebanks are absent it says so and leaves the file alone.
package main
