package recio

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/kabar-id/kabar/internal/jsonscan"
)

// Facts is the part of an output record that the corpus tables count.
type Facts struct {
	Tokens []FactToken
	Groups []FactGroup
}

// FactToken is what Facts keeps of a token: "stem", "kind" and "stop".
type FactToken struct {
	Stem string `json:"stem"`
	Kind string `json:"kind"`
	Stop bool   `json:"stop"`
}

// FactGroup is what Facts keeps of an entity group: "name" and "label".
type FactGroup struct {
	Name  string `json:"name"`
	Label string `json:"label"`
}

// ErrNotRecord reports a record whose "tokens" or "groups" do not have the
// shape kabar writes.
var ErrNotRecord = errors.New("recio: not an analysed record")

// ParseFacts reads the "tokens" and "groups" of an output record. Passthrough
// fields come before the analysis in a record, so when an input field is
// also called "tokens" or "groups" the analysis, written last, wins. Keys
// match exactly; null stands for an empty value, as in encoding/json. It is
// a scanner of its own, several times faster than encoding/json, because
// reading records back is a large part of the corpus tables' cost.
func ParseFacts(rec []byte) (Facts, error) {
	if !json.Valid(rec) {
		return Facts{}, fmt.Errorf("%w: invalid JSON", ErrNotRecord)
	}
	return parseValid(rec)
}

// parseValid is ParseFacts after the validation of the JSON. On invalid
// JSON it returns an error or wrong facts, but does not panic (fuzzed).
func parseValid(rec []byte) (Facts, error) {
	var f Facts
	i := jsonscan.SkipSpace(rec, 0)
	if i >= len(rec) || rec[i] != '{' {
		return f, fmt.Errorf("%w: not an object", ErrNotRecord)
	}
	var tokens, groups []byte
	err := eachField(rec, i, func(key, val []byte) error {
		switch string(key) {
		case "tokens":
			tokens = val
		case "groups":
			groups = val
		}
		return nil
	})
	if err != nil {
		return f, err
	}
	if tokens != nil {
		err = eachElement(tokens, "tokens", func(obj []byte) error {
			var t FactToken
			err := eachField(obj, 0, func(key, val []byte) error {
				var err error
				switch string(key) {
				case "stem":
					t.Stem, err = str(val, "stem")
				case "kind":
					t.Kind, err = str(val, "kind")
				case "stop":
					t.Stop, err = boolean(val, "stop")
				}
				return err
			})
			f.Tokens = append(f.Tokens, t)
			return err
		})
		if err != nil {
			return Facts{}, err
		}
	}
	if groups != nil {
		err = eachElement(groups, "groups", func(obj []byte) error {
			var g FactGroup
			err := eachField(obj, 0, func(key, val []byte) error {
				var err error
				switch string(key) {
				case "name":
					g.Name, err = str(val, "name")
				case "label":
					g.Label, err = str(val, "label")
				}
				return err
			})
			f.Groups = append(f.Groups, g)
			return err
		})
		if err != nil {
			return Facts{}, err
		}
	}
	return f, nil
}

// eachField calls fn with the key (unquoted) and raw value of each field of
// the object starting at b[i], or does nothing for null.
func eachField(b []byte, i int, fn func(key, val []byte) error) error {
	i = jsonscan.SkipSpace(b, i)
	if i < len(b) && b[i] == 'n' {
		return nil
	}
	if i >= len(b) || b[i] != '{' {
		return fmt.Errorf("%w: want an object", ErrNotRecord)
	}
	for i = jsonscan.SkipSpace(b, i+1); i < len(b) && b[i] != '}'; {
		end := jsonscan.SkipValue(b, i)
		key, err := unquote(b[i:end])
		if err != nil {
			return err
		}
		i = jsonscan.SkipSpace(b, jsonscan.SkipSpace(b, end)+1) // past the colon
		if i >= len(b) {
			return fmt.Errorf("%w: truncated object", ErrNotRecord)
		}
		end = jsonscan.SkipValue(b, i)
		if err := fn(key, b[i:end]); err != nil {
			return err
		}
		if i = jsonscan.SkipSpace(b, end); i < len(b) && b[i] == ',' {
			i = jsonscan.SkipSpace(b, i+1)
		}
	}
	return nil
}

// eachElement calls fn with each element of the array b, or does nothing for
// null.
func eachElement(b []byte, what string, fn func(elem []byte) error) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: %q has no value", ErrNotRecord, what)
	}
	if b[0] == 'n' {
		return nil
	}
	if b[0] != '[' {
		return fmt.Errorf("%w: %q is not an array", ErrNotRecord, what)
	}
	for i := jsonscan.SkipSpace(b, 1); i < len(b) && b[i] != ']'; {
		end := jsonscan.SkipValue(b, i)
		if err := fn(b[i:end]); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if i = jsonscan.SkipSpace(b, end); i < len(b) && b[i] == ',' {
			i = jsonscan.SkipSpace(b, i+1)
		}
	}
	return nil
}

func str(val []byte, key string) (string, error) {
	if len(val) == 0 {
		return "", fmt.Errorf("%w: %q has no value", ErrNotRecord, key)
	}
	switch val[0] {
	case 'n':
		return "", nil
	case '"':
		s, err := unquote(val)
		return string(s), err
	}
	return "", fmt.Errorf("%w: %q is not a string", ErrNotRecord, key)
}

func boolean(val []byte, key string) (bool, error) {
	if len(val) == 0 {
		return false, fmt.Errorf("%w: %q has no value", ErrNotRecord, key)
	}
	switch val[0] {
	case 'n', 'f':
		return false, nil
	case 't':
		return true, nil
	}
	return false, fmt.Errorf("%w: %q is not a boolean", ErrNotRecord, key)
}

// unquote decodes a JSON string; without escapes it returns the bytes
// between the quotes.
func unquote(s []byte) ([]byte, error) {
	if len(s) < 2 || s[0] != '"' {
		return nil, fmt.Errorf("%w: want a string", ErrNotRecord)
	}
	inner := s[1 : len(s)-1]
	for _, c := range inner {
		if c == '\\' {
			var out string
			if err := json.Unmarshal(s, &out); err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNotRecord, err)
			}
			return []byte(out), nil
		}
	}
	return inner, nil
}
