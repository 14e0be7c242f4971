package testkit

import (
	"net/http"
	"testing"
)

// NewClient builds a client that sends through a fresh Mock and returns
// both, failing the test when the client cannot be built. newClient is
// the package's NewClient and withHTTPClient its WithHTTPClient; the mock's
// HTTP client is the first option, so opts (credentials, retry waits)
// follow it.
func NewClient[C, O any](t testing.TB, newClient func(baseURL string, opts ...O) (C, error),
	withHTTPClient func(*http.Client) O, baseURL string, opts ...O) (C, *Mock) {
	t.Helper()
	m := New()
	c, err := newClient(baseURL, append([]O{withHTTPClient(m.HTTPClient())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}
