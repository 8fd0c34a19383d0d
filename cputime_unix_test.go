//go:build unix

package kabar

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) of the process: on a
// busy machine wall time overstates a step's cost, CPU time much less so.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
