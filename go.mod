module github.com/kabar-id/kabar

go 1.24.0

require golang.org/x/text v0.30.0 // indirect
