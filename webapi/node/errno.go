package node

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// errnoInfo is libuv's name and description of a system error; Node's fs
// errors are built from it ("ENOENT: no such file or directory, open '/x'").
type errnoInfo struct {
	errno syscall.Errno
	code  string
	desc  string
}

var errnoTable = []errnoInfo{
	{syscall.EPERM, "EPERM", "operation not permitted"},
	{syscall.ENOENT, "ENOENT", "no such file or directory"},
	{syscall.ESRCH, "ESRCH", "no such process"},
	{syscall.EINTR, "EINTR", "interrupted system call"},
	{syscall.EIO, "EIO", "i/o error"},
	{syscall.ENXIO, "ENXIO", "no such device or address"},
	{syscall.E2BIG, "E2BIG", "argument list too long"},
	{syscall.EBADF, "EBADF", "bad file descriptor"},
	{syscall.EAGAIN, "EAGAIN", "resource temporarily unavailable"},
	{syscall.ENOMEM, "ENOMEM", "not enough memory"},
	{syscall.EACCES, "EACCES", "permission denied"},
	{syscall.EFAULT, "EFAULT", "bad address in system call argument"},
	{syscall.EBUSY, "EBUSY", "resource busy or locked"},
	{syscall.EEXIST, "EEXIST", "file already exists"},
	{syscall.EXDEV, "EXDEV", "cross-device link not permitted"},
	{syscall.ENODEV, "ENODEV", "no such device"},
	{syscall.ENOTDIR, "ENOTDIR", "not a directory"},
	{syscall.EISDIR, "EISDIR", "illegal operation on a directory"},
	{syscall.EINVAL, "EINVAL", "invalid argument"},
	{syscall.ENFILE, "ENFILE", "file table overflow"},
	{syscall.EMFILE, "EMFILE", "too many open files"},
	{syscall.ENOTTY, "ENOTTY", "inappropriate ioctl for device"},
	{syscall.ETXTBSY, "ETXTBSY", "text file is busy"},
	{syscall.EFBIG, "EFBIG", "file too large"},
	{syscall.ENOSPC, "ENOSPC", "no space left on device"},
	{syscall.ESPIPE, "ESPIPE", "invalid seek"},
	{syscall.EROFS, "EROFS", "read-only file system"},
	{syscall.EMLINK, "EMLINK", "too many links"},
	{syscall.EPIPE, "EPIPE", "broken pipe"},
	{syscall.ERANGE, "ERANGE", "result too large"},
	{syscall.ENAMETOOLONG, "ENAMETOOLONG", "name too long"},
	{syscall.ENOSYS, "ENOSYS", "function not implemented"},
	{syscall.ENOTEMPTY, "ENOTEMPTY", "directory not empty"},
	{syscall.ELOOP, "ELOOP", "too many symbolic links encountered"},
	{syscall.ENOTSUP, "ENOTSUP", "operation not supported on socket"},
	{syscall.ECONNREFUSED, "ECONNREFUSED", "connection refused"},
	{syscall.ECONNRESET, "ECONNRESET", "connection reset by peer"},
	{syscall.ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
	{syscall.EADDRINUSE, "EADDRINUSE", "address already in use"},
	{syscall.ECANCELED, "ECANCELED", "operation canceled"},
}

func errnoByErrno(n syscall.Errno) (errnoInfo, bool) {
	for _, e := range errnoTable {
		if e.errno == n {
			return e, true
		}
	}
	return errnoInfo{}, false
}

func errnoByCode(code string) errnoInfo {
	for _, e := range errnoTable {
		if e.code == code {
			return e
		}
	}
	return errnoInfo{syscall.EIO, "EIO", "i/o error"}
}

// classifyError maps a Go file-system error to libuv's errno.
func classifyError(err error) errnoInfo {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if info, ok := errnoByErrno(errno); ok {
			return info
		}
		return errnoInfo{errno, "UNKNOWN", errno.Error()}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errnoByCode("ENOENT")
	case errors.Is(err, fs.ErrExist):
		return errnoByCode("EEXIST")
	case errors.Is(err, fs.ErrPermission):
		return errnoByCode("EACCES")
	case errors.Is(err, os.ErrClosed):
		return errnoByCode("EBADF")
	case errors.Is(err, fs.ErrInvalid):
		return errnoByCode("EINVAL")
	}
	return errnoByCode("EIO")
}
