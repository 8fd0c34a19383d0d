package pool_test

import (
	"runtime"
	"sync"
	"testing"

	"github.com/kabar-id/kabar/internal/pool"
)

func TestReuse(t *testing.T) {
	made := 0
	p := pool.New(2, func() *[]int { made++; return new([]int) })
	a, b, c := p.Get(), p.Get(), p.Get()
	if made != 3 {
		t.Fatalf("made %d values for 3 Gets on an empty pool, want 3", made)
	}
	p.Put(a)
	p.Put(b)
	p.Put(c) // over the maximum of 2: dropped
	x, y := p.Get(), p.Get()
	if made != 3 || !(x == a && y == b || x == b && y == a) {
		t.Fatalf("Get after Put: made %d, got %p %p, want the two put first (%p %p)", made, x, y, a, b)
	}
	p.Get()
	if made != 4 {
		t.Fatalf("Get on an emptied pool made %d values in all, want 4", made)
	}
}

// TestSurvivesGC is why the package exists: sync.Pool drops idle values
// at garbage collection, Pool keeps them.
func TestSurvivesGC(t *testing.T) {
	p := pool.New(0, func() *int { return new(int) })
	x := p.Get()
	*x = 42
	p.Put(x)
	for range 3 {
		runtime.GC()
	}
	if y := p.Get(); y != x || *y != 42 {
		t.Fatal("the idle value did not survive garbage collection")
	}
}

func TestConcurrent(t *testing.T) {
	p := pool.New(0, func() *int { return new(int) })
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				x := p.Get()
				*x++
				p.Put(x)
			}
		}()
	}
	wg.Wait()
}

func TestTouch(t *testing.T) {
	for _, n := range []int{0, 1, 1023, 1024, 5000} {
		s := make([]int32, n)
		pool.Touch(s)
		for i, v := range s {
			if v != 0 {
				t.Fatalf("len %d: s[%d] = %d after Touch, want 0", n, i, v)
			}
		}
	}
	big := make([][10000]byte, 3) // elements larger than a page: stride 1
	pool.Touch(big)
	if big[2][0] != 0 {
		t.Fatal("Touch changed a large element")
	}
}
