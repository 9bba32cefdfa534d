//go:build !unix

package node

import "time"

// cpuTimes is not available on this platform; process.cpuUsage reports zero.
func cpuTimes() (user, sys time.Duration) { return 0, 0 }
