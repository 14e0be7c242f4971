package transport

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

const redacted = "REDACTED"

// sensitiveParams are query parameter names (lower-cased) whose values are
// always redacted, and sensitiveParts are substrings that mark a parameter
// name as sensitive.
var (
	sensitiveParams = []string{"code", "key", "sig", "pwd", "auth"}
	sensitiveParts  = []string{"token", "secret", "password", "passwd", "apikey", "api_key", "api-key", "signature", "session", "credential", "authorization"}
)

func isSensitiveParam(name string) bool {
	n := strings.ToLower(name)
	if slices.Contains(sensitiveParams, n) {
		return true
	}
	for _, p := range sensitiveParts {
		if strings.Contains(n, p) {
			return true
		}
	}
	return false
}

// RedactURL returns u as a string with user information removed and the
// values of token-like query parameters replaced by REDACTED.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	if u.User == nil && !hasSensitiveQuery(u.RawQuery) {
		return u.String()
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		q, err := url.ParseQuery(c.RawQuery)
		if err != nil {
			c.RawQuery = redacted
		} else {
			for k := range q {
				if isSensitiveParam(k) {
					q[k] = []string{redacted}
				}
			}
			c.RawQuery = q.Encode()
		}
	}
	return c.String()
}

func hasSensitiveQuery(raw string) bool {
	if raw == "" {
		return false
	}
	for part := range strings.SplitSeq(raw, "&") {
		name, _, _ := strings.Cut(part, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if isSensitiveParam(name) {
			return true
		}
	}
	return false
}

// querySecrets returns the values of token-like query parameters in raw.
func querySecrets(raw string) []string {
	if !hasSensitiveQuery(raw) {
		return nil
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil
	}
	var out []string
	for k, vs := range q {
		if isSensitiveParam(k) {
			out = append(out, vs...)
		}
	}
	return out
}

// scrubber replaces secret values in text: the credentials the client's
// Authenticator reports at the time of use (so a refreshed token is
// covered too) and any extra values of one call. It is used only on error
// and log paths, and is safe for concurrent use.
type scrubber struct {
	auth Authenticator
	// more lists further secrets at the time of use; nil when none.
	more  func() []string
	extra []string
}

func newScrubber(auth Authenticator, more func() []string) *scrubber {
	return &scrubber{auth: auth, more: more}
}

// with returns a scrubber that also replaces extra, or s itself when extra
// is empty.
func (s *scrubber) with(extra []string) *scrubber {
	if len(extra) == 0 {
		return s
	}
	return &scrubber{auth: s.auth, more: s.more, extra: append(slices.Clone(s.extra), extra...)}
}

func (s *scrubber) secrets() []string {
	var raw []string
	if s.auth != nil {
		raw = append(raw, s.auth.Secrets()...)
	}
	if s.more != nil {
		raw = append(raw, s.more()...)
	}
	raw = append(raw, s.extra...)
	var all []string
	for _, sec := range raw {
		all = appendForms(all, sec)
	}
	// Longest first, so a secret that contains another is replaced whole.
	slices.SortFunc(all, func(a, b string) int { return len(b) - len(a) })
	return slices.Compact(all)
}

// appendForms appends to dst the forms in which a server may echo secret
// back: as sent; JSON-escaped, with and without HTML escaping (\u003c,
// \u0026), with "/" escaped as \/, and with every special character as a
// \u escape in lower or upper case hex; URL-encoded as a query value (+
// for space) or a path segment (%20), in upper or lower case hex.
func appendForms(dst []string, secret string) []string {
	if secret == "" {
		return dst
	}
	dst = append(dst, secret)
	var b strings.Builder
	for _, mode := range []jsonEscape{jsonPlain, jsonHTML, jsonSlash, jsonHTMLSlash, jsonAllLower, jsonAllUpper} {
		b.Reset()
		escapeJSON(&b, secret, mode)
		dst = append(dst, b.String())
	}
	for _, enc := range []string{url.QueryEscape(secret), url.PathEscape(secret)} {
		dst = append(dst, enc, lowerPercentHex(enc))
	}
	return dst
}

// jsonEscape selects how escapeJSON writes characters that JSON encoders
// differ on.
type jsonEscape int

const (
	jsonPlain     jsonEscape = iota // \" \\ and control characters only
	jsonHTML                        // also < > & as \u003c \u003e \u0026
	jsonSlash                       // also / as \/
	jsonHTMLSlash                   // both
	jsonAllLower                    // every character above as \u00xx
	jsonAllUpper                    // every character above as \u00XX
)

// escapeJSON writes s as the inside of a JSON string in the given mode.
func escapeJSON(b *strings.Builder, s string, mode jsonEscape) {
	const lower, upper = "0123456789abcdef", "0123456789ABCDEF"
	for _, r := range s {
		special := r < 0x20 || r == '"' || r == '\\' ||
			((mode == jsonHTML || mode == jsonHTMLSlash || mode >= jsonAllLower) && (r == '<' || r == '>' || r == '&')) ||
			((mode == jsonSlash || mode == jsonHTMLSlash || mode >= jsonAllLower) && r == '/')
		switch {
		case !special:
			b.WriteRune(r)
		case mode < jsonAllLower && (r == '"' || r == '\\' || r == '/'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case mode < jsonAllLower && r == '\n':
			b.WriteString(`\n`)
		case mode < jsonAllLower && r == '\r':
			b.WriteString(`\r`)
		case mode < jsonAllLower && r == '\t':
			b.WriteString(`\t`)
		default:
			hex := lower
			if mode == jsonAllUpper {
				hex = upper
			}
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		}
	}
}

// lowerPercentHex returns s with the hex digits of its %XX escapes in
// lower case.
func lowerPercentHex(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for j := i + 1; j <= i+2; j++ {
				if b[j] >= 'A' && b[j] <= 'F' {
					b[j] += 'a' - 'A'
				}
			}
			i += 2
		}
	}
	return string(b)
}

// String returns v with every known secret replaced.
func (s *scrubber) String(v string) string {
	if s == nil || v == "" {
		return v
	}
	for _, sec := range s.secrets() {
		if sec != "" {
			v = strings.ReplaceAll(v, sec, redacted)
		}
	}
	return v
}

// Bytes returns b with every known secret replaced.
func (s *scrubber) Bytes(b []byte) []byte {
	if s == nil || len(b) == 0 {
		return b
	}
	return []byte(s.String(string(b)))
}

// Header returns h with every known secret replaced in its values: h
// itself when none holds one, a scrubbed copy otherwise.
func (s *scrubber) Header(h http.Header) http.Header {
	if s == nil || len(h) == 0 {
		return h
	}
	var out http.Header
	for name, vs := range h {
		for i, v := range vs {
			clean := s.String(v)
			if clean == v {
				continue
			}
			if out == nil {
				out = h.Clone()
			}
			out[name][i] = clean
		}
	}
	if out == nil {
		return h
	}
	return out
}
