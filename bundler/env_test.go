package bundler

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var parseDotenvTests = []struct {
	name string
	src  string
	want []dotenvEntry
}{
	{"basic", "A=1\nB = two \n", []dotenvEntry{{"A", "1"}, {"B", "two"}}},
	{"comments", "# comment\nA=1 # trailing\n#B=2\n", []dotenvEntry{{"A", "1"}}},
	{"export prefix", "export A=1\n", []dotenvEntry{{"A", "1"}}},
	{"single quotes keep escapes", `A='x\ny # not a comment'`, []dotenvEntry{{"A", `x\ny # not a comment`}}},
	{"double quotes expand \\n", `A="x\ny"`, []dotenvEntry{{"A", "x\ny"}}},
	{"escaped quote keeps backslash", `A="say \"hi\""`, []dotenvEntry{{"A", `say \"hi\"`}}},
	{"backticks", "A=`it's \"q\"`", []dotenvEntry{{"A", `it's "q"`}}},
	{"multiline double quoted", "A=\"line1\nline2\"\nB=3", []dotenvEntry{{"A", "line1\nline2"}, {"B", "3"}}},
	{"crlf", "A=1\r\nB=2\r\n", []dotenvEntry{{"A", "1"}, {"B", "2"}}},
	{"empty value", "A=\nB=", []dotenvEntry{{"A", ""}, {"B", ""}}},
	{"colon separator", "A: 1", []dotenvEntry{{"A", "1"}}},
	{"dotted and dashed keys", "a.b-c=1", []dotenvEntry{{"a.b-c", "1"}}},
	{"later duplicate wins, first position kept", "A=1\nB=2\nA=3", []dotenvEntry{{"A", "3"}, {"B", "2"}}},
	{"unterminated quote", `A="abc`, []dotenvEntry{{"A", `"abc`}}},
	{"hash inside quotes", `A="a#b"`, []dotenvEntry{{"A", "a#b"}}},
}

func TestParseDotenv(t *testing.T) {
	for _, tt := range parseDotenvTests {
		if got := parseDotenv(tt.src); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: parseDotenv(%q) = %q, want %q", tt.name, tt.src, got, tt.want)
		}
	}
}

var expandTests = []struct {
	name string
	env  map[string]string
	src  string
	want map[string]string
}{
	{"simple", nil, "A=1\nB=$A\nC=${A}x", map[string]string{"A": "1", "B": "1", "C": "1x"}},
	{"forward reference", nil, "B=$A\nA=1", map[string]string{"A": "1", "B": "1"}},
	{"process env wins in references", map[string]string{"A": "env"}, "A=file\nB=$A", map[string]string{"A": "env", "B": "env"}},
	{"default", nil, "B=${MISSING:-dflt}", map[string]string{"B": "dflt"}},
	{"default unused", nil, "A=1\nB=${A:-dflt}", map[string]string{"A": "1", "B": "1"}},
	{"escaped dollar", nil, `A=\$HOME`, map[string]string{"A": "$HOME"}},
	{"missing is empty", nil, "A=x${NOPE}y", map[string]string{"A": "xy"}},
	{"single quotes still expand (dotenv-expand 10)", nil, "A=1\nB='$A'", map[string]string{"A": "1", "B": "1"}},
	{"self reference terminates, left unexpanded", nil, "A=$A", map[string]string{"A": "$A"}},
}

func TestExpandDotenv(t *testing.T) {
	for _, tt := range expandTests {
		env := map[string]string{}
		for k, v := range tt.env {
			env[k] = v
		}
		parsed := parseDotenv(tt.src)
		expandDotenv(parsed, env)
		got := map[string]string{}
		for _, e := range parsed {
			got[e.Key] = e.Value
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var loadEnvTests = []struct {
	name      string
	mode      string
	files     map[string]string
	process   map[string]string
	wantVars  map[string]string
	wantFiles []string
}{
	{
		name: "priority development",
		mode: "development",
		files: map[string]string{
			".env.development.local": "A=devlocal\n",
			".env.local":             "A=local\nB=local\n",
			".env.development":       "A=dev\nB=dev\nC=dev\n",
			".env":                   "A=base\nB=base\nC=base\nD=base\n",
			".env.production":        "E=prod\n",
		},
		wantVars:  map[string]string{"A": "devlocal", "B": "local", "C": "dev", "D": "base"},
		wantFiles: []string{".env.development.local", ".env.local", ".env.development", ".env"},
	},
	{
		name:      "test mode skips .env.local",
		mode:      "test",
		files:     map[string]string{".env.local": "A=local\n", ".env.test": "B=test\n", ".env": "A=base\n"},
		wantVars:  map[string]string{"A": "base", "B": "test"},
		wantFiles: []string{".env.test", ".env"},
	},
	{
		name:      "process env wins",
		mode:      "production",
		files:     map[string]string{".env": "A=file\nB=$A-suffix\n"},
		process:   map[string]string{"A": "proc"},
		wantVars:  map[string]string{"A": "proc", "B": "proc-suffix"},
		wantFiles: []string{".env"},
	},
	{
		name:      "reference to a higher-priority file",
		mode:      "production",
		files:     map[string]string{".env.local": "HOST=example.com\n", ".env": "HOST=localhost\nURL=https://${HOST}/api\n"},
		wantVars:  map[string]string{"HOST": "example.com", "URL": "https://example.com/api"},
		wantFiles: []string{".env.local", ".env"},
	},
	{
		name:      "no files",
		mode:      "development",
		wantVars:  map[string]string{},
		wantFiles: nil,
	},
}

func TestLoadEnv(t *testing.T) {
	for _, tt := range loadEnvTests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			env, err := LoadEnv(dir, tt.mode, tt.process)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for k, v := range tt.process {
				want[k] = v
			}
			for k, v := range tt.wantVars {
				want[k] = v
			}
			if !reflect.DeepEqual(env.Vars, want) {
				t.Errorf("Vars = %q, want %q", env.Vars, want)
			}
			if !reflect.DeepEqual(env.Files, tt.wantFiles) {
				t.Errorf("Files = %q, want %q", env.Files, tt.wantFiles)
			}
			for k := range tt.process {
				if _, ok := env.FromFiles[k]; ok {
					t.Errorf("FromFiles has process variable %s", k)
				}
			}
		})
	}
}

func TestLoadEnvBadMode(t *testing.T) {
	if _, err := LoadEnv(t.TempDir(), "staging", nil); err == nil {
		t.Fatal("expected an error for mode staging")
	}
}
