package servicenow

import (
	"iter"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const (
	testBase   = "https://dev1.service-now.com"
	testSecret = "s3cr3t-PASS-value"
)

// newClient returns a client with basic auth and short retry waits on a
// fresh recording mock; opts come last and may override them.
func newClient(t *testing.T, opts ...Option) (*Client, *testkit.Mock) {
	t.Helper()
	return testkit.NewClient(t, NewClient, WithHTTPClient, testBase,
		append([]Option{WithBasicAuth("admin", testSecret), WithRetryWait(time.Millisecond, 5*time.Millisecond)}, opts...)...)
}

// answerAll answers every request m receives with a.
func answerAll(m *testkit.Mock, a testkit.Answer) {
	m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return a }))
}

// sysIDs ranges seq to its end, failing the test on an error, and returns
// the incidents' sys_ids, comma-separated.
func sysIDs(t *testing.T, seq iter.Seq2[*Incident, error]) string {
	t.Helper()
	return strings.Join(testkit.Collect(t, seq, func(in *Incident) string { return in.SysID }), ",")
}

// clientFor returns a client for the test server at baseURL, failing the
// test when NewClient refuses opts.
func clientFor(t *testing.T, baseURL string, opts ...Option) *Client {
	t.Helper()
	c, err := NewClient(baseURL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
