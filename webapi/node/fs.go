package node

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/edgerun/edgerun/runtime/jsclass"
)

// fsState is an isolate's file-system state: the sandbox and the table
// of open file descriptors (shared with I/O goroutines, hence the lock).
type fsState struct {
	sb *sandbox

	mu     sync.Mutex
	files  map[int]*os.File
	nextFD int
}

func (e *env) fsState() *fsState {
	if s, ok := e.iso.Value(fsKey{}).(*fsState); ok {
		return s
	}
	s := &fsState{sb: newSandbox(e.opts.Dir, e.roots), files: make(map[int]*os.File), nextFD: 20}
	e.iso.SetValue(fsKey{}, s)
	return s
}

type fsKey struct{}

func (s *fsState) file(fd int) (*os.File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[fd]
	return f, ok
}

func (s *fsState) add(f *os.File) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	fd := s.nextFD
	s.nextFD++
	s.files[fd] = f
	return fd
}

func (s *fsState) remove(fd int) (*os.File, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[fd]
	delete(s.files, fd)
	return f, ok
}

// fsCall describes one fs operation: run does the I/O (on the isolate's
// goroutine for the Sync APIs, on its own goroutine for callbacks and
// promises) and must not touch goja values; convert turns its result into
// a JS value on the isolate's goroutine.
type fsCall struct {
	syscall    string
	path, dest string
	hasPath    bool
	hasDest    bool
	run        func() (any, error)
	convert    func(res any) goja.Value
}

// dispatch runs c synchronously (returning the result or throwing) or,
// when cb is a function, asynchronously with Node's callback convention.
func (e *env) dispatch(c fsCall, cb goja.Value) goja.Value {
	return e.maybeAsync(cb, c.run, c.convert, func(err error) goja.Value { return e.fsErrorValue(c, err) })
}

// maybeAsync runs run on the isolate's goroutine and returns convert(res)
// (throwing errValue(err) on failure) when cb is not a function; otherwise
// it runs run on a new goroutine, holding a runtime Op, and calls cb(err)
// or cb(null, convert(res)) back on the isolate's goroutine, in the async
// context of the caller.
func (e *env) maybeAsync(cb goja.Value, run func() (any, error), convert func(any) goja.Value, errValue func(error) goja.Value) goja.Value {
	if convert == nil {
		convert = func(any) goja.Value { return goja.Undefined() }
	}
	fn, async := goja.AssertFunction(cb)
	if !async {
		res, err := run()
		if err != nil {
			panic(errValue(err))
		}
		return convert(res)
	}
	op := e.iso.StartOp()
	runInCtx := CaptureAsyncContext(e.iso)
	go func() {
		res, err := run()
		_ = op.Complete(func() {
			runInCtx(func() {
				var callErr error
				if err != nil {
					_, callErr = fn(goja.Undefined(), errValue(err))
				} else {
					_, callErr = fn(goja.Undefined(), goja.Null(), convert(res))
				}
				if callErr != nil {
					reportTaskError(e, callErr)
				}
			})
		})
	}()
	return goja.Undefined()
}

// fsErrorValue builds Node's fs error object: an Error whose message is
// "CODE: description, syscall 'path'" with errno, code, syscall, path and
// dest properties.
func (e *env) fsErrorValue(c fsCall, err error) goja.Value {
	var fe *fsError
	if !errors.As(err, &fe) {
		fe = &fsError{info: classifyError(err), syscall: c.syscall, path: c.path, dest: c.dest, hasPath: c.hasPath, hasDest: c.hasDest}
		if errors.Is(err, errSandbox) {
			fe.info = errnoByCode("EACCES")
			fe.extra = sandboxHint
		}
	}
	obj := newCodedError(e.vm, "Error", "", fe.Error())
	_ = obj.Set("errno", -int(fe.info.errno))
	_ = obj.Set("code", fe.info.code)
	_ = obj.Set("syscall", fe.syscall)
	if fe.hasPath {
		_ = obj.Set("path", fe.path)
	}
	if fe.hasDest {
		_ = obj.Set("dest", fe.dest)
	}
	return obj
}

// openFlags converts Node's flag strings.
func openFlags(v goja.Value) (int, bool) {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return os.O_RDONLY, true
	}
	if n, ok := v.Export().(int64); ok {
		return int(n), true
	}
	switch v.String() {
	case "r", "rs", "sr":
		return os.O_RDONLY, true
	case "r+", "rs+", "sr+":
		return os.O_RDWR, true
	case "w":
		return os.O_WRONLY | os.O_CREATE | os.O_TRUNC, true
	case "wx", "xw":
		return os.O_WRONLY | os.O_CREATE | os.O_TRUNC | os.O_EXCL, true
	case "w+":
		return os.O_RDWR | os.O_CREATE | os.O_TRUNC, true
	case "wx+", "xw+":
		return os.O_RDWR | os.O_CREATE | os.O_TRUNC | os.O_EXCL, true
	case "a", "as", "sa":
		return os.O_WRONLY | os.O_CREATE | os.O_APPEND, true
	case "ax", "xa":
		return os.O_WRONLY | os.O_CREATE | os.O_APPEND | os.O_EXCL, true
	case "a+", "as+", "sa+":
		return os.O_RDWR | os.O_CREATE | os.O_APPEND, true
	case "ax+", "xa+":
		return os.O_RDWR | os.O_CREATE | os.O_APPEND | os.O_EXCL, true
	}
	return 0, false
}

func modeArg(v goja.Value, def os.FileMode) os.FileMode {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return def
	}
	return os.FileMode(v.ToInteger()) & os.ModePerm
}

// statArray is the layout fs.js turns into Stats: dev, mode, nlink, uid,
// gid, rdev, blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs,
// birthtimeMs.
type statArray [14]float64

func statOf(fi fs.FileInfo) statArray {
	var a statArray
	fillSys(&a, fi)
	a[1] = float64(nodeMode(fi))
	a[8] = float64(fi.Size())
	if a[11] == 0 {
		a[11] = msOf(fi.ModTime())
	}
	if a[10] == 0 {
		a[10] = a[11]
	}
	if a[12] == 0 {
		a[12] = a[11]
	}
	if a[13] == 0 {
		a[13] = a[12]
	}
	return a
}

func msOf(t time.Time) float64 { return float64(t.UnixNano()) / 1e6 }

// nodeMode rebuilds the st_mode bits (type and permissions) from Go's FileMode.
func nodeMode(fi fs.FileInfo) uint32 {
	m := fi.Mode()
	perm := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		perm |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		perm |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		perm |= 0o1000
	}
	switch {
	case m.IsDir():
		return perm | 0o040000
	case m&fs.ModeSymlink != 0:
		return perm | 0o120000
	case m&fs.ModeNamedPipe != 0:
		return perm | 0o010000
	case m&fs.ModeSocket != 0:
		return perm | 0o140000
	case m&fs.ModeCharDevice != 0:
		return perm | 0o020000
	case m&fs.ModeDevice != 0:
		return perm | 0o060000
	}
	return perm | 0o100000
}

// direntType is the UV_DIRENT_* number for a DirEntry.
func direntType(m fs.FileMode) int {
	switch {
	case m.IsDir():
		return 2
	case m&fs.ModeSymlink != 0:
		return 3
	case m&fs.ModeNamedPipe != 0:
		return 4
	case m&fs.ModeSocket != 0:
		return 5
	case m&fs.ModeCharDevice != 0:
		return 6
	case m&fs.ModeDevice != 0:
		return 7
	}
	return 1
}

type direntInfo struct {
	name, parent string
	typ          int
}

func fsBinding(e *env) *goja.Object {
	vm := e.vm
	st := e.fsState()
	sb := st.sb
	b := vm.NewObject()
	fn := func(name string, length int, f func(goja.FunctionCall) goja.Value) {
		_ = b.Set(name, jsclass.Function(vm, name, length, f))
	}
	str := func(v goja.Value) string { return v.String() }
	pathCall := func(syscall string, p string) fsCall {
		return fsCall{syscall: syscall, path: p, hasPath: true}
	}
	bytesCopy := func(v goja.Value) []byte {
		b, _ := bytesArg(vm, v)
		return append([]byte(nil), b...)
	}
	bufferOf := func(res any) goja.Value { return e.newBuffer(res.([]byte)) }
	statOut := func(res any) goja.Value {
		a := res.(statArray)
		vals := make([]any, len(a))
		for i, v := range a {
			vals[i] = v
		}
		return vm.NewArray(vals...)
	}
	number := func(res any) goja.Value { return vm.ToValue(res) }
	stringOut := func(res any) goja.Value { return vm.ToValue(res) }

	// readFile(path | fd, flags, cb) → Buffer
	fn("readFile", 3, func(call goja.FunctionCall) goja.Value {
		if isFD(call.Argument(0)) {
			fd := int(call.Argument(0).ToInteger())
			c := fsCall{syscall: "read", run: func() (any, error) {
				f, ok := st.file(fd)
				if !ok {
					return nil, syscall.EBADF
				}
				return io.ReadAll(f)
			}, convert: bufferOf}
			return e.dispatch(c, call.Argument(2))
		}
		p := str(call.Argument(0))
		flags, _ := openFlags(call.Argument(1))
		c := pathCall("open", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			f, err := os.OpenFile(abs, flags, 0o666)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			if fi, err := f.Stat(); err == nil && fi.IsDir() {
				return nil, &fsError{info: errnoByCode("EISDIR"), syscall: "read"}
			}
			return io.ReadAll(f)
		}
		c.convert = bufferOf
		return e.dispatch(c, call.Argument(2))
	})
	// writeFile(path | fd, data, flags, mode, cb)
	fn("writeFile", 5, func(call goja.FunctionCall) goja.Value {
		data := bytesCopy(call.Argument(1))
		if isFD(call.Argument(0)) {
			fd := int(call.Argument(0).ToInteger())
			c := fsCall{syscall: "write", run: func() (any, error) {
				_, err := e.writeFD(st, fd, data, -1)
				return nil, err
			}}
			return e.dispatch(c, call.Argument(4))
		}
		p := str(call.Argument(0))
		flags, _ := openFlags(call.Argument(2))
		mode := modeArg(call.Argument(3), 0o666)
		c := pathCall("open", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			f, err := os.OpenFile(abs, flags, mode)
			if err != nil {
				return nil, err
			}
			_, werr := f.Write(data)
			cerr := f.Close()
			if werr != nil {
				return nil, werr
			}
			return nil, cerr
		}
		return e.dispatch(c, call.Argument(4))
	})
	// stat(path, followLinks, cb) → statArray
	fn("stat", 3, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		follow := call.Argument(1).ToBoolean()
		name := "stat"
		if !follow {
			name = "lstat"
		}
		c := pathCall(name, p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, follow)
			if err != nil {
				return nil, err
			}
			var fi fs.FileInfo
			if follow {
				fi, err = os.Stat(abs)
			} else {
				fi, err = os.Lstat(abs)
			}
			if err != nil {
				return nil, err
			}
			return statOf(fi), nil
		}
		c.convert = statOut
		return e.dispatch(c, call.Argument(2))
	})
	fn("fstat", 2, func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		c := fsCall{syscall: "fstat", run: func() (any, error) {
			f, ok := st.file(fd)
			if !ok {
				return nil, syscall.EBADF
			}
			fi, err := f.Stat()
			if err != nil {
				return nil, err
			}
			return statOf(fi), nil
		}, convert: statOut}
		return e.dispatch(c, call.Argument(1))
	})
	// exists(path) → bool (sync only; never throws, as Node's existsSync)
	fn("exists", 1, func(call goja.FunctionCall) goja.Value {
		abs, err := sb.resolve(str(call.Argument(0)), true)
		if err != nil {
			return vm.ToValue(false)
		}
		_, err = os.Stat(abs)
		return vm.ToValue(err == nil)
	})
	// access(path, mode, cb)
	fn("access", 3, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		mode := uint32(call.Argument(1).ToInteger())
		c := pathCall("access", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			return nil, accessCheck(abs, mode)
		}
		return e.dispatch(c, call.Argument(2))
	})
	// readdir(path, withTypes, recursive, cb) → names | [name, type, parent]...
	fn("readdir", 4, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		withTypes := call.Argument(1).ToBoolean()
		recursive := call.Argument(2).ToBoolean()
		c := pathCall("scandir", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			var out []direntInfo
			var walk func(dir, rel string) error
			walk = func(dir, rel string) error {
				entries, err := os.ReadDir(dir)
				if err != nil {
					return err
				}
				for _, de := range entries {
					name := de.Name()
					if rel != "" {
						name = rel + "/" + de.Name()
					}
					parent := dir
					if withTypes {
						name = de.Name()
					}
					out = append(out, direntInfo{name: name, parent: parent, typ: direntType(de.Type())})
					if recursive && de.IsDir() {
						childRel := de.Name()
						if rel != "" {
							childRel = rel + "/" + de.Name()
						}
						if err := walk(filepath.Join(dir, de.Name()), childRel); err != nil {
							return err
						}
					}
				}
				return nil
			}
			if err := walk(abs, ""); err != nil {
				return nil, err
			}
			if !recursive {
				sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
			}
			return out, nil
		}
		c.convert = func(res any) goja.Value {
			list := res.([]direntInfo)
			vals := make([]any, len(list))
			for i, d := range list {
				if withTypes {
					vals[i] = vm.NewArray(d.name, d.typ, d.parent)
				} else {
					vals[i] = d.name
				}
			}
			return vm.NewArray(vals...)
		}
		return e.dispatch(c, call.Argument(3))
	})
	// mkdir(path, recursive, mode, cb) → first directory created (recursive) or undefined
	fn("mkdir", 4, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		recursive := call.Argument(1).ToBoolean()
		mode := modeArg(call.Argument(2), 0o777)
		c := pathCall("mkdir", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			if !recursive {
				return nil, os.Mkdir(abs, mode)
			}
			first := firstMissing(abs)
			if err := os.MkdirAll(abs, mode); err != nil {
				return nil, err
			}
			if first == "" {
				return nil, nil
			}
			return first, nil
		}
		c.convert = func(res any) goja.Value {
			if res == nil {
				return goja.Undefined()
			}
			return vm.ToValue(res)
		}
		return e.dispatch(c, call.Argument(3))
	})
	// rm(path, recursive, force, cb)
	fn("rm", 4, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		recursive := call.Argument(1).ToBoolean()
		force := call.Argument(2).ToBoolean()
		c := pathCall("rm", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			fi, err := os.Lstat(abs)
			if err != nil {
				if force && errors.Is(err, fs.ErrNotExist) {
					return nil, nil
				}
				return nil, &fsError{info: classifyError(err), syscall: "lstat", path: p, hasPath: true}
			}
			if fi.IsDir() {
				if !recursive {
					return nil, &fsError{info: errnoByCode("EISDIR"), syscall: "rm", path: p, hasPath: true,
						extra: ""}
				}
				return nil, os.RemoveAll(abs)
			}
			return nil, os.Remove(abs)
		}
		return e.dispatch(c, call.Argument(3))
	})
	fn("rmdir", 3, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		recursive := call.Argument(1).ToBoolean()
		c := pathCall("rmdir", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			if recursive {
				return nil, os.RemoveAll(abs)
			}
			fi, err := os.Lstat(abs)
			if err != nil {
				return nil, err
			}
			if !fi.IsDir() {
				return nil, syscall.ENOTDIR
			}
			return nil, removeDir(abs)
		}
		return e.dispatch(c, call.Argument(2))
	})
	fn("unlink", 2, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		c := pathCall("unlink", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			return nil, unlinkFile(abs)
		}
		return e.dispatch(c, call.Argument(1))
	})
	twoPaths := func(name string, follow bool, op func(a, b string) error) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			from, to := str(call.Argument(0)), str(call.Argument(1))
			c := fsCall{syscall: name, path: from, dest: to, hasPath: true, hasDest: true}
			c.run = func() (any, error) {
				a, err := sb.resolve(from, follow)
				if err != nil {
					return nil, err
				}
				b, err := sb.resolve(to, false)
				if err != nil {
					return nil, err
				}
				return nil, op(a, b)
			}
			return e.dispatch(c, call.Argument(2))
		}
	}
	fn("rename", 3, twoPaths("rename", false, os.Rename))
	fn("link", 3, twoPaths("link", false, os.Link))
	// copyFile(src, dst, mode, cb): mode & COPYFILE_EXCL fails on an existing dst.
	fn("copyFile", 4, func(call goja.FunctionCall) goja.Value {
		from, to := str(call.Argument(0)), str(call.Argument(1))
		excl := call.Argument(2).ToInteger()&1 != 0
		c := fsCall{syscall: "copyfile", path: from, dest: to, hasPath: true, hasDest: true}
		c.run = func() (any, error) {
			a, err := sb.resolve(from, true)
			if err != nil {
				return nil, err
			}
			b, err := sb.resolve(to, true)
			if err != nil {
				return nil, err
			}
			return nil, copyFile(a, b, excl)
		}
		return e.dispatch(c, call.Argument(3))
	})
	// symlink(target, path, cb): the target is stored as given.
	fn("symlink", 3, func(call goja.FunctionCall) goja.Value {
		target, p := str(call.Argument(0)), str(call.Argument(1))
		c := fsCall{syscall: "symlink", path: target, dest: p, hasPath: true, hasDest: true}
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			return nil, os.Symlink(target, abs)
		}
		return e.dispatch(c, call.Argument(2))
	})
	fn("readlink", 2, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		c := pathCall("readlink", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, false)
			if err != nil {
				return nil, err
			}
			return os.Readlink(abs)
		}
		c.convert = stringOut
		return e.dispatch(c, call.Argument(1))
	})
	fn("realpath", 2, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		c := pathCall("realpath", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			return filepath.EvalSymlinks(abs)
		}
		c.convert = stringOut
		return e.dispatch(c, call.Argument(1))
	})
	fn("chmod", 3, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		mode := modeArg(call.Argument(1), 0o666)
		c := pathCall("chmod", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			return nil, os.Chmod(abs, mode)
		}
		return e.dispatch(c, call.Argument(2))
	})
	fn("utimes", 4, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		at := secondsTime(call.Argument(1).ToFloat())
		mt := secondsTime(call.Argument(2).ToFloat())
		c := pathCall("utime", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			return nil, os.Chtimes(abs, at, mt)
		}
		return e.dispatch(c, call.Argument(3))
	})
	fn("truncate", 3, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		n := call.Argument(1).ToInteger()
		c := pathCall("open", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			return nil, os.Truncate(abs, n)
		}
		return e.dispatch(c, call.Argument(2))
	})
	// mkdtemp(prefix, cb) → the new directory
	fn("mkdtemp", 2, func(call goja.FunctionCall) goja.Value {
		prefix := str(call.Argument(0))
		c := pathCall("mkdtemp", prefix+"XXXXXX")
		c.run = func() (any, error) {
			abs, err := sb.resolve(prefix+"XXXXXX", false)
			if err != nil {
				return nil, err
			}
			dir, base := filepath.Dir(abs), filepath.Base(abs)
			base = base[:len(base)-6]
			p, err := os.MkdirTemp(dir, base+"*")
			if err != nil {
				return nil, err
			}
			if !filepath.IsAbs(prefix) {
				rel, rerr := filepath.Rel(e.opts.Dir, p)
				if rerr == nil {
					return rel, nil
				}
			}
			return p, nil
		}
		c.convert = stringOut
		return e.dispatch(c, call.Argument(1))
	})
	// open(path, flags, mode, cb) → fd
	fn("open", 4, func(call goja.FunctionCall) goja.Value {
		p := str(call.Argument(0))
		flags, ok := openFlags(call.Argument(1))
		if !ok {
			throwCoded(vm, "TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'flags' is invalid. Received '"+call.Argument(1).String()+"'")
		}
		mode := modeArg(call.Argument(2), 0o666)
		c := pathCall("open", p)
		c.run = func() (any, error) {
			abs, err := sb.resolve(p, true)
			if err != nil {
				return nil, err
			}
			f, err := os.OpenFile(abs, flags, mode)
			if err != nil {
				return nil, err
			}
			return st.add(f), nil
		}
		c.convert = number
		return e.dispatch(c, call.Argument(3))
	})
	fn("close", 2, func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		c := fsCall{syscall: "close", run: func() (any, error) {
			f, ok := st.remove(fd)
			if !ok {
				return nil, syscall.EBADF
			}
			return nil, f.Close()
		}}
		return e.dispatch(c, call.Argument(1))
	})
	// read(fd, buffer, offset, length, position, cb) → bytesRead. Async
	// reads go through a Go buffer copied into the JS one on completion.
	fn("read", 6, func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		// goja reuses the argument slice after the call returns: keep the
		// buffer value itself for the completion.
		bufVal := call.Argument(1)
		target := mustBytes(vm, bufVal)
		off := int(call.Argument(2).ToInteger())
		length := int(call.Argument(3).ToInteger())
		pos := int64(-1)
		if p := call.Argument(4); !goja.IsUndefined(p) && !goja.IsNull(p) {
			pos = p.ToInteger()
		}
		if off < 0 || length < 0 || off+length > len(target) {
			throwCoded(vm, "RangeError", "ERR_OUT_OF_RANGE", `The value of "length" is out of range.`)
		}
		_, async := goja.AssertFunction(call.Argument(5))
		tmp := target[off : off+length]
		if async {
			tmp = make([]byte, length)
		}
		c := fsCall{syscall: "read", run: func() (any, error) {
			f, ok := st.file(fd)
			if !ok {
				return nil, syscall.EBADF
			}
			var n int
			var err error
			if pos >= 0 {
				n, err = f.ReadAt(tmp, pos)
			} else {
				n, err = f.Read(tmp)
			}
			if err == io.EOF {
				err = nil
			}
			return n, err
		}, convert: func(res any) goja.Value {
			n := res.(int)
			if async {
				if cur, ok := bytesArg(vm, bufVal); ok && off+n <= len(cur) {
					copy(cur[off:], tmp[:n])
				}
			}
			return vm.ToValue(n)
		}}
		return e.dispatch(c, call.Argument(5))
	})
	// write(fd, data, position, cb) → bytesWritten
	fn("write", 4, func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		data := bytesCopy(call.Argument(1))
		pos := int64(-1)
		if p := call.Argument(2); !goja.IsUndefined(p) && !goja.IsNull(p) {
			pos = p.ToInteger()
		}
		c := fsCall{syscall: "write", run: func() (any, error) {
			return e.writeFD(st, fd, data, pos)
		}, convert: number}
		return e.dispatch(c, call.Argument(3))
	})
	fdOp := func(name string, op func(f *os.File) error) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			fd := int(call.Argument(0).ToInteger())
			c := fsCall{syscall: name, run: func() (any, error) {
				f, ok := st.file(fd)
				if !ok {
					return nil, syscall.EBADF
				}
				return nil, op(f)
			}}
			return e.dispatch(c, call.Argument(1))
		}
	}
	fn("fsync", 2, fdOp("fsync", (*os.File).Sync))
	fn("ftruncate", 3, func(call goja.FunctionCall) goja.Value {
		fd := int(call.Argument(0).ToInteger())
		n := call.Argument(1).ToInteger()
		c := fsCall{syscall: "ftruncate", run: func() (any, error) {
			f, ok := st.file(fd)
			if !ok {
				return nil, syscall.EBADF
			}
			return nil, f.Truncate(n)
		}}
		return e.dispatch(c, call.Argument(2))
	})
	return b
}

func isFD(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		return true
	}
	return false
}

// writeFD writes to an open file; fds 1 and 2 are process.stdout/stderr.
func (e *env) writeFD(st *fsState, fd int, data []byte, pos int64) (int, error) {
	switch fd {
	case 1:
		return e.opts.Stdout.Write(data)
	case 2:
		return e.opts.Stderr.Write(data)
	}
	f, ok := st.file(fd)
	if !ok {
		return 0, syscall.EBADF
	}
	if pos >= 0 {
		return f.WriteAt(data, pos)
	}
	return f.Write(data)
}

func secondsTime(s float64) time.Time {
	return time.Unix(0, int64(s*1e9))
}

// firstMissing returns the first directory mkdir -p would create.
func firstMissing(p string) string {
	first := ""
	for {
		if _, err := os.Stat(p); err == nil {
			return first
		}
		first = p
		parent := filepath.Dir(p)
		if parent == p {
			return first
		}
		p = parent
	}
}

func copyFile(src, dst string, excl bool) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return syscall.EISDIR
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if excl {
		flags |= os.O_EXCL
	}
	out, err := os.OpenFile(dst, flags, fi.Mode().Perm())
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
