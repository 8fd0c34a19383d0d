package recio

import (
	"iter"
	"sync"
)

// Pool applies a function to values in a fixed number of goroutines, for a
// caller that must hand out the results itself, from its own goroutine (a
// Beam DoFn may only emit from the goroutine that called it). Put, Finish and
// Stop must be called from one goroutine; results come back in any order.
type Pool[In, Out any] struct {
	jobs    chan In
	results chan Out
	done    chan struct{}
	closed  bool // jobs is closed
}

// NewPool starts n goroutines (at least 1) that apply work to the values
// given to Put.
func NewPool[In, Out any](n int, work func(In) Out) *Pool[In, Out] {
	n = max(n, 1)
	p := &Pool[In, Out]{jobs: make(chan In, n), results: make(chan Out, 2*n), done: make(chan struct{})}
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for v := range p.jobs {
				select {
				case p.results <- work(v):
				case <-p.done:
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(p.results) }()
	return p
}

// Put queues v and yields the results that are ready, waiting for room in
// the queue when it is full.
func (p *Pool[In, Out]) Put(v In) iter.Seq[Out] {
	return func(yield func(Out) bool) {
		for sent := false; !sent; {
			select {
			case p.jobs <- v:
				sent = true
			case r := <-p.results:
				if !yield(r) {
					return
				}
			}
		}
		for {
			select {
			case r := <-p.results:
				if !yield(r) {
					return
				}
			default:
				return
			}
		}
	}
}

// Finish closes the queue and yields the remaining results as the work on
// them ends. The pool cannot be used after.
func (p *Pool[In, Out]) Finish() iter.Seq[Out] {
	if !p.closed {
		close(p.jobs)
		p.closed = true
	}
	return func(yield func(Out) bool) {
		for r := range p.results {
			if !yield(r) {
				return
			}
		}
	}
}

// Stop abandons the pool: queued values are dropped and its goroutines end
// after the value they are working on. It may follow Finish.
func (p *Pool[In, Out]) Stop() {
	select {
	case <-p.done:
		return
	default:
	}
	close(p.done)
	if !p.closed {
		close(p.jobs)
		p.closed = true
	}
	go func() {
		for range p.results {
		}
	}()
}
