package cyderes

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const (
	testBase   = "https://tsi-api.cyderes.io"
	testSecret = "s3cr3t-TSI-token"
)

// newMock returns a client on a per-test mock transport with a token and
// fast retries.
func newMock(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	all := append([]Option{
		WithHTTPClient(&http.Client{Transport: mock}),
		WithToken(testSecret),
		WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := NewClient(all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mock
}

// seen records one request for shape checks.
type seen struct {
	method, path, rawPath, query, body string
	header                             http.Header
}

// recorder answers every request with status and body, and records it.
type recorder struct {
	mu  sync.Mutex
	got []seen
}

func (r *recorder) respond(status int, body string, headers ...string) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		r.record(req)
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(headers); i += 2 {
			resp.Header.Set(headers[i], headers[i+1])
		}
		return resp, nil
	}
}

func (r *recorder) record(req *http.Request) {
	var b []byte
	if req.Body != nil {
		b, _ = io.ReadAll(req.Body)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, seen{req.Method, req.URL.Path, req.URL.EscapedPath(), req.URL.RawQuery, string(bytes.TrimSpace(b)), req.Header.Clone()})
}

func (r *recorder) requests() []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]seen(nil), r.got...)
}

// one returns the single recorded request, failing otherwise.
func (r *recorder) one(t *testing.T) seen {
	t.Helper()
	got := r.requests()
	if len(got) != 1 {
		t.Fatalf("sent %d requests, want 1", len(got))
	}
	return got[0]
}

// checkAuth fails unless the request carries the bearer token.
func checkAuth(t *testing.T, s seen) {
	t.Helper()
	if got := s.header.Get("Authorization"); got != "Bearer "+testSecret {
		t.Errorf("Authorization = %q", got)
	}
}

// noSecret fails when err's text contains the token.
func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), testSecret) {
		t.Errorf("error text contains the token: %v", err)
	}
}
