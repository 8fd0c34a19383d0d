package stem

// The root dictionary comes from Debian's hunspell-id, the stopwords from
// the UD treebanks beside the checkout; see the generators' doc comments.
//go:generate go run ./internal/gen/rootdict -o roots.txt
//go:generate go run ./internal/gen/stopwords -ud ../../shared/data/ud -o stopwords.txt
//go:generate go run ./internal/gen/memo -indosum ../../shared/data/indosum/indosum-dev.jsonl -o memo.txt
