// Package stemeval measures package stem against the data beside the
// checkout (../shared/data): Sastrawi's own test pairs with Sastrawi's
// dictionary, and UD Indonesian lemmas with the embedded dictionary.
package stemeval
