// Command load drives an HTTP server with keep-alive connections for a fixed
// time and reports requests per second, and the server's CPU time per
// request read from /proc/<pid>/stat (user+system, all threads).
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "", "URL to GET")
	method := flag.String("method", "GET", "HTTP method")
	body := flag.String("body", "", "request body")
	ctype := flag.String("type", "", "Content-Type of the body")
	conns := flag.Int("c", 8, "concurrent connections")
	dur := flag.Duration("d", 5*time.Second, "duration")
	warm := flag.Duration("warm", time.Second, "warm-up before measuring")
	pid := flag.Int("pid", 0, "server process id (for CPU per request)")
	flag.Parse()
	if *url == "" {
		fmt.Fprintln(os.Stderr, "load: -url is required")
		os.Exit(2)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns, DisableCompression: true}
	client := &http.Client{Transport: tr}
	var count, errors atomic.Int64
	var measuring atomic.Bool
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < *conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				var rd io.Reader
				if *body != "" {
					rd = strings.NewReader(*body)
				}
				req, _ := http.NewRequest(*method, *url, rd)
				if *ctype != "" {
					req.Header.Set("Content-Type", *ctype)
				}
				resp, err := client.Do(req)
				if err != nil {
					errors.Add(1)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errors.Add(1)
				}
				if measuring.Load() {
					count.Add(1)
				}
			}
		}()
	}
	time.Sleep(*warm)
	cpu0 := procCPU(*pid)
	start := time.Now()
	measuring.Store(true)
	time.Sleep(*dur)
	measuring.Store(false)
	elapsed := time.Since(start)
	cpu1 := procCPU(*pid)
	close(stop)
	wg.Wait()
	n := count.Load()
	rps := float64(n) / elapsed.Seconds()
	cpuPerReq := 0.0
	if *pid != 0 && n > 0 {
		cpuPerReq = float64(cpu1-cpu0) / float64(n) / 1e3 // µs
	}
	fmt.Printf("%.0f %.1f %d\n", rps, cpuPerReq, errors.Load())
}

// procCPU returns the process's user+system CPU time in nanoseconds.
func procCPU(pid int) int64 {
	if pid == 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return (utime + stime) * int64(time.Second) / 100 // USER_HZ = 100
}
