//go:build !unix

package kabar

import "time"

func processCPU() time.Duration { return 0 }
