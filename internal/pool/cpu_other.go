//go:build !linux

package pool

// currentCPU returns -1 where the CPU is not known: every idle value is
// then alike, and Get returns the one put last.
func currentCPU() int { return -1 }
