//go:build race

package tokenize

// raceEnabled is set under the race detector, which makes the large
// robustness inputs ten times slower; the tests then use smaller ones.
const raceEnabled = true
