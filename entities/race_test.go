//go:build race

package entities

func init() { raceEnabled = true }
