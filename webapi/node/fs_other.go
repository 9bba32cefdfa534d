//go:build !unix

package node

import (
	"io/fs"
	"os"
)

func fillSys(a *statArray, fi fs.FileInfo) {}

// accessCheck only checks existence where access(2) is unavailable.
func accessCheck(path string, mode uint32) error {
	_, err := os.Stat(path)
	return err
}

func unlinkFile(path string) error { return os.Remove(path) }

func removeDir(path string) error { return os.Remove(path) }
