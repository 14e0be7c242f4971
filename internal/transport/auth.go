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

// headerAuth sends one fixed header. name is in canonical form, and value
// is shared by every request and never modified.
type headerAuth struct {
	name    string
	value   []string
	secrets []string
}

func newHeaderAuth(name, value string, secrets ...string) *headerAuth {
	return &headerAuth{name: name, value: []string{value}, secrets: secrets}
}

func (a *headerAuth) Authenticate(_ context.Context, h http.Header) error {
	h[a.name] = a.value
	return nil
}

func (a *headerAuth) Secrets() []string { return a.secrets }

// fixedHeader is an Authenticator whose credentials are one header that
// never changes. The core adds it to a request's header when it builds the
// request, so that the authentication layer passes the request on without
// a copy; the layer still removes it from any request bound for another
// origin (a redirect to wherever its Location points).
type fixedHeader interface {
	fixed() (name string, value []string)
}

func (a *headerAuth) fixed() (string, []string) { return a.name, a.value }

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
	return newHeaderAuth("Authorization", "Basic "+enc, password, enc), nil
}

// BearerToken authenticates with "Authorization: Bearer <token>".
func BearerToken(token string) (Authenticator, error) {
	if err := checkToken("bearer token", token); err != nil {
		return nil, err
	}
	return newHeaderAuth("Authorization", "Bearer "+token, token), nil
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
	return newHeaderAuth(http.CanonicalHeaderKey(header), key, key), nil
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

// RefreshingToken is TokenFunc for a source that caches its tokens: when
// the API refuses a token with an HTTP 401 (revoked before its expiry, for
// one), drop is called with that token so that the source obtains a new
// one for the next call instead of sending the refused one until it
// expires.
func RefreshingToken(fn func(ctx context.Context) (string, error), drop func(token string), secrets ...string) (Authenticator, error) {
	if drop == nil {
		return nil, invalid("token source", "drop function is nil")
	}
	a, err := TokenFunc(fn, secrets...)
	if err != nil {
		return nil, err
	}
	a.(*funcAuth).drop = drop
	return a, nil
}

type funcAuth struct {
	fn      func(ctx context.Context) (string, error)
	drop    func(token string)
	secrets []string
	last    atomic.Pointer[string]
}

// Rejected tells the source that the server refused the token h carries.
func (a *funcAuth) Rejected(h http.Header) {
	if tok, ok := strings.CutPrefix(h.Get("Authorization"), "Bearer "); ok && a.drop != nil {
		a.drop(tok)
	}
}

// rejecter is an Authenticator that wants to know when the server refused
// the credentials it set (an HTTP 401), to drop a cached token.
type rejecter interface{ Rejected(h http.Header) }

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
	origin *url.URL
}

// RoundTrip adds the credentials to a copy of req that shares everything
// but the header map, so the request it was given is never changed. The
// header values are shared too: no layer modifies a value in place, an
// Authenticator replaces whole entries.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if f, ok := t.auth.(fixedHeader); ok {
		return t.fixed(req, f)
	}
	if !sameOrigin(req.URL, t.origin) {
		return t.next.RoundTrip(req)
	}
	r := *req
	r.Header = make(http.Header, len(req.Header)+1)
	for k, v := range req.Header {
		r.Header[k] = v
	}
	if err := t.auth.Authenticate(req.Context(), r.Header); err != nil {
		closeBody(req)
		return nil, &authError{err: err}
	}
	resp, err := t.next.RoundTrip(&r)
	if err == nil && resp.StatusCode == http.StatusUnauthorized {
		if rj, ok := t.auth.(rejecter); ok {
			rj.Rejected(r.Header)
		}
	}
	return resp, err
}

// fixed sends req, whose header the core built with f's header in it, as
// it is when it is bound for the API's origin and the header holds f's
// value; a redirect within the origin gets the header set on a copy, and a
// request bound for any other origin goes without it.
func (t *authTransport) fixed(req *http.Request, f fixedHeader) (*http.Response, error) {
	name, value := f.fixed()
	got, has := req.Header[name]
	same := sameOrigin(req.URL, t.origin)
	switch {
	case same && len(got) == 1 && got[0] == value[0]:
		return t.next.RoundTrip(req)
	case !same && !has:
		return t.next.RoundTrip(req)
	}
	r := *req
	r.Header = make(http.Header, len(req.Header)+1)
	for k, v := range req.Header {
		r.Header[k] = v
	}
	if same {
		r.Header[name] = value
	} else {
		delete(r.Header, name)
	}
	return t.next.RoundTrip(&r)
}

// closeBody honours the RoundTripper contract to close the body even on
// error.
func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}

// origin returns scheme://host:port with the default port made explicit,
// lower-cased, as messages show an origin.
func origin(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Hostname()) + ":" + port(u)
}

// sameOrigin reports whether u and base have the same scheme, host and
// port, compared as origin formats them but without building strings.
func sameOrigin(u, base *url.URL) bool {
	if u.Scheme == base.Scheme && u.Host == base.Host {
		return true // the common case: a URL built from the base URL
	}
	return strings.EqualFold(u.Scheme, base.Scheme) &&
		strings.EqualFold(u.Hostname(), base.Hostname()) &&
		port(u) == port(base)
}

// port returns u's port, or the scheme's default one.
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch {
	case strings.EqualFold(u.Scheme, "https"):
		return "443"
	case strings.EqualFold(u.Scheme, "http"):
		return "80"
	}
	return ""
}
