// Package kabar analyses Indonesian news text in one call: sentences and
// tokens, stems and stopwords, named entities, an extractive summary and
// keywords, as a Document that marshals to a stable JSON shape.
package kabar
