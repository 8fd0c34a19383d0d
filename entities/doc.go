// Package entities recognises named entities (people, organisations, places)
// and numeric and temporal expressions in Indonesian news text.
package entities
