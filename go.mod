module github.com/kabar-id/kabar

go 1.24.0

require (
	golang.org/x/text v0.30.0
	gonum.org/v1/gonum v0.17.0
)

require golang.org/x/tools v0.37.0 // indirect
