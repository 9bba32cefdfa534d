//go:build unix

package node

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// fillSys copies the fields only the platform stat has.
func fillSys(a *statArray, fi fs.FileInfo) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	a[0] = float64(st.Dev)
	a[2] = float64(st.Nlink)
	a[3] = float64(st.Uid)
	a[4] = float64(st.Gid)
	a[5] = float64(st.Rdev)
	a[6] = float64(st.Blksize)
	a[7] = float64(st.Ino)
	a[9] = float64(st.Blocks)
	fillTimes(a, st)
}

// accessCheck is access(2) with Node's mode bits (F_OK 0, R_OK 4, W_OK 2, X_OK 1).
func accessCheck(path string, mode uint32) error {
	return unix.Access(path, mode)
}

func unlinkFile(path string) error { return unix.Unlink(path) }

func removeDir(path string) error { return unix.Rmdir(path) }
