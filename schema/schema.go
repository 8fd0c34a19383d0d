// Package schema publishes the JSON Schema (draft 2020-12) of kabar's output
// records: the Document JSON printed by `kabar analyze` and each line of
// `kabar batch` and of the Beam pipeline. The schema file itself is
// schema/document.schema.json in the repository.
package schema

import _ "embed"

//go:embed document.schema.json
var document string

// ID is the schema's $id.
const ID = "https://github.com/kabar-id/kabar/schema/document.schema.json"

// Document returns the JSON Schema of an output record.
func Document() string { return document }
