package tokenize

import (
	"unicode"
	"unicode/utf8"
)

//go:generate go run gen_emoji.go

// text is the input of the generic scanning core: a string or a byte slice.
type text interface{ ~string | ~[]byte }

// Byte classes of ASCII characters.
const (
	cGap    uint8 = 1 << iota // white space and control characters
	cLower                    // a-z
	cUpper                    // A-Z
	cDigit                    // 0-9
	cEmailc                   // may appear in the local part of an e-mail address besides letters and digits: . _ % + -
	cURL                      // may appear in a URL after its host

	cLetter = cLower | cUpper
	cAlnum  = cLetter | cDigit
)

var asciiClass = func() (t [256]uint8) {
	for c := 0; c < 0x80; c++ {
		switch {
		case c <= ' ' || c == 0x7F:
			t[c] = cGap
		case 'a' <= c && c <= 'z':
			t[c] = cLower | cURL
		case 'A' <= c && c <= 'Z':
			t[c] = cUpper | cURL
		case '0' <= c && c <= '9':
			t[c] = cDigit | cURL
		}
	}
	for _, c := range "._%+-" {
		t[c] |= cEmailc
	}
	for _, c := range "-._~:/?#[]@!$&'()*+,;=%" {
		t[c] |= cURL
	}
	return t
}()

// IsGap reports whether r may appear between tokens: white space (Unicode
// White_Space), control characters, and invisible format characters that
// carry no text (zero-width space U+200B, word joiner U+2060, byte order
// mark U+FEFF, directional marks and embeddings). Tokens never contain a
// gap character except the joiners and marks listed in the package
// documentation; the text between two tokens consists of gap characters only.
func IsGap(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&cGap != 0
	}
	switch {
	case r <= 0xA0:
		return true // C1 controls, NEL, NBSP
	case r < 0x1680:
		return false
	case r == 0x1680, r == 0x180E:
		return true
	case 0x2000 <= r && r <= 0x200B, r == 0x200E, r == 0x200F:
		return true
	case 0x2028 <= r && r <= 0x202F:
		return true // LS, PS, embeddings and overrides, NNBSP
	case r == 0x205F, 0x2060 <= r && r <= 0x2064, 0x2066 <= r && r <= 0x206F:
		return true
	case r == 0x3000, r == 0xFEFF:
		return true
	}
	return false
}

// gapLines returns how many line breaks the gap character r makes: 1 for a
// line separator, 2 for a paragraph separator (which ends a sentence like a
// blank line), 0 otherwise. CR LF is counted by the caller.
func gapLines(r rune) int {
	switch r {
	case '\n', '\r', '\v', 0x85, 0x2028:
		return 1
	case '\f', 0x2029:
		return 2
	}
	return 0
}

// isWordRune reports whether r continues a word: a letter, a mark or a digit.
func isWordRune(r rune) bool {
	if r < 0x80 {
		return asciiClass[r]&cAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// isJoiner reports format characters that stay inside a word when a letter
// follows: soft hyphen, zero-width non-joiner and joiner.
func isJoiner(r rune) bool { return r == 0xAD || r == 0x200C || r == 0x200D }

// isApostrophe reports characters that join two letters as an apostrophe:
// Jum'at, Qur’an.
func isApostrophe(r rune) bool { return r == '\'' || r == 0x2019 || r == 0x02BC }

// isHyphen reports characters that join reduplicated words: faksi-faksi.
func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

func isRegionalIndicator(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }

func isEmojiModifier(r rune) bool { return 0x1F3FB <= r && r <= 0x1F3FF }

// isEmojiStart reports whether r starts an emoji on its own: an
// Extended_Pictographic character, except those that Unicode presents as
// text by default and that occur as ordinary symbols in running text
// (© ® ™ ‼ arrows, ⌨, geometric shapes). Those are emoji only when followed
// by the emoji variation selector U+FE0F, which the caller checks.
func isEmojiStart(r rune) bool {
	switch {
	case r < 0x2300:
		return false
	case r < 0x2400:
		return r == 0x231A || r == 0x231B || 0x23E9 <= r && r <= 0x23F3 || 0x23F8 <= r && r <= 0x23FA
	case 0x25A0 <= r && r <= 0x25FF:
		return r == 0x25FD || r == 0x25FE
	}
	return unicode.Is(extendedPictographic, r)
}

// decodeRune is utf8.DecodeRune for the generic text at offset i < len(s).
// An invalid or truncated sequence yields (utf8.RuneError, 1).
func decodeRune[T text](s T, i int) (rune, int) {
	c0 := s[i]
	if c0 < 0x80 {
		return rune(c0), 1
	}
	n := len(s) - i
	switch {
	case c0 < 0xC2 || c0 > 0xF4:
		return utf8.RuneError, 1
	case c0 < 0xE0:
		if n < 2 || s[i+1]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c0 < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		if c0 == 0xE0 {
			lo = 0xA0
		} else if c0 == 0xED {
			hi = 0x9F
		}
		if n < 3 || s[i+1] < lo || s[i+1] > hi || s[i+2]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	default:
		lo, hi := byte(0x80), byte(0xBF)
		if c0 == 0xF0 {
			lo = 0x90
		} else if c0 == 0xF4 {
			hi = 0x8F
		}
		if n < 4 || s[i+1] < lo || s[i+1] > hi || s[i+2]&0xC0 != 0x80 || s[i+3]&0xC0 != 0x80 {
			return utf8.RuneError, 1
		}
		return rune(c0&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
	}
}

// decodeLastRune returns the rune ending at offset i > 0 of s.
func decodeLastRune[T text](s T, i int) (rune, int) {
	if s[i-1] < 0x80 {
		return rune(s[i-1]), 1
	}
	j := i - 1
	for j > 0 && i-j < utf8.UTFMax && s[j]&0xC0 == 0x80 {
		j--
	}
	r, n := decodeRune(s, j)
	if j+n != i {
		return utf8.RuneError, 1
	}
	return r, n
}

// runeAt returns the rune at offset i, or -1 at the end of s.
func runeAt[T text](s T, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	return decodeRune(s, i)
}

// wordRuneAt reports whether a word rune (letter, mark, digit) starts at i.
func wordRuneAt[T text](s T, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < 0x80 {
		return asciiClass[c]&cAlnum != 0
	}
	r, n := decodeRune(s, i)
	return !(r == utf8.RuneError && n == 1) && isWordRune(r)
}

// letterAt reports whether a letter or mark starts at i.
func letterAt[T text](s T, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < 0x80 {
		return asciiClass[c]&cLetter != 0
	}
	r, n := decodeRune(s, i)
	return !(r == utf8.RuneError && n == 1) && (unicode.IsLetter(r) || unicode.IsMark(r))
}
