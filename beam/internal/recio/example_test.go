package recio_test

import (
	"fmt"
	"strings"

	"github.com/kabar-id/kabar/beam/internal/recio"
)

func ExampleLines() {
	in := "{\"id\":1,\"text\":\"Satu.\"}\r\n\n{\"id\":3,\"text\":\"Tiga.\"}"
	recio.Lines("in.jsonl", strings.NewReader(in), func(n int, line []byte) {
		fmt.Printf("%d [%s]\n", n, line)
	})
	// Output:
	// 1 [{"id":1,"text":"Satu."}]
	// 2 []
	// 3 [{"id":3,"text":"Tiga."}]
}

func ExampleAddSource() {
	rec := []byte(`{"id":3,"line":3,"error":"line 3: no \"text\" field"}`)
	fmt.Printf("%s\n", recio.AddSource(rec, "source", "2024/01.jsonl", 3))
	// Output:
	// {"source":{"file":"2024/01.jsonl","line":3},"id":3,"line":3,"error":"line 3: no \"text\" field"}
}
