package nextserver

import (
	"regexp"

	"github.com/dop251/goja"
)

// parseUserAgent fills the shape of Next's userAgent() result (ua-parser-js:
// browser, engine, os, device, cpu). ua-parser-js carries hundreds of
// patterns; this covers the browsers, engines and platforms API routes
// branch on (Chrome, Edge, Firefox, Safari, Opera, Samsung Internet;
// Windows, macOS, iOS, Android, Linux; Apple and Pixel devices) and leaves
// the rest undefined, which is also what ua-parser-js returns for agents
// it does not know (curl and bots included). useragent_test.go holds
// ua-parser-js's own answers, as Next 16.4.6 bundles it.
func parseUserAgent(vm *goja.Runtime, ua string) goja.Value {
	res := vm.NewObject()
	_ = res.Set("ua", ua)
	// ua-parser-js lists every field, undefined when unknown.
	browser := uaObject(vm, "name", "version", "major")
	engine := uaObject(vm, "name", "version")
	osObj := uaObject(vm, "name", "version")
	device := uaObject(vm, "vendor", "model", "type")
	cpu := uaObject(vm, "architecture")
	for _, b := range browserPatterns {
		if m := b.re.FindStringSubmatch(ua); m != nil {
			_ = browser.Set("name", b.name)
			_ = browser.Set("version", m[1])
			_ = browser.Set("major", majorOf(m[1]))
			break
		}
	}
	for _, e := range enginePatterns {
		if m := e.re.FindStringSubmatch(ua); m != nil {
			_ = engine.Set("name", e.name)
			_ = engine.Set("version", m[1])
			break
		}
	}
	for _, o := range osPatterns {
		if m := o.re.FindStringSubmatch(ua); m != nil {
			_ = osObj.Set("name", o.name)
			if len(m) > 1 && m[1] != "" {
				v := m[1]
				switch o.name {
				case "Windows":
					v = windowsVersion(v)
				case "iOS", "Mac OS":
					v = normalizeVersion(v) // 10_15_7 is 10.15.7
				}
				_ = osObj.Set("version", v)
			}
			break
		}
	}
	switch {
	case tabletRE.MatchString(ua) || (androidRE.MatchString(ua) && !mobileWordRE.MatchString(ua)):
		_ = device.Set("type", "tablet")
	case mobileRE.MatchString(ua):
		_ = device.Set("type", "mobile")
	}
	if m := appleDeviceRE.FindStringSubmatch(ua); m != nil {
		_ = device.Set("vendor", "Apple")
		_ = device.Set("model", m[1])
	} else if m := pixelRE.FindStringSubmatch(ua); m != nil {
		_ = device.Set("vendor", "Google")
		_ = device.Set("model", m[1])
	}
	for _, c := range cpuPatterns {
		if c.re.MatchString(ua) {
			_ = cpu.Set("architecture", c.name)
			break
		}
	}
	_ = res.Set("browser", browser)
	_ = res.Set("engine", engine)
	_ = res.Set("os", osObj)
	_ = res.Set("device", device)
	_ = res.Set("cpu", cpu)
	return res
}

func uaObject(vm *goja.Runtime, keys ...string) *goja.Object {
	o := vm.NewObject()
	for _, k := range keys {
		_ = o.Set(k, goja.Undefined())
	}
	return o
}

// windowsVersion maps an NT version to the marketing name ua-parser-js
// reports ("NT 10.0" is "10", "NT 6.1" is "7").
func windowsVersion(nt string) string {
	switch nt {
	case "10.0", "6.4":
		return "10"
	case "6.3":
		return "8.1"
	case "6.2":
		return "8"
	case "6.1":
		return "7"
	case "6.0":
		return "Vista"
	case "5.1", "5.2":
		return "XP"
	case "5.0":
		return "2000"
	}
	return nt
}

type uaPattern struct {
	name string
	re   *regexp.Regexp
}

var browserPatterns = []uaPattern{
	{"Edge", regexp.MustCompile(`Edg(?:e|A|iOS)?/([\d.]+)`)},
	{"Opera", regexp.MustCompile(`OPR/([\d.]+)`)},
	{"Samsung Browser", regexp.MustCompile(`SamsungBrowser/([\d.]+)`)},
	{"Chrome", regexp.MustCompile(`(?:Chrome|CriOS)/([\d.]+)`)},
	{"Firefox", regexp.MustCompile(`(?:Firefox|FxiOS)/([\d.]+)`)},
	{"Mobile Safari", regexp.MustCompile(`Version/([\d.]+).*Mobile.*Safari/`)},
	{"Safari", regexp.MustCompile(`Version/([\d.]+).*Safari/`)},
}

var enginePatterns = []uaPattern{
	{"EdgeHTML", regexp.MustCompile(`Edge/([\d.]+)`)},
	{"Blink", regexp.MustCompile(`Chrome/([\d.]+)`)},
	{"Gecko", regexp.MustCompile(`rv:([\w.]+).*Gecko`)},
	{"WebKit", regexp.MustCompile(`AppleWebKit/([\d.]+)`)},
}

var osPatterns = []uaPattern{
	{"Windows", regexp.MustCompile(`Windows NT ([\d.]+)`)},
	{"iOS", regexp.MustCompile(`(?:iPhone|iPad|iPod).*OS ([\d_]+)`)},
	{"Mac OS", regexp.MustCompile(`Mac OS X ([\d_.]+)`)},
	{"Android", regexp.MustCompile(`Android ([\d.]+)`)},
	{"Chromium OS", regexp.MustCompile(`CrOS \S+ ([\d.]+)`)},
	{"Linux", regexp.MustCompile(`(?i)linux ?([\w.]*)`)},
}

var cpuPatterns = []uaPattern{
	{"amd64", regexp.MustCompile(`(?i)(?:amd|x(?:(?:86|64)[-_])?|wow|win)64[;)]`)},
	{"arm64", regexp.MustCompile(`(?i)aarch64|arm64`)},
	{"ia32", regexp.MustCompile(`(?i)i[3-6]86|x86`)},
}

var (
	tabletRE      = regexp.MustCompile(`iPad|Tablet`)
	androidRE     = regexp.MustCompile(`Android`)
	mobileWordRE  = regexp.MustCompile(`Mobile`)
	mobileRE      = regexp.MustCompile(`Mobi|iPhone|iPod|Android.*Mobile`)
	appleDeviceRE = regexp.MustCompile(`\((iPhone|iPad|iPod|Macintosh)`)
	pixelRE       = regexp.MustCompile(`(?i)droid.+; (pixel[\daxl ]{0,6})(?: bui|\))`)
	majorRE       = regexp.MustCompile(`^\d+`)
)

func majorOf(v string) string { return majorRE.FindString(v) }

func normalizeVersion(v string) string {
	b := []byte(v)
	for i := range b {
		if b[i] == '_' {
			b[i] = '.'
		}
	}
	return string(b)
}
