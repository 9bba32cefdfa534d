package edgerun_test

import (
	"bytes"
	"crypto"
	"crypto/hmac"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
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

// fixtureRSAKey reads the fixture's RS256 key pair from lib/rsaKeys.ts.
func fixtureRSAKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("conformance", "apps", "npm", "lib", "rsaKeys.ts"))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(src[bytes.Index(src, []byte("-----BEGIN PRIVATE KEY-----")):])
	if block == nil {
		t.Fatal("no private key in lib/rsaKeys.ts")
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*rsa.PrivateKey)
}

// rs256 signs claims with key as jsonwebtoken and jose do.
func rs256(t *testing.T, key *rsa.PrivateKey, claims map[string]any) string {
	t.Helper()
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	body, _ := json.Marshal(claims)
	signing := header + "." + enc.EncodeToString(body)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return signing + "." + enc.EncodeToString(sig)
}

// verifyRS256 checks a token a route signed and returns its payload.
func verifyRS256(t *testing.T, key *rsa.PublicKey, token string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q", token)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("signature of %q: %v", token, err)
	}
	var header, claims map[string]any
	h, _ := base64.RawURLEncoding.DecodeString(parts[0])
	p, _ := base64.RawURLEncoding.DecodeString(parts[1])
	if json.Unmarshal(h, &header) != nil || json.Unmarshal(p, &claims) != nil || header["alg"] != "RS256" || header["kid"] != "k1" {
		t.Fatalf("token header %s payload %s", h, p)
	}
	return claims
}

// One Node-runtime route per npm package real API routes use, each
// checked against what the package gives under real Node.
func TestNPMFixturePackages(t *testing.T) {
	ts := npmFixture(t)
	key := fixtureRSAKey(t)
	now := time.Now().Unix()
	goToken := rs256(t, key, map[string]any{"sub": "from-go", "iat": now, "exp": now + 600})
	expired := rs256(t, key, map[string]any{"sub": "old", "exp": now - 600})
	jsonCT := map[string]string{"Content-Type": "application/json"}
	run(t, ts, []exchange{
		{name: "jose HS256 (node build)", path: "/api/pkg/jose?op=hs256", wantStatus: 200, wantBody: `{"alg":"HS256","sub":"ada"}`},
		{name: "jose RS256 verifies a Go-signed token", path: "/api/pkg/jose?op=rs256-verify",
			header: map[string]string{"Authorization": "Bearer " + goToken}, wantStatus: 200, wantBody: `{"sub":"from-go"}`},
		{name: "jose RS256 rejects an expired token", path: "/api/pkg/jose?op=rs256-verify",
			header: map[string]string{"Authorization": "Bearer " + expired}, wantStatus: 401, wantBody: `{"code":"ERR_JWT_EXPIRED"}`},
		{name: "jose JWE dir A256GCM", path: "/api/pkg/jose?op=jwe", wantStatus: 200, wantBody: `{"parts":5,"plaintext":"secret text"}`},
		{name: "jsonwebtoken RS256 verifies a Go-signed token", path: "/api/pkg/jsonwebtoken",
			header: map[string]string{"Authorization": "Bearer " + goToken}, wantStatus: 200, wantBody: `{"sub":"from-go"}`},
		{name: "jsonwebtoken RS256 expired", path: "/api/pkg/jsonwebtoken",
			header: map[string]string{"Authorization": "Bearer " + expired}, wantStatus: 401, wantBody: `{"name":"TokenExpiredError","message":"jwt expired"}`},
		{name: "jsonwebtoken rejects a forged HS256 token", path: "/api/pkg/jsonwebtoken",
			header: map[string]string{"Authorization": "Bearer " + hs256(t, "x", map[string]any{"sub": "eve"})}, wantStatus: 401,
			wantBody: `{"name":"JsonWebTokenError","message":"invalid algorithm"}`},
		{name: "cookie parse and serialize", path: "/api/pkg/cookie", header: map[string]string{"Cookie": `a=1; b="q%20x"; a=2; c=%E2%9C%93`},
			wantStatus: 200, wantBody: `{"a":"1","b":"\"q x\"","c":"✓"}`},
		{name: "bcryptjs", method: "POST", path: "/api/pkg/bcrypt", header: jsonCT, body: `{"password":"correct horse"}`, wantStatus: 200,
			wantBody: `{"prefix":"$2a$04$","length":60,"matches":true,"wrong":false,"nodeHash":true}`},
		{name: "uuid v4/v5/v7", path: "/api/pkg/uuid", wantStatus: 200,
			wantBody: `{"v4":true,"v7":true,"distinct":true,"v5":"15b26d7f-ff37-5f72-8224-b921306a5dfc"}`},
		{name: "superjson stringify", path: "/api/pkg/superjson", wantStatus: 200,
			wantHeader: map[string]string{"Content-Type": "application/json"},
			wantBody: `{"json":{"when":"2024-01-15T10:30:00.000Z","big":"12345678901234567890","map":[["a",1]],"set":["x","y"],"re":"/ab+c/gi","undef":null},` +
				`"meta":{"values":{"when":["Date"],"big":["bigint"],"map":["map"],"set":["set"],"re":["regexp"],"undef":["undefined"]},"v":1}}`},
		{name: "superjson parse", method: "POST", path: "/api/pkg/superjson", header: map[string]string{"Content-Type": "text/plain"},
			body:       `{"json":{"when":"2023-06-01T00:00:00.000Z","tags":["b","a"]},"meta":{"values":{"when":["Date"],"tags":["set"]},"v":1}}`,
			wantStatus: 200, wantBody: `{"year":2023,"tags":["a","b"],"isDate":true}`},
		{name: "date-fns", path: "/api/pkg/date-fns", wantStatus: 200,
			wantBody: `{"formatted":"2024-02-28 10:30 Wednesday","plusTwo":"2024-03-01","monthStart":"1 Feb 2024","days":29,"distance":"3 hours","valid":false}`},
		{name: "lodash", path: "/api/pkg/lodash", wantStatus: 200,
			wantBody: `{"grouped":{"a":["ada","cy"],"b":["bob"]},"ordered":["cy","ada","bob"],"merged":{"a":{"b":1,"c":2}},"chunks":[[1,2],[3,4],[5]],"picked":3,"template":"hello ada!","camel":"fooBarBaz"}`},
	})

	t.Run("cookie Set-Cookie", func(t *testing.T) {
		resp, err := http.Get(ts.URL + "/api/pkg/cookie")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := []string{"session=a%20b%3Bc; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Strict", "gone=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}
		if got := resp.Header.Values("Set-Cookie"); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("Set-Cookie %q, want %q", got, want)
		}
	})
	t.Run("jose RS256 signature verifies in Go", func(t *testing.T) {
		token, err := httpGet(ts.URL + "/api/pkg/jose?op=rs256-sign")
		if err != nil {
			t.Fatal(err)
		}
		if claims := verifyRS256(t, &key.PublicKey, token); claims["sub"] != "node" {
			t.Fatalf("claims %v", claims)
		}
	})
	t.Run("jsonwebtoken RS256 signature verifies in Go", func(t *testing.T) {
		resp, err := http.Post(ts.URL+"/api/pkg/jsonwebtoken", "application/json", strings.NewReader(`{"sub":"ada"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct{ Token string }
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		claims := verifyRS256(t, &key.PublicKey, out.Token)
		if claims["sub"] != "ada" || claims["exp"].(float64)-claims["iat"].(float64) != 3600 {
			t.Fatalf("claims %v", claims)
		}
	})
	t.Run("nanoid", func(t *testing.T) {
		body, err := httpGet(ts.URL + "/api/pkg/nanoid")
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			ID       string
			Size     int
			URLSafe  bool
			Hex      string
			Distinct bool
		}
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		if out.Size != 21 || len(out.ID) != 21 || !out.URLSafe || !out.Distinct || !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(out.Hex) {
			t.Fatalf("nanoid %s", body)
		}
	})
	t.Run("busboy", func(t *testing.T) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("title", "hello")
		content := bytes.Repeat([]byte{0, 1, 2, 254, 255}, 30000) // binary, 150 kB
		fw, _ := mw.CreateFormFile("upload", "data.bin")
		fw.Write(content)
		mw.Close()
		resp, err := http.Post(ts.URL+"/api/pkg/busboy", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, _ := io.ReadAll(resp.Body)
		sum := sha256.Sum256(content)
		want := fmt.Sprintf(`{"fields":{"title":"hello"},"files":[{"field":"upload","filename":"data.bin","mimeType":"application/octet-stream","size":150000,"sha256":"%x"}]}`, sum)
		if resp.StatusCode != 200 || string(got) != want {
			t.Fatalf("%d %s\nwant %s", resp.StatusCode, got, want)
		}
	})
}

// An App Router route importing an npm package works in both modes (in dev
// the package is served from the vendor bundle).
func TestNPMFixtureAppRouteImportsPackage(t *testing.T) {
	dir := filepath.Join("conformance", "apps", "npm")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "zod")); err != nil {
		t.Skip("conformance/apps/npm/node_modules is missing: run `npm ci` there (scripts/test.sh does)")
	}
	for _, mode := range []edgerun.Mode{edgerun.Production, edgerun.Development} {
		t.Run(map[edgerun.Mode]string{edgerun.Production: "start", edgerun.Development: "dev"}[mode], func(t *testing.T) {
			srv, err := edgerun.New(dir, edgerun.WithMode(mode), edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { srv.Close() })
			ts := httptest.NewServer(srv)
			t.Cleanup(ts.Close)
			run(t, ts, []exchange{
				{name: "valid", path: "/api/app-zod?name=ada", wantStatus: 200, wantBody: `{"ok":true,"name":"ada"}`},
				{name: "invalid", path: "/api/app-zod?name=a", wantStatus: 400, wantBody: `{"ok":false}`},
			})
		})
	}
}
