package stem

import (
	_ "embed"
	"strings"
	"sync"
)

// roots.txt is generated from Debian's hunspell-id (LGPL-3) by
// internal/gen/rootdict; see its header.
//
//go:embed roots.txt
var rootsTxt string

// stopwords.txt is generated from the UD Indonesian treebanks (CC BY-SA
// 4.0) by internal/gen/stopwords; see its header.
//
//go:embed stopwords.txt
var stopwordsTxt string

// lexical.txt lists lexicalised affixed words (function words,
// ordinals) that Improved mode never stems; written by the kabar authors.
//
//go:embed lexical.txt
var lexicalTxt string

// variants.txt maps infixed, partly reduplicated and informal roots to
// their standard root; written by the kabar authors.
//
//go:embed variants.txt
var variantsTxt string

// extra_roots.txt adds roots that hunspell-id lacks (common words and
// closed compounds); written by the kabar authors.
//
//go:embed extra_roots.txt
var extraRootsTxt string

type rootData struct {
	words []string
	cls   []uint16
}

// embeddedRootData parses roots.txt once.
var embeddedRootData = sync.OnceValue(func() rootData {
	w, c, err := parseRootList(strings.NewReader(rootsTxt), "roots.txt")
	if err != nil {
		panic(err) // checked by TestEmbeddedData
	}
	w2, c2, err := parseRootList(strings.NewReader(extraRootsTxt), "extra_roots.txt")
	if err != nil {
		panic(err) // checked by TestEmbeddedData
	}
	return rootData{append(w, w2...), append(c, c2...)}
})

var embeddedStopData = sync.OnceValue(func() []string {
	w, err := parseWordList(strings.NewReader(stopwordsTxt), "stopwords.txt")
	if err != nil {
		panic(err) // checked by TestEmbeddedData
	}
	return w
})

func embeddedStopwords() []string { return embeddedStopData() }
