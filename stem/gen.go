package stem

//go:generate go run ./internal/gen/rootdict -o roots.txt
