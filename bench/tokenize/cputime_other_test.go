//go:build !unix

package tokenizebench

import "time"

func cpuTime() time.Duration { return 0 }
