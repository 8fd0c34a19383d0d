package pool

import (
	"runtime"
	"testing"
)

// TestAffinity: Get prefers the value put last on its own CPU, and takes
// the one put last on any CPU when its own has none.
func TestAffinity(t *testing.T) {
	p := New(0, func() *int { return new(int) })
	a, b, c := new(int), new(int), new(int)
	p.put(a, 0)
	p.put(b, 1)
	p.put(c, 0)
	for _, tc := range []struct {
		cpu  int
		want *int
		name string
	}{
		{1, b, "b, the only one put on CPU 1"},
		{0, c, "c, put last on CPU 0"},
		{1, a, "a, the only one left"},
	} {
		if got := p.get(tc.cpu); got != tc.want {
			t.Fatalf("get on CPU %d: got %p, want %s (%p)", tc.cpu, got, tc.name, tc.want)
		}
	}
	if len(p.idle) != 0 {
		t.Fatalf("%d values left idle, want 0", len(p.idle))
	}
}

func TestCurrentCPU(t *testing.T) {
	cpu := currentCPU()
	if runtime.GOOS == "linux" && cpu < 0 {
		t.Fatalf("currentCPU() = %d on linux, want a CPU number", cpu)
	}
}

func BenchmarkGetPut(b *testing.B) {
	p := New(0, func() *int { return new(int) })
	for b.Loop() {
		p.Put(p.Get())
	}
}
