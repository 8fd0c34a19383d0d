package pool

import "unsafe"

// Touch writes to every page of s (a zero to the first byte of each
// 4 KiB), for a slice just made that will be read before it is written:
// a table that is probed, or elements that hold pointers, whose stores
// (with the GC's write barrier on) read the old value first.
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
		// A plain byte store: assigning a T that holds pointers would go
		// through the GC's write barrier, which reads the old value first.
		*(*byte)(unsafe.Pointer(&s[i])) = 0
	}
}
