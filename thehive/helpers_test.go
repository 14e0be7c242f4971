package thehive

import (
	"iter"
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
// mock, with short retry waits. A V0 client is told its server runs
// TheHive 3 (opts may say otherwise), so that it asks nothing first.
func newMock(t *testing.T, d Dialect, opts ...Option) (*Client, *testkit.Mock) {
	t.Helper()
	base := []Option{WithAPIKey(testSecret), WithDialect(d), WithRetryWait(time.Millisecond, 5*time.Millisecond)}
	if d == V0 {
		base = append(base, WithServerVersion(3))
	}
	return testkit.NewClient(t, NewClient, WithHTTPClient, testBase, append(base, opts...)...)
}

// answerAll makes m answer every request with a, recording each.
func answerAll(m *testkit.Mock, a testkit.Answer) {
	m.RegisterNoResponder(m.Record(func(*http.Request) testkit.Answer { return a }))
}

// wantSent checks that m recorded n requests.
func wantSent(t *testing.T, m *testkit.Mock, n int) {
	t.Helper()
	if got := len(m.Requests()); got != n {
		t.Errorf("sent %d requests, want %d", got, n)
	}
}

// errOf returns the error of a call that also returns a value.
func errOf[T any](_ T, err error) error { return err }

// firstErr returns the error of the first element of seq, or nil.
func firstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		return err
	}
	return nil
}
