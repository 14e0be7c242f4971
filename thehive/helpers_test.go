package thehive

import (
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const (
	testBase   = "https://thehive.example.test"
	testSecret = "s3cr3t-APIKEY-value"
)

// newMock returns a client of dialect d sending through a fresh recording
// mock, with short retry waits.
func newMock(t *testing.T, d Dialect, opts ...Option) (*Client, *testkit.Mock) {
	t.Helper()
	m := testkit.New()
	all := append([]Option{
		WithHTTPClient(m.HTTPClient()),
		WithAPIKey(testSecret),
		WithDialect(d),
		WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := NewClient(testBase, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, m
}

// answerAll makes m answer every request with a, recording each.
func answerAll(m *testkit.Mock, a testkit.Answer) {
	m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return a }))
}
