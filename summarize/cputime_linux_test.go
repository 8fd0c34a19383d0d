package summarize

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) of the process, for the
// cpu-ns/op metric of the benchmarks: on a busy machine wall time overstates
// the cost, CPU time much less so.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
