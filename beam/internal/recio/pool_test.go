package recio_test

import (
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kabar-id/kabar/beam/internal/recio"
)

// TestPool checks that every value put gets exactly one result, whatever
// the number of goroutines, and that work runs concurrently (run with -race).
func TestPool(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7} {
		var running, most atomic.Int32
		p := recio.NewPool(n, func(v int) int {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			time.Sleep(100 * time.Microsecond)
			running.Add(-1)
			return v * v
		})
		var got []int
		for i := range 500 {
			for r := range p.Put(i) {
				got = append(got, r)
			}
		}
		for r := range p.Finish() {
			got = append(got, r)
		}
		p.Stop() // allowed after Finish
		slices.Sort(got)
		want := make([]int, 500)
		for i := range want {
			want[i] = i * i
		}
		if !slices.Equal(got, want) {
			t.Errorf("n=%d: %d results, want one per value (%d)", n, len(got), len(want))
		}
		if n > 1 && most.Load() < 2 {
			t.Errorf("n=%d: at most %d at work at once", n, most.Load())
		}
	}
}

// TestPoolStop checks that a pool stopped midway ends its goroutines and
// does not block the caller.
func TestPoolStop(t *testing.T) {
	release := make(chan struct{})
	p := recio.NewPool(3, func(v int) int { <-release; return v })
	for i := range 3 {
		for range p.Put(i) {
		}
	}
	p.Stop()
	p.Stop()
	close(release)
}

// TestPoolBreak checks that a caller may stop reading results midway.
func TestPoolBreak(t *testing.T) {
	p := recio.NewPool(2, func(v int) int { return v })
	for i := range 10 {
		for range p.Put(i) {
			break
		}
	}
	for range p.Finish() {
		break
	}
	p.Stop()
}
