module github.com/kabar-id/kabar/bench

go 1.24.9

require (
	github.com/jdkato/prose/v2 v2.0.0
	github.com/kabar-id/kabar v0.0.0-00010101000000-000000000000
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	golang.org/x/sys v0.38.0 // indirect
	golang.org/x/text v0.30.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)

replace github.com/kabar-id/kabar => ../
