package testkit

import (
	"errors"
	"net/http"
	"strings"
	"testing"
)

// fakeClient is what a client package's NewClient returns, reduced to the
// options it was given.
type fakeClient struct {
	base string
	hc   *http.Client
	opts []string
}

type fakeOption func(*fakeClient)

func newFakeClient(base string, opts ...fakeOption) (*fakeClient, error) {
	if base == "" {
		return nil, errors.New("no base URL")
	}
	c := &fakeClient{base: base}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

func withHTTPClient(hc *http.Client) fakeOption {
	return func(c *fakeClient) { c.hc = hc; c.opts = append(c.opts, "http") }
}

func withName(n string) fakeOption {
	return func(c *fakeClient) { c.opts = append(c.opts, n) }
}

func TestNewClient(t *testing.T) {
	c, m := NewClient(t, newFakeClient, withHTTPClient, "https://x.test", withName("a"), withName("b"))
	if c.base != "https://x.test" || strings.Join(c.opts, ",") != "http,a,b" {
		t.Errorf("client = %+v", c)
	}
	if c.hc == nil || c.hc.Transport != m {
		t.Errorf("the client does not send through the mock: %+v", c.hc)
	}
}
