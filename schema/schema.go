package schema

import _ "embed"

//go:embed document.schema.json
var document string

// ID is the schema's $id.
const ID = "https://github.com/kabar-id/kabar/schema/document.schema.json"

// Document returns the JSON Schema of an output record.
func Document() string { return document }
