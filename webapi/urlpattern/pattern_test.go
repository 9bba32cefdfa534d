package urlpattern

import (
	"errors"
	"sync"
	"testing"
)

func str(s string) *string { return &s }

// goMatchTests run the Go API: a pattern from a constructor string, a URL
// to match, and the groups of one component ("" means no match).
var goMatchTests = []struct {
	pattern   string
	input     string
	component Component
	want      string // "name=value,..." with "name=<undefined>" for non-participating groups
}{
	{"https://example.com/books/:id", "https://example.com/books/12", Pathname, "id=12"},
	{"https://example.com/books/:id", "https://example.com/books/12/x", Pathname, ""},
	{"https://example.com/books/:id", "http://example.com/books/12", Pathname, ""},
	{"https://:sub.example.com/*", "https://api.example.com/v1/x", Hostname, "sub=api"},
	{"https://example.com/:a/:b?", "https://example.com/x", Pathname, "a=x,b=<undefined>"},
	{"https://example.com/:x((?!admin)[a-z]+)", "https://example.com/users", Pathname, "x=users"},
	{"https://example.com/:x((?!admin)[a-z]+)", "https://example.com/admin", Pathname, ""},
	{"https://example.com:8080/*", "https://example.com:8080/a", Port, ""},
	// An unescaped "?" after "*" is a modifier, not the start of the search.
	{"https://example.com/*\\?q=:q", "https://example.com/a?q=1", Search, "q=1"},
	{"https://example.com/*?", "https://example.com/?q=1", Pathname, "0="},
}

func TestGoMatch(t *testing.T) {
	for _, tt := range goMatchTests {
		p, err := New(tt.pattern, Options{})
		if err != nil {
			t.Errorf("New(%q): %v", tt.pattern, err)
			continue
		}
		r, err := p.Exec(tt.input)
		if err != nil {
			t.Errorf("Exec(%q): %v", tt.input, err)
			continue
		}
		got := ""
		if r != nil {
			got = "matched"
			if gs := r.Get(tt.component).Groups; len(gs) > 0 {
				got = ""
				for i, g := range gs {
					if i > 0 {
						got += ","
					}
					v := g.Value
					if !g.Matched {
						v = "<undefined>"
					}
					got += g.Name + "=" + v
				}
			}
		}
		want := tt.want
		if want == "" && tt.component == Port {
			want = "matched" // the port component "8080" has no groups
		}
		if got != want {
			t.Errorf("%q on %q: %s groups %q, want %q", tt.pattern, tt.input, tt.component, got, want)
		}
		ok, err := p.Test(tt.input)
		if err != nil || ok != (r != nil) {
			t.Errorf("Test(%q) = %v, %v; Exec matched %v", tt.input, ok, err, r != nil)
		}
	}
}

func TestGoErrors(t *testing.T) {
	_, err := New("/relative", Options{})
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("New(relative) error %v does not wrap ErrInvalid", err)
	}
	if err.Error() != "urlpattern: Relative constructor string '/relative' must have a base URL passed as the second argument." {
		t.Errorf("error message %q", err.Error())
	}
	p, err := NewWithBase("/relative/:x", "https://example.com/a/b", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.PatternString(Hostname); got != "example.com" {
		t.Errorf("hostname from base = %q", got)
	}
	if _, err := NewFromInit(&Init{Pathname: str("/(\\m)")}, Options{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("invalid regexp error = %v", err)
	}
	if _, err := p.Generate(Pathname, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("Generate without groups error = %v", err)
	}
}

func TestGoInit(t *testing.T) {
	p, err := NewFromInit(&Init{Pathname: str("/caf%C3%A9/:x"), BaseURL: str("https://example.com")}, Options{IgnoreCase: true})
	if err != nil {
		t.Fatal(err)
	}
	// Percent-encoding happens before matching: "é" matches "%C3%A9" in
	// any case of "caf", but "É" (%C3%89) does not.
	r, err := p.ExecInit(&Init{Pathname: str("/CAFé/y"), BaseURL: str("https://example.com")})
	if err != nil || r == nil {
		t.Fatalf("ExecInit = %v, %v", r, err)
	}
	if got := r.Get(Pathname).Input; got != "/CAF%C3%A9/y" {
		t.Errorf("canonicalized input %q", got)
	}
	if ok, _ := p.TestInit(&Init{Pathname: str("/CAFÉ/y"), BaseURL: str("https://example.com")}); ok {
		t.Error("É should not match é")
	}
	if ok, _ := p.TestInit(&Init{Pathname: str("/café/y"), Hostname: str("other.example")}); ok {
		t.Error("hostname from init should not match example.com")
	}
}

func TestCompareComponentGo(t *testing.T) {
	a, _ := NewFromInit(&Init{Pathname: str("/foo/:bar")}, Options{})
	b, _ := NewFromInit(&Init{Pathname: str("/foo/*")}, Options{})
	if CompareComponent(Pathname, a, b) != 1 || CompareComponent(Pathname, b, a) != -1 || CompareComponent(Protocol, a, b) != 0 {
		t.Error("compare order")
	}
}

// TestConcurrentMatch shares patterns (and cached components, compiled
// lazily) between goroutines; run with -race.
func TestConcurrentMatch(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				p, err := New("https://example.com/:x((?!admin)[a-z]+)/:id", Options{})
				if err != nil {
					t.Error(err)
					return
				}
				r, err := p.Exec("https://example.com/users/42")
				if err != nil || r == nil || r.Get(Pathname).Groups[1].Value != "42" {
					t.Errorf("Exec = %v, %v", r, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
