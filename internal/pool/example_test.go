package pool_test

import (
	"fmt"

	"github.com/kabar-id/kabar/internal/pool"
)

// A cache that a caller fills during a call and the next call reuses.
type cache struct{ seen map[string]int }

func Example() {
	p := pool.New(0, func() *cache { return &cache{seen: map[string]int{}} })
	for _, word := range []string{"kabar", "berita", "kabar"} {
		c := p.Get() // one goroutine uses c until Put
		c.seen[word]++
		fmt.Println(word, c.seen[word])
		p.Put(c)
	}
	// Output:
	// kabar 1
	// berita 1
	// kabar 2
}
