package pool

import (
	"runtime"
	"sync"
)

// Pool keeps idle values for reuse by later callers. Unlike sync.Pool it
// does not drop them at garbage collection; it keeps at most a fixed
// number of idle values, and Put drops any beyond that.
type Pool[T any] struct {
	mu   sync.Mutex
	idle []*T
	max  int
	new  func() *T
}

// New returns a pool that makes values with newT and keeps at most max
// idle ones (when max ≤ 0: twice GOMAXPROCS at the time of the call, and
// at least 4).
func New[T any](max int, newT func() *T) *Pool[T] {
	if max <= 0 {
		max = 2 * runtime.GOMAXPROCS(0)
		if max < 4 {
			max = 4
		}
	}
	return &Pool[T]{max: max, new: newT}
}

// Get returns the idle value put last, or a new one when there is none.
func (p *Pool[T]) Get() *T {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		x := p.idle[n-1]
		p.idle[n-1] = nil
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	return p.new()
}

// Put makes x available to later calls of Get, unless the pool already
// holds its maximum of idle values.
func (p *Pool[T]) Put(x *T) {
	p.mu.Lock()
	if len(p.idle) < p.max {
		p.idle = append(p.idle, x)
	}
	p.mu.Unlock()
}
