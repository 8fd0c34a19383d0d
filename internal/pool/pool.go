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
	idle []idle[T]
	max  int
	new  func() *T
}

// idle is a value waiting in the pool and the CPU that put it there.
type idle[T any] struct {
	x   *T
	cpu int
}

// New returns a pool that makes values with newT (new(T) when newT is
// nil) and keeps at most max idle ones (when max ≤ 0: twice GOMAXPROCS at
// the time of the call, and at least 4).
func New[T any](max int, newT func() *T) *Pool[T] {
	if newT == nil {
		newT = func() *T { return new(T) }
	}
	if max <= 0 {
		max = 2 * runtime.GOMAXPROCS(0)
		if max < 4 {
			max = 4
		}
	}
	return &Pool[T]{max: max, new: newT}
}

// Get returns an idle value, or a new one when there is none: of the idle
// values, the one put last on the CPU that calls Get (its memory is most
// likely still in that CPU's caches), else the one put last.
func (p *Pool[T]) Get() *T { return p.get(currentCPU()) }

// get is Get on CPU cpu.
func (p *Pool[T]) get(cpu int) *T {
	p.mu.Lock()
	n := len(p.idle)
	if n == 0 {
		p.mu.Unlock()
		return p.new()
	}
	k := n - 1
	for i := n - 1; i >= 0; i-- {
		if p.idle[i].cpu == cpu {
			k = i
			break
		}
	}
	x := p.idle[k].x
	copy(p.idle[k:], p.idle[k+1:])
	p.idle[n-1] = idle[T]{}
	p.idle = p.idle[:n-1]
	p.mu.Unlock()
	return x
}

// Put makes x available to later calls of Get, unless the pool already
// holds its maximum of idle values.
func (p *Pool[T]) Put(x *T) { p.put(x, currentCPU()) }

// put is Put on CPU cpu.
func (p *Pool[T]) put(x *T, cpu int) {
	p.mu.Lock()
	if len(p.idle) < p.max {
		p.idle = append(p.idle, idle[T]{x, cpu})
	}
	p.mu.Unlock()
}
