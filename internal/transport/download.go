package transport

import (
	"mime"
	"strings"
)

// dispositionFileName returns the file name of a Content-Disposition value
// (filename* in RFC 5987 form preferred, as mime decodes it), reduced to its
// last path element so a hostile name such as "../../etc/passwd" cannot
// point outside a caller's directory. It returns "" when there is none.
func dispositionFileName(v string) string {
	if v == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(v)
	if err != nil {
		return ""
	}
	name := params["filename"]
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == ".." {
		return ""
	}
	return name
}
