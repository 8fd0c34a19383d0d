// Package jsonscan steps over the values of a JSON text that is already
// known to be valid (checked by encoding/json.Valid or a decoder), without
// decoding them: the record readers of package kabar and of the beam
// module use it to find fields and to copy values through unchanged.
//
// On text that is not valid JSON the functions do not panic and return an
// index no greater than len(b), but what they skip is unspecified.
package jsonscan
