package edgerun_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/edgerun/edgerun"
)

// bcryptjs is served from Go (webapi/bcrypt): routes hash at the usual
// cost 10 within their CPU deadline, in both runtimes, and the hashes are
// bcryptjs's own (the exact values below come from bcryptjs 2.4.3, the
// fixture's version, and bcrypt 6.0.0 under Node).
func TestNPMFixtureBcrypt(t *testing.T) {
	ts := npmFixture(t)
	jsonCT := map[string]string{"Content-Type": "application/json"}
	const staple = "$2a$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W"
	const unicode = "$2b$05$abcdefghijklmnopqrstuuUTdWTGbnZkEv0BM6RUxX09h.0SXr4UG"
	run(t, ts, []exchange{
		{name: "node given salt", method: "POST", path: "/api/bcrypt", header: jsonCT,
			body:       `{"password":"correct horse battery staple","salt":"$2a$10$abcdefghijklmnopqrstuu"}`,
			wantStatus: 200, wantBody: `{"hash":"` + staple + `","rounds":10,"matches":true,"wrong":false,"sync":true}`},
		{name: "node unicode password", method: "POST", path: "/api/bcrypt", header: jsonCT,
			body:       `{"password":"пароль 🔑","salt":"$2b$05$abcdefghijklmnopqrstuu"}`,
			wantStatus: 200, wantBody: `{"hash":"` + unicode + `","rounds":5,"matches":true,"wrong":false,"sync":true}`},
		{name: "node missing password", method: "POST", path: "/api/bcrypt", header: jsonCT, body: `{}`,
			wantStatus: 400, wantBody: `{"error":"Illegal arguments: undefined, number"}`},
		{name: "node bad salt", method: "POST", path: "/api/bcrypt", header: jsonCT,
			body:       `{"password":"x","salt":"$2a$03$abcdefghijklmnopqrstuu"}`,
			wantStatus: 400, wantBody: `{"error":"Illegal number of rounds (4-31): 3"}`},
		{name: "edge given salt", method: "POST", path: "/api/bcrypt-edge", header: jsonCT,
			body:       `{"password":"correct horse battery staple","salt":"$2a$10$abcdefghijklmnopqrstuu"}`,
			wantStatus: 200, wantBody: `{"hash":"` + staple + `","matches":true,"wrong":false}`},
		{name: "edge bad salt", method: "POST", path: "/api/bcrypt-edge", header: jsonCT,
			body:       `{"password":"x","salt":"nope"}`,
			wantStatus: 400, wantBody: `{"error":"Invalid salt version: no"}`},
	})

	// Generated salts at cost 10, several requests at once on the shared
	// Node isolate and on edge isolates.
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 6; i++ {
		for _, route := range []string{"/api/bcrypt", "/api/bcrypt-edge"} {
			wg.Add(1)
			go func(route string, i int) {
				defer wg.Done()
				errs <- checkGeneratedHash(ts.URL+route, fmt.Sprintf("password %d", i))
			}(route, i)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// edgerun dev splits npm packages into a vendor bundle; the Go modules
// are not among them.
func TestNPMFixtureBcryptDev(t *testing.T) {
	dir := filepath.Join("conformance", "apps", "npm")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "bcryptjs")); err != nil {
		t.Skip("conformance/apps/npm/node_modules is missing: run `npm ci` there (scripts/test.sh does)")
	}
	srv, err := edgerun.New(dir, edgerun.WithMode(edgerun.Development), edgerun.WithLogger(testLogger()),
		edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	jsonCT := map[string]string{"Content-Type": "application/json"}
	const staple = "$2a$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W"
	body := `{"password":"correct horse battery staple","salt":"$2a$10$abcdefghijklmnopqrstuu"}`
	run(t, ts, []exchange{
		{name: "node", method: "POST", path: "/api/bcrypt", header: jsonCT, body: body,
			wantStatus: 200, wantBody: `{"hash":"` + staple + `","rounds":10,"matches":true,"wrong":false,"sync":true}`},
		{name: "edge", method: "POST", path: "/api/bcrypt-edge", header: jsonCT, body: body,
			wantStatus: 200, wantBody: `{"hash":"` + staple + `","matches":true,"wrong":false}`},
	})
}

func checkGeneratedHash(url, password string) error {
	body, _ := json.Marshal(map[string]string{"password": password})
	resp, err := http.Post(url, "application/json", strings.NewReader(string(body)))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var got struct {
		Hash           string
		Matches, Wrong bool
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		return fmt.Errorf("%s: %d: %v", url, resp.StatusCode, err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(got.Hash, "$2a$10$") || len(got.Hash) != 60 || !got.Matches || got.Wrong {
		return fmt.Errorf("%s: %d %+v", url, resp.StatusCode, got)
	}
	return nil
}

// The native bcrypt package cannot load in edgerun (it is a C addon): its
// API is served from Go instead. The stub package here throws if it is
// ever bundled and run.
func TestBcryptNativePackage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"package.json":                     `{"name":"native-bcrypt","private":true,"dependencies":{"bcrypt":"^6.0.0"}}`,
		"node_modules/bcrypt/package.json": `{"name":"bcrypt","version":"6.0.0","main":"./bcrypt"}`,
		"node_modules/bcrypt/bcrypt.js":    `throw new Error("the native bcrypt addon was loaded");`,
		"node_modules/bcrypt/promises.js":  `module.exports = {};`,
		"pages/api/native.ts": `import type { NextApiRequest, NextApiResponse } from 'next';
import bcrypt from 'bcrypt';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { password, salt } = req.body;
  try {
    const hash = await bcrypt.hash(password, salt);
    res.json({
      hash,
      buffer: bcrypt.hashSync(Buffer.from(password), hash) === hash,
      matches: await bcrypt.compare(password, hash),
      wrong: bcrypt.compareSync(password + '!', hash),
      rounds: bcrypt.getRounds(hash),
    });
  } catch (e) {
    res.status(400).json({ error: (e as Error).message });
  }
}
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	jsonCT := map[string]string{"Content-Type": "application/json"}
	run(t, ts, []exchange{
		{name: "hash with salt", method: "POST", path: "/api/native", header: jsonCT,
			body:       `{"password":"correct horse battery staple","salt":"$2b$10$abcdefghijklmnopqrstuu"}`,
			wantStatus: 200, wantBody: `{"hash":"$2b$10$abcdefghijklmnopqrstuuGGgFFcYeueaAql8Z7U7CnCTRw4DR77W","buffer":true,"matches":true,"wrong":false,"rounds":10}`},
		// node.bcrypt.js keeps the $2a$ key length in 8 bits: 300 bytes hash as 45.
		{name: "2a wraparound", method: "POST", path: "/api/native", header: jsonCT,
			body:       `{"password":"` + strings.Repeat("a", 300) + `","salt":"$2a$04$abcdefghijklmnopqrstuu"}`,
			wantStatus: 200, wantBody: `{"hash":"$2a$04$abcdefghijklmnopqrstuuBzzIgyKkz7xMWYSzkIjUSnxEQFQ0WNe","buffer":true,"matches":true,"wrong":true,"rounds":4}`},
		{name: "cost", method: "POST", path: "/api/native", header: jsonCT, body: `{"password":"x","salt":4}`,
			wantStatus: 200, wantInBody: `"buffer":true,"matches":true,"wrong":false,"rounds":4}`},
		{name: "invalid salt", method: "POST", path: "/api/native", header: jsonCT, body: `{"password":"x","salt":"$2y$04$abcdefghijklmnopqrstuu"}`,
			wantStatus: 400, wantBody: `{"error":"Invalid salt. Salt must be in the form of: $Vers$log2(NumRounds)$saltvalue"}`},
		{name: "missing salt", method: "POST", path: "/api/native", header: jsonCT, body: `{"password":"x"}`,
			wantStatus: 400, wantBody: `{"error":"data and salt arguments required"}`},
	})
}
