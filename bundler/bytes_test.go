package bundler

import "testing"

var parseBytesTests = []struct {
	in   string
	want int64
	ok   bool
}{
	{"1mb", 1 << 20, true},
	{"1MB", 1 << 20, true},
	{"1.5kb", 1536, true},
	{"1.0001kb", 1024, true}, // floored
	{"10 mb", 10 << 20, true},
	{"4gb", 4 << 30, true},
	{"2tb", 2 << 40, true},
	{"1pb", 1 << 50, true},
	{"100", 100, true},
	{"10b", 10, true}, // "b" is not in the unit pattern: parseInt reads "10"
	{"  12kb", 12, true},
	{"+5kb", 5120, true},
	{"-1kb", -1024, true},
	{"abc", 0, false},
	{"", 0, false},
	{"kb", 0, false},
}

func TestParseBytes(t *testing.T) {
	for _, tt := range parseBytesTests {
		got, ok := ParseBytes(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

var formatBytesTests = []struct {
	in   int64
	want string
}{
	{4 * 1024 * 1024, "4MB"},
	{1536, "1.5KB"},
	{100, "100B"},
	{0, "0B"},
	{1 << 30, "1GB"},
	{1234567, "1.18MB"},
	{10 * 1024, "10KB"},
}

func TestFormatBytes(t *testing.T) {
	for _, tt := range formatBytesTests {
		if got := FormatBytes(tt.in); got != tt.want {
			t.Errorf("FormatBytes(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
