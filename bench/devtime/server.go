package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// target is a dev server under test: edgerun dev or next dev, each on its
// own copy of the generated project.
type target struct {
	name string
	dir  string
	// caches are the project's build caches (relative to dir), removed
	// before a cold launch and kept for a warm one.
	caches []string
	// command starts the dev server on port.
	command func(port int) *exec.Cmd
	log     string // the server's output, for when it fails
}

func edgerunTarget(bin, dir string) *target {
	return &target{name: "edgerun dev", dir: dir, caches: []string{".edgerun/cache"}, command: func(port int) *exec.Cmd {
		return exec.Command(bin, "dev", dir, "-p", strconv.Itoa(port), "-H", "127.0.0.1", "--quiet")
	}}
}

// server is one running dev server.
type server struct {
	cmd  *exec.Cmd
	base string
	out  *os.File
}

func (t *target) start() *server {
	port := freePort()
	cmd := t.command(port)
	cmd.Dir = t.dir
	cmd.Env = append(os.Environ(), "NEXT_TELEMETRY_DISABLED=1")
	// next dev runs its server in a child process: signal the group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	out, err := os.Create(filepath.Join(os.TempDir(), "devtime-"+filepath.Base(t.dir)+".log"))
	check(err)
	t.log = out.Name()
	cmd.Stdout, cmd.Stderr = out, out
	check(cmd.Start())
	return &server{cmd: cmd, base: fmt.Sprintf("http://127.0.0.1:%d", port), out: out}
}

func (s *server) stop() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGINT)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
	s.out.Close()
}

// clearCaches removes the target's build caches (a cold launch).
func (t *target) clearCaches() {
	for _, c := range t.caches {
		check(os.RemoveAll(filepath.Join(t.dir, filepath.FromSlash(c))))
	}
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}

func get(url string) (int, string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// waitFor polls url (every 0.5 ms) until ok accepts the response.
func (t *target) waitFor(url string, ok func(int, string) bool, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		status, body, err := get(url)
		if err == nil && ok(status, body) {
			return
		}
		time.Sleep(500 * time.Microsecond)
	}
	fmt.Fprintf(os.Stderr, "devtime: %s: %s did not answer as expected within %s (server output: %s)\n", t.name, url, limit, t.log)
	os.Exit(1)
}

func is200(status int, _ string) bool { return status == 200 }

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
