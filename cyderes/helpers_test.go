package cyderes

import (
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const (
	testBase   = "https://tsi-api.cyderes.io"
	testSecret = "s3cr3t-TSI-token"
	// anyURL matches every request to testBase in testkit.Mock.On.
	anyURL = "=~^" + testBase + "/"
)

// newTestClient returns a client on a fresh recording mock, with the token
// and fast retries; opts come last and may override them.
func newTestClient(t *testing.T, opts ...Option) (*Client, *testkit.Mock) {
	t.Helper()
	return testkit.NewClient(t, NewClient, WithHTTPClient, testBase,
		append([]Option{WithToken(testSecret), WithRetryWait(time.Millisecond, 5*time.Millisecond)}, opts...)...)
}

// only returns the single recorded request, failing otherwise.
func only(t *testing.T, m *testkit.Mock) testkit.Request {
	t.Helper()
	got := m.Requests()
	if len(got) != 1 {
		t.Fatalf("sent %d requests, want 1", len(got))
	}
	return got[0]
}

// checkAuth fails unless the request carries the bearer token.
func checkAuth(t *testing.T, r testkit.Request) {
	t.Helper()
	if got := r.Header.Get("Authorization"); got != "Bearer "+testSecret {
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

// sentTo returns the single recorded request, failing unless it carries the
// bearer token and is method to rawPath (escaped as sent) with rawQuery.
func sentTo(t *testing.T, m *testkit.Mock, method, rawPath, rawQuery string) testkit.Request {
	t.Helper()
	r := only(t, m)
	checkAuth(t, r)
	if r.Method != method || r.RawPath != rawPath || r.RawQuery != rawQuery {
		t.Errorf("sent %s %s?%s, want %s %s?%s", r.Method, r.RawPath, r.RawQuery, method, rawPath, rawQuery)
	}
	return r
}
