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
	return rootData{w, c}
})

var embeddedStopData = sync.OnceValue(func() []string {
	w, err := parseWordList(strings.NewReader(stopwordsTxt), "stopwords.txt")
	if err != nil {
		panic(err) // checked by TestEmbeddedData
	}
	return w
})

func embeddedStopwords() []string { return embeddedStopData() }
