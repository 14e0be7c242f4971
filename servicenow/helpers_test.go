package servicenow

import (
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const (
	testBase   = "https://dev1.service-now.com"
	testSecret = "s3cr3t-PASS-value"
)

// newClient returns a client with basic auth and short retry waits that
// sends through m.
func newClient(t *testing.T, m *testkit.Mock, opts ...Option) *Client {
	t.Helper()
	all := append([]Option{
		WithHTTPClient(m.HTTPClient()),
		WithBasicAuth("admin", testSecret),
		WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := NewClient(testBase, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// answerAll answers every request m receives with a.
func answerAll(m *testkit.Mock, a testkit.Answer) {
	m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return a }))
}
