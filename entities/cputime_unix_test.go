//go:build unix

package entities

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time, so that
// benchmarks can report throughput per CPU second on a busy machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
