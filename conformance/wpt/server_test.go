package wpt

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

var substituteTests = []struct {
	src, want, err string
}{
	{"{{host}}", "web-platform.test", ""},
	{"{{ports[http][0]}}:{{ports[https][1]}}", "8000:8444", ""},
	{"{{domains[www2]}} {{domains[]}}", "www2.web-platform.test web-platform.test", ""},
	{"{{hosts[alt][]}} {{hosts[][www]}} {{hosts[alt][élève]}}", "not-web-platform.test www.web-platform.test xn--lve-6lad.not-web-platform.test", ""},
	{"no templates", "no templates", ""},
	{"{{GET[id]}}", "", "uses {{GET[id]}}"},
	{"{{uuid()}}", "", "uses {{uuid()}}"},
	{"{{ports[ftp][0]}}", "", "uses {{ports[ftp][0]}}"},
}

func TestSubstitute(t *testing.T) {
	for _, tt := range substituteTests {
		got, err := substitute("/x.sub.js", []byte(tt.src))
		if tt.err != "" {
			var ns *needsServerError
			if !errors.As(err, &ns) || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("substitute(%q) err = %v, want a needsServerError with %q", tt.src, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("substitute(%q) = %q, %v; want %q", tt.src, got, err, tt.want)
		}
	}
}

// testClient is a client for the testdata tree, as a run's fetch gets it.
func testClient(t *testing.T) (*http.Client, *[]string) {
	t.Helper()
	tr := newTree(testRoot)
	srv := newStaticServer(tr)
	base := srv.baseTransport()
	t.Cleanup(func() { base.CloseIdleConnections(); srv.close() })
	var needs []string
	return &http.Client{Transport: &transport{base: base, tree: tr, onNeedsServer: func(w string) { needs = append(needs, w) }}}, &needs
}

var serverTests = []struct {
	url     string
	status  int
	body    string
	headers map[string]string
	err     string // substring of the client error
	needs   string // what the run is recorded as needing
}{
	{url: "http://web-platform.test:8000/basic/resources/data.json", status: 200, body: "{\"hello\": \"world\"}\n",
		headers: map[string]string{"Content-Type": "application/json", "Access-Control-Allow-Origin": "*", "X-Test": "yes"}},
	{url: "https://www1.web-platform.test:8443/basic/resources/helper.js", status: 200, body: "function helper() { return \"helped\"; }\n",
		headers: map[string]string{"Content-Type": "text/javascript"}},
	{url: "http://web-platform.test:8000/basic/resources/host.sub.js", status: 200, body: "var SUBSTITUTED = \"web-platform.test:8000 www1.web-platform.test\";\n"},
	{url: "http://not-web-platform.test:8001/basic/../basic/resources/helper.js", status: 200},
	{url: "http://web-platform.test:8000/basic/resources/missing.json", status: 404},
	{url: "http://web-platform.test:8000/../../run.go", status: 404},
	{url: "http://example.com/", err: "only the WPT origins are reachable"},
	{url: "http://web-platform.test:9999/basic/resources/data.json", err: "only the WPT origins are reachable"},
	{url: "http://web-platform.test:8000/basic/resources/handler.py", err: "needs wptserve", needs: "the Python handler /basic/resources/handler.py"},
	{url: "http://web-platform.test:8000/basic/resources/data.json?pipe=status(500)", err: "needs wptserve", needs: "uses a wptserve pipe"},
	{url: "http://web-platform.test:8000/basic/resources/request.sub.txt?name=x", err: "needs wptserve", needs: "uses {{GET[name]}}"},
}

func TestStaticServer(t *testing.T) {
	for _, tt := range serverTests {
		t.Run(tt.url, func(t *testing.T) {
			client, needs := testClient(t)
			resp, err := client.Get(tt.url)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				if tt.needs != "" && (len(*needs) != 1 || !strings.Contains((*needs)[0], tt.needs)) {
					t.Errorf("needs = %q, want %q", *needs, tt.needs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.body != "" && string(body) != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
			for k, v := range tt.headers {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if resp.Request.URL.String() != tt.url {
				t.Errorf("response URL = %s, want the request's", resp.Request.URL)
			}
		})
	}
}
