//go:build unix && !linux && !darwin

package node

import "syscall"

// fillTimes leaves the times to the portable ModTime fallback.
func fillTimes(a *statArray, st *syscall.Stat_t) {}
