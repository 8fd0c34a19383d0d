package entities

import (
	"fmt"
	"strings"
)

// Label is the type of an entity mention.
type Label uint8

// Labels. PER, ORG and LOC come from the statistical model; the others from
// rules (a user-trained model may also predict them).
const (
	None     Label = iota // not an entity (BIO tag O)
	PER                   // a person
	ORG                   // an organisation: company, party, agency, news agency
	LOC                   // a place: country, region, city, geographic feature
	DATE                  // a date or a period: Selasa (29/11), 28 November 2016, tahun 2011
	TIME                  // a time of day: 10.30 WIB
	MONEY                 // an amount of money: Rp 1,5 triliun, US$3 juta
	PERCENT               // a percentage: 12,5 persen, 12%
	QUANTITY              // a number with a unit: 20 kilometer, 3.000 orang

	numLabels
)

var labelNames = [numLabels]string{"O", "PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}

// String returns the label's name as used in JSON ("PER", "LOC", …).
func (l Label) String() string {
	if l < numLabels {
		return labelNames[l]
	}
	return fmt.Sprintf("Label(%d)", uint8(l))
}

// MarshalText implements encoding.TextMarshaler with the name from String.
func (l Label) MarshalText() ([]byte, error) {
	if l >= numLabels {
		return nil, fmt.Errorf("entities: invalid label %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the names from String.
func (l *Label) UnmarshalText(b []byte) error {
	v, err := ParseLabel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// ParseLabel returns the label named s ("PER", "ORG", …, "O"), ignoring case.
func ParseLabel(s string) (Label, error) {
	for i, n := range labelNames {
		if strings.EqualFold(n, s) {
			return Label(i), nil
		}
	}
	return None, fmt.Errorf("%w %q", ErrUnknownLabel, s)
}

// Labels returns every label except None, in order.
func Labels() []Label {
	out := make([]Label, 0, numLabels-1)
	for l := PER; l < numLabels; l++ {
		out = append(out, l)
	}
	return out
}
