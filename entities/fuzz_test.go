package entities

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/kabar-id/kabar/tokenize"
)

// FuzzRecognize checks the invariants on any input: no panic, mentions in
// bounds, in order, not overlapping, slicing back to the text; the groups
// point at mentions.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Presiden Joko Widodo bertemu Sergei Lavrov di Moskow, Selasa (29/11).",
		"Rp1,5 triliun, US$3 juta, 12,5 persen, 10.30 WIB, 1.300 km",
		"Tentara Nasional Libya (LNA) dan PBB", "JOKOWI DI ISTANA", "\xff\xfe(", "((((", "Osama bin bin bin",
		"", " ", "\x00", "Sat. Apr 8th, 2023",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/000_891277e20803d97e.txt"); err == nil {
		f.Add(string(b))
	}
	opt := WithGazetteer(ORG, []string{"Kabar", "(", "Rp"})
	r, err := New(opt)
	if err != nil {
		f.Fatal(err)
	}
	// The same recogniser on the reference path (fast.go), which must
	// give the same mentions.
	ref := referenceOf(f, r.m, opt)
	f.Fuzz(func(t *testing.T, text string) {
		sents := tokenize.Sentences(text)
		ms := r.Recognize(text, sents)
		checkMentions(t, text, ms)
		if want := ref.Recognize(text, sents); !slices.Equal(ms, want) {
			t.Fatalf("fast path %+v\nreference path %+v", ms, want)
		}
		ms2 := r.Recognize(text, testSentences(text))
		checkMentions(t, text, ms2)
		total := 0
		for _, g := range GroupMentions(ms) {
			total += g.Count
			if g.Count != len(g.Mentions) {
				t.Fatalf("group %+v: count and mentions differ", g)
			}
		}
		if total != len(ms) {
			t.Fatalf("groups hold %d mentions, want %d", total, len(ms))
		}
		if len(ms) <= smallGroups {
			if got, want := groupSmall(ms), groupMap(ms); !reflect.DeepEqual(got, want) {
				t.Fatalf("groupSmall %+v\ngroupMap %+v", got, want)
			}
		}
	})
}

// FuzzLoad checks that Load never panics on arbitrary bytes.
//
// Each input is also tried with a valid checksum appended, so that the
// mutations reach the decoder rather than stop at the checksum.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(modelMagic))
	f.Add([]byte("KABARNER\x01\x00\x01\x00\x01\x01"))
	f.Add(defaultModelBytes[:256])
	f.Add(defaultModelBytes[len(defaultModelBytes)-64:])
	f.Add(defaultModelBytes[:len(defaultModelBytes)-4][:4096])
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, m := range [][]byte{b, withChecksum(b)} {
			r, err := LoadBytes(m)
			if err == nil {
				r.Find("Joko Widodo di Jakarta.")
			} else if !errors.Is(err, ErrBadModel) {
				t.Errorf("LoadBytes: %v, not an ErrBadModel", err)
			}
		}
	})
}

// withChecksum returns body followed by its checksum, as a model file ends.
func withChecksum(body []byte) []byte {
	return binary.LittleEndian.AppendUint32(slices.Clip(body), crc32.ChecksumIEEE(body))
}

// TestLoadTruncatedBody: a model file cut short anywhere in its first
// kilobyte, with a checksum that matches what is left, is an ErrBadModel,
// not a panic (a decode error before the type count once sliced a nil
// slice).
func TestLoadTruncatedBody(t *testing.T) {
	body := defaultModelBytes[:len(defaultModelBytes)-4]
	for n := range 1024 {
		if _, err := LoadBytes(withChecksum(body[:n])); !errors.Is(err, ErrBadModel) {
			t.Fatalf("body cut to %d bytes: %v, want ErrBadModel", n, err)
		}
	}
	// the info string too long for what follows
	b := append([]byte(modelMagic), 1, 0, 2, 0x80, 0x80, 0x04)
	if _, err := LoadBytes(withChecksum(b)); !errors.Is(err, ErrBadModel) {
		t.Errorf("an info string longer than the file: %v, want ErrBadModel", err)
	}
}
