package cyderes

import (
	"encoding/base64"
	"strings"
)

// DecodeBase64 decodes attachment content leniently: standard or URL-safe
// alphabet, with or without padding, with line breaks or spaces anywhere
// (MIME style), and an optional "data:...;base64," prefix.
func DecodeBase64(s string) ([]byte, error) {
	if i := strings.Index(s, ";base64,"); i >= 0 && strings.HasPrefix(s, "data:") {
		s = s[i+len(";base64,"):]
	}
	if strings.ContainsAny(s, " \t\r\n") {
		s = strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\r', '\n':
				return -1
			}
			return r
		}, s)
	}
	enc := base64.StdEncoding
	if strings.ContainsAny(s, "-_") {
		enc = base64.URLEncoding
	}
	if strings.HasSuffix(s, "=") || len(s)%4 == 0 {
		return enc.DecodeString(s)
	}
	return enc.WithPadding(base64.NoPadding).DecodeString(s)
}
