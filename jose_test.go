package edgerun_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/edgerun/edgerun"
)

// jose in an edge route, end to end over HTTP (WebCrypto issue).
func TestJoseInEdgeRoute(t *testing.T) {
	ts := npmFixture(t)
	secret := "an edge route secret that is long enough"
	good := hs256(t, secret, map[string]any{"sub": "go", "iat": time.Now().Unix()})
	bad := hs256(t, "not the secret", map[string]any{"sub": "go"})
	jsonCT := map[string]string{"Content-Type": "application/json"}
	run(t, ts, []exchange{
		{name: "HS256 sign and verify", path: "/api/edge/jose?op=hs256", wantStatus: 200, wantHeader: jsonCT, wantBody: `{"sub":"ada","parts":3}`},
		{name: "verify a Go-signed HS256 token", path: "/api/edge/jose?op=verify&token=" + url.QueryEscape(good), wantStatus: 200, wantBody: `{"ok":true,"sub":"go"}`},
		{name: "reject a bad signature", path: "/api/edge/jose?op=verify&token=" + url.QueryEscape(bad), wantStatus: 401,
			wantBody: `{"ok":false,"code":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"}`},
		{name: "RS256", path: "/api/edge/jose?op=rs256", wantStatus: 200, wantBody: `{"alg":"RS256","sub":"ada","role":"admin"}`},
		{name: "ES256", path: "/api/edge/jose?op=es256", wantStatus: 200, wantBody: `{"alg":"ES256","sub":"ada","role":"admin"}`},
		{name: "EdDSA", path: "/api/edge/jose?op=eddsa", wantStatus: 200, wantBody: `{"alg":"EdDSA","sub":"ada","role":"admin"}`},
		{name: "JWKS import", path: "/api/edge/jose?op=jwks", wantStatus: 200, wantBody: `{"sub":"jwks","kty":"EC","crv":"P-256"}`},
		{name: "JWE A256GCM", path: "/api/edge/jose?op=jwe", wantStatus: 200, wantBody: `{"plaintext":"hello, edge","enc":"A256GCM","parts":5}`},
	})
}

// BenchmarkJoseEdge measures jose operations in an edge route through
// ServeHTTP: HMAC-SHA256 sign+verify, and ES256 verify of a fresh token
// (which includes its signing and key generation, see the route).
func BenchmarkJoseHS256SignVerify(b *testing.B) { benchNPMRoute(b, "/api/edge/jose?op=hs256") }

func benchNPMRoute(b *testing.B, path string) {
	dir := filepath.Join("conformance", "apps", "npm")
	srv, err := edgerun.New(dir, edgerun.WithLogger(testLogger()), edgerun.WithProcessEnv(map[string]string{}))
	if err != nil {
		b.Skip(err)
	}
	defer srv.Close()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	w := &discardWriter{h: http.Header{}}
	srv.ServeHTTP(w, req)
	if w.code != 200 {
		b.Fatalf("status %d", w.code)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := &discardWriter{h: http.Header{}}
		srv.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}
