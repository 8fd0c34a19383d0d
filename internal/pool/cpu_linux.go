package pool

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// currentCPU returns the number of the CPU the calling thread runs on, by
// the getcpu system call (Go has no vDSO path to it; BenchmarkGetPut
// measures a Get and a Put, each with one call). The pool's callers make
// a few per document.
func currentCPU() int {
	var cpu uint32
	if r, _ := unix.RawSyscallNoError(unix.SYS_GETCPU, uintptr(unsafe.Pointer(&cpu)), 0, 0); r != 0 {
		return -1
	}
	return int(cpu)
}
