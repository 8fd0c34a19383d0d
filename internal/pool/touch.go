package pool

import "unsafe"

// Touch writes to every page of s (a zero to the first element of each
// 4 KiB), for a table just made that will be probed before it is written.
//
// A large slice fresh from the operating system is mapped on first
// access. When that access is a read (a probe of an empty slot), the page
// is mapped to the shared zero page, and the write that follows copies it
// and flushes the TLBs of the other CPUs that run the process, an
// interprocessor interrupt per page, costly in a VM. Written first, each
// page is simply allocated. s must hold zeros (as from make).
func Touch[T any](s []T) {
	var zero T
	stride := max(4096/int(unsafe.Sizeof(zero)), 1)
	for i := 0; i < len(s); i += stride {
		s[i] = zero
	}
}
