package transport

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
)

// Authenticator adds credentials to requests bound for the API's own
// origin. Implementations must be safe for concurrent use.
type Authenticator interface {
	// Authenticate sets credential headers on h, the headers of a cloned
	// request that is about to be sent.
	Authenticate(ctx context.Context, h http.Header) error
	// Secrets lists the values that must never appear in an error or a log
	// record (tokens, passwords, encoded header values).
	Secrets() []string
}

type headerAuth struct {
	name, value string
	secrets     []string
}

func (a *headerAuth) Authenticate(_ context.Context, h http.Header) error {
	h.Set(a.name, a.value)
	return nil
}

func (a *headerAuth) Secrets() []string { return a.secrets }

// BasicAuth authenticates with a user name and password.
func BasicAuth(user, password string) (Authenticator, error) {
	if user == "" {
		return nil, invalid("basic auth", "user name is empty")
	}
	if strings.Contains(user, ":") {
		return nil, invalid("basic auth", "user name contains a colon")
	}
	if password == "" {
		return nil, invalid("basic auth", "password is empty")
	}
	if hasControl(user) || hasControl(password) {
		return nil, invalid("basic auth", "contains a control character")
	}
	enc := base64.StdEncoding.EncodeToString([]byte(user + ":" + password))
	return &headerAuth{name: "Authorization", value: "Basic " + enc, secrets: []string{password, enc}}, nil
}

// BearerToken authenticates with "Authorization: Bearer <token>".
func BearerToken(token string) (Authenticator, error) {
	if err := checkToken("bearer token", token); err != nil {
		return nil, err
	}
	return &headerAuth{name: "Authorization", value: "Bearer " + token, secrets: []string{token}}, nil
}

// APIKeyHeader authenticates with a key sent in the named header (for
// example ServiceNow's x-sn-apikey).
func APIKeyHeader(header, key string) (Authenticator, error) {
	if !validHeaderName(header) {
		return nil, invalid("API key header", "%q is not a valid header name", header)
	}
	if err := checkToken("API key", key); err != nil {
		return nil, err
	}
	return &headerAuth{name: http.CanonicalHeaderKey(header), value: key, secrets: []string{key}}, nil
}

// TokenFunc authenticates with a bearer token obtained from fn for each
// attempt (an OAuth token source, for example); fn caches and refreshes.
// An error from fn ends the call without a retry. secrets lists the static
// values to keep out of errors and logs (a client secret, a password); the
// tokens fn returns are kept out automatically.
func TokenFunc(fn func(ctx context.Context) (string, error), secrets ...string) (Authenticator, error) {
	if fn == nil {
		return nil, invalid("token source", "is nil")
	}
	return &funcAuth{fn: fn, secrets: secrets}, nil
}

type funcAuth struct {
	fn      func(ctx context.Context) (string, error)
	secrets []string
	last    atomic.Pointer[string]
}

func (a *funcAuth) Authenticate(ctx context.Context, h http.Header) error {
	tok, err := a.fn(ctx)
	if err != nil {
		return err
	}
	if tok == "" || hasControl(tok) {
		return errors.New("token source returned an unusable token")
	}
	a.last.Store(&tok)
	h.Set("Authorization", "Bearer "+tok)
	return nil
}

func (a *funcAuth) Secrets() []string {
	if tok := a.last.Load(); tok != nil {
		return append(slices.Clone(a.secrets), *tok)
	}
	return a.secrets
}

func checkToken(field, tok string) error {
	switch {
	case tok == "":
		return invalid(field, "is empty")
	case strings.TrimSpace(tok) != tok:
		return invalid(field, "has leading or trailing white space")
	case hasControl(tok):
		return invalid(field, "contains a control character")
	}
	return nil
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f })
}

// authError marks a failure to obtain credentials, which is never retried.
type authError struct{ err error }

func (e *authError) Error() string { return "authentication: " + e.err.Error() }
func (e *authError) Unwrap() error { return e.err }

// authTransport adds credentials to requests for the API's origin only, so
// a redirect or a server-supplied link to another host never carries them.
type authTransport struct {
	next   http.RoundTripper
	auth   Authenticator
	origin string
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if origin(req.URL) != t.origin {
		return t.next.RoundTrip(req)
	}
	r := req.Clone(req.Context())
	if err := t.auth.Authenticate(req.Context(), r.Header); err != nil {
		closeBody(req)
		return nil, &authError{err: err}
	}
	return t.next.RoundTrip(r)
}

// closeBody honours the RoundTripper contract to close the body even on
// error.
func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// origin returns scheme://host:port with the default port made explicit,
// lower-cased, for same-origin comparisons.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}
