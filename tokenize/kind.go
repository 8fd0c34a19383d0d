package tokenize

import "strconv"

// Kind classifies a token. Its JSON form is the lower-case name from String.
type Kind uint8

// Token kinds. The zero value is Invalid.
//
// Abbreviations such as "Dr." or "dll." are Word tokens that include their
// periods; [Tokenizer.Abbreviation] tells them apart.
const (
	Invalid Kind = iota // one byte that is not part of valid UTF-8
	Word                // letters, digits and marks: kata, faksi-faksi, Jum'at, 4G, Dr., S.H.
	Number              // digits with separators: 1.500.000, 2,5, 1.500,75, 10.30, 29/11, 1990-an
	Punct               // punctuation: . , ; : ! ? " ' ( ) … – — and the like
	Symbol              // other symbols: % $ + = & © and stray marks or joiners
	URL                 // https://…, www.…, kompas.com
	Email               // nama@contoh.co.id
	Mention             // @akun
	Hashtag             // #topik
	Emoji               // one emoji with its modifiers and joiners: 👍🏽, 👨‍👩‍👧, 🇮🇩
)

var kindNames = [...]string{"invalid", "word", "number", "punct", "symbol", "url", "email", "mention", "hashtag", "emoji"}

// String returns the lower-case name of k used in JSON ("word", "number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler with the name from String.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for the names from String.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return &KindError{Name: string(b)}
}

// KindError reports an unknown kind name given to [Kind.UnmarshalText].
type KindError struct{ Name string }

func (e *KindError) Error() string { return "tokenize: unknown token kind " + strconv.Quote(e.Name) }
