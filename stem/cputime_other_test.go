//go:build !linux

package stem

import "time"

func threadCPU() time.Duration { return 0 }
