package wasm

// emptyModuleName stands in for "" as an import's module name: the binary
// format allows an empty name, wazero refuses it.
const emptyModuleName = "\x00edgerun:empty"

// wazeroModuleName is the module name wazero sees for an import's module.
func wazeroModuleName(m string) string {
	if m == "" {
		return emptyModuleName
	}
	return m
}

// forWazero returns module bytes as wazero should get them. Custom sections
// go (the package reads them itself; wazero rejects a custom section that
// holds only its name, and a malformed "name" section, both of which the
// JS API accepts), and empty import module names are renamed. info is the
// module parsed from b.
func forWazero(b []byte, info *moduleInfo) []byte {
	rename := false
	for _, im := range info.imports {
		if im.module == "" {
			rename = true
		}
	}
	out := append([]byte(nil), b[:8]...)
	r := &reader{b: b, pos: 8}
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		for r.pos < len(b) {
			start := r.pos
			id := r.byte()
			size := r.u32()
			r.bytes(size)
			switch {
			case id == 0:
				// dropped
			case id == 2 && rename:
				body := appendU32(nil, uint32(len(info.imports)))
				for _, im := range info.imports {
					body = append(body, encodeImport(wazeroModuleName(im.module), im.name, im)...)
				}
				out = append(out, 2)
				out = appendU32(out, uint32(len(body)))
				out = append(out, body...)
			default:
				out = append(out, b[start:r.pos]...)
			}
		}
		return true
	}()
	if !ok {
		return b
	}
	return out
}
