// Package schema publishes the JSON Schema (draft 2020-12) of kabar's output
// records: the Document JSON printed by `kabar analyze` and each line of
// `kabar batch` and of the Beam pipeline. The schema file itself is
// schema/document.schema.json in the repository; its descriptions document
// every field, and the root package's tests validate real output against
// it.
package schema
