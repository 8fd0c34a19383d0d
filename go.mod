module github.com/kabar-id/kabar

go 1.24.0
