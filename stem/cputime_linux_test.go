package stem

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time of the calling thread (with the goroutine
// locked to it), so benchmarks can report a rate that a loaded, shared
// machine does not distort as much as wall time.
func threadCPU() time.Duration {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_THREAD, &r) != nil {
		return 0
	}
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}
