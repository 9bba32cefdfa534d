package edgerun_test

import (
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/edgerun/edgerun"
)

// A Go program serves a Next.js project's API routes: a *Server is an
// http.Handler.
func Example() {
	dir, err := os.MkdirTemp("", "edgerun-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	write := func(name, src string) {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		os.WriteFile(path, []byte(src), 0o644)
	}
	write("pages/api/hello.ts", `
import type { NextApiRequest, NextApiResponse } from 'next';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ hello: req.query.name ?? 'world' });
}`)
	write("pages/api/edge.ts", `
export const config = { runtime: 'edge' };
export default (req: Request) => new Response('edge says hi');`)

	srv, err := edgerun.New(dir, edgerun.WithLogger(testLogger()))
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	ts := httptest.NewServer(srv) // or http.ListenAndServe(":3000", srv)
	defer ts.Close()
	for _, path := range []string{"/api/hello?name=gopher", "/api/edge"} {
		body, _ := httpGet(ts.URL + path)
		fmt.Println(body)
	}
	for _, r := range srv.Routes() {
		fmt.Println(r.Page, r.Runtime)
	}
	// Output:
	// {"hello":"gopher"}
	// edge says hi
	// /api/edge edge
	// /api/hello nodejs
}
