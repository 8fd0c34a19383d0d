// Package tokenize splits Indonesian text into sentences and tokens with byte
// offsets into the original text.
//
// (Documentation is completed with the implementation.)
package tokenize
