package transport

import (
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
	auth  Authenticator
	extra []string
}

func newScrubber(auth Authenticator) *scrubber { return &scrubber{auth: auth} }

// with returns a scrubber that also replaces extra, or s itself when extra
// is empty.
func (s *scrubber) with(extra []string) *scrubber {
	if len(extra) == 0 {
		return s
	}
	return &scrubber{auth: s.auth, extra: append(slices.Clone(s.extra), extra...)}
}

func (s *scrubber) secrets() []string {
	var all []string
	if s.auth != nil {
		all = append(all, s.auth.Secrets()...)
	}
	all = append(all, s.extra...)
	// Longest first, so a secret that contains another is replaced whole.
	slices.SortFunc(all, func(a, b string) int { return len(b) - len(a) })
	return all
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
