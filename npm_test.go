package edgerun_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

// npmFixture serves conformance/apps/npm, whose node_modules the test
// command installs with npm ci. Without them the test is skipped.
func npmFixture(t *testing.T) *httptest.Server {
	t.Helper()
	dir := filepath.Join("conformance", "apps", "npm")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "zod")); err != nil {
		t.Skip("conformance/apps/npm/node_modules is missing: run `npm ci` there (scripts/test.sh does)")
	}
	srv, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithConsole(testConsole()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// hs256 signs claims the way jsonwebtoken does for HS256.
func hs256(t *testing.T, secret string, claims map[string]any) string {
	t.Helper()
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body, _ := json.Marshal(claims)
	payload := enc.EncodeToString(body)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(header + "." + payload))
	return header + "." + payload + "." + enc.EncodeToString(mac.Sum(nil))
}

func TestNPMFixtureSeeds(t *testing.T) {
	ts := npmFixture(t)
	valid := hs256(t, "fixture-secret", map[string]any{"name": "Ada", "iat": time.Now().Unix()})
	expired := hs256(t, "fixture-secret", map[string]any{"name": "Ada", "exp": time.Now().Add(-time.Hour).Unix()})
	forged := hs256(t, "wrong-secret", map[string]any{"name": "Eve"})
	jsonCT := map[string]string{"Content-Type": "application/json"}
	run(t, ts, []exchange{
		{name: "zod valid", method: "POST", path: "/api/posts/create", header: jsonCT, body: `{"title":"Hi","content":"There"}`,
			wantStatus: 201, wantBody: `{"id":"1","title":"Hi","content":"There","published":false}`},
		{name: "zod invalid", method: "POST", path: "/api/posts/create", header: jsonCT, body: `{"title":""}`,
			wantStatus: 400, wantInBody: `"error":"Validation error","issues":[{"code":"too_small"`},
		{name: "zod wrong method", path: "/api/posts/create", wantStatus: 405, wantBody: `{"error":"Method not allowed"}`},
		{name: "withValidation ok", method: "POST", path: "/api/signup", header: jsonCT, body: `{"email":"a@b.co","password":"12345678"}`,
			wantStatus: 200, wantBody: `{"success":true}`},
		{name: "withValidation bad email", method: "POST", path: "/api/signup", header: jsonCT, body: `{"email":"nope","password":"12345678"}`,
			wantStatus: 400, wantInBody: `"validation":"email"`},
		{name: "error handler 400", method: "POST", path: "/api/users/find", header: jsonCT, body: `{}`, wantStatus: 400, wantBody: `{"error":"Email is required"}`},
		{name: "error handler 404", method: "POST", path: "/api/users/find", header: jsonCT, body: `{"email":"x@y.z"}`, wantStatus: 404, wantBody: `{"error":"User not found"}`},
		{name: "error handler 200", method: "POST", path: "/api/users/find", header: jsonCT, body: `{"email":"ada@example.com"}`, wantStatus: 200,
			wantBody: `{"id":"1","email":"ada@example.com","name":"Ada"}`},
		{name: "withAuth no token", path: "/api/protected", wantStatus: 401, wantBody: `{"error":"Unauthorized"}`},
		{name: "withAuth valid jwt", path: "/api/protected", header: map[string]string{"Authorization": "Bearer " + valid}, wantStatus: 200, wantBody: `{"message":"Hello Ada"}`},
		{name: "withAuth expired jwt", path: "/api/protected", header: map[string]string{"Authorization": "Bearer " + expired}, wantStatus: 401, wantBody: `{"error":"Invalid token"}`},
		{name: "withAuth forged jwt", path: "/api/protected", header: map[string]string{"Authorization": "Bearer " + forged}, wantStatus: 401, wantBody: `{"error":"Invalid token"}`},
		{name: "compose", path: "/api/composed", header: map[string]string{"Authorization": "Bearer " + valid}, wantStatus: 200,
			wantHeader: map[string]string{"Access-Control-Allow-Origin": "*"}, wantBody: `{"message":"Protected endpoint"}`},
		{name: "compose preflight", method: "OPTIONS", path: "/api/composed", wantStatus: 200, wantBody: ""},
		{name: "edge zod + NextResponse.json", method: "POST", path: "/api/edge/validate", body: `{"name":"Ada","age":36}`, wantStatus: 200,
			wantHeader: map[string]string{"Content-Type": "application/json"}, wantBody: `{"hello":"Ada","next":37}`},
		{name: "edge zod invalid", method: "POST", path: "/api/edge/validate", body: `{"name":"","age":-1}`, wantStatus: 400, wantInBody: `"Validation error"`},
	})
}

func TestNPMFixtureUploads(t *testing.T) {
	ts := npmFixture(t)
	for _, route := range []string{"/api/upload", "/api/upload-multer"} {
		t.Run(route, func(t *testing.T) {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, _ := mw.CreateFormFile("file", "hello.txt")
			io.WriteString(fw, strings.Repeat("edgerun upload ", 1000))
			mw.WriteField("note", "x")
			mw.Close()
			resp, err := http.Post(ts.URL+route, mw.FormDataContentType(), &body)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, got)
			}
			var out map[string]any
			if err := json.Unmarshal(got, &out); err != nil {
				t.Fatalf("%s: %v", got, err)
			}
			name, _ := out["filename"].(string)
			if name == "" {
				t.Fatalf("no filename in %s", got)
			}
			saved := filepath.Join("conformance", "apps", "npm", "uploads", name)
			data, err := os.ReadFile(saved)
			if err != nil {
				t.Fatalf("uploaded file not on disk: %v", err)
			}
			os.Remove(saved)
			if len(data) != 15000 {
				t.Fatalf("saved %d bytes, want 15000", len(data))
			}
		})
	}
}
