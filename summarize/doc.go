//go:generate go run ./internal/gensum -data ../../shared/data/indosum/indosum-dev.jsonl -out .

// Package summarize picks the most informative sentences of an Indonesian
// news text (extractive summary) and names its keywords.
package summarize
