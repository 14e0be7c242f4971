package transport

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

// testSecret is set as a credential on test clients; no error text or log
// record may ever contain it.
const testSecret = "s3cr3t-T0KEN-value"

// fastRetry keeps backoff short in tests.
var fastRetry = WithRetryWait(time.Millisecond, 20*time.Millisecond)

// logSink collects log output for inspection.
type logSink struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *logSink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// newClient builds a client for baseURL with a bearer secret, a debug
// logger writing to the returned sink, and fast retries; extra options
// come last. Every error the test sees through check() and every log line
// is searched for the secret when the test ends.
func newClient(t *testing.T, baseURL string, opts ...Option) (*Client, *logSink) {
	t.Helper()
	sink := &logSink{}
	auth, err := BearerToken(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	all := append([]Option{
		WithAuth(auth),
		WithLogger(slog.New(slog.NewTextHandler(sink, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		fastRetry,
	}, opts...)
	s, err := NewSettings(all...)
	if err != nil {
		t.Fatal(err)
	}
	s.Service = "testapi"
	s.BaseURL = baseURL
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if bytes.Contains([]byte(sink.String()), []byte(testSecret)) {
			t.Errorf("log output contains the secret:\n%s", sink.String())
		}
	})
	return c, sink
}

// newMockClient builds a client whose base transport is a fresh httpmock
// transport, under all of the client's own layers.
func newMockClient(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport, *logSink) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	c, sink := newClient(t, "https://api.example.test/base", append([]Option{WithHTTPClient(&http.Client{Transport: mock})}, opts...)...)
	return c, mock, sink
}

// sent sends req through a client built by newMockClient(t, opts...) whose
// transport answers every request 200 {}, and returns the request as it
// reached the transport, under all of the client's layers, with its body.
func sent(t *testing.T, req *Request, opts ...Option) (*http.Request, string) {
	t.Helper()
	c, mock, _ := newMockClient(t, opts...)
	var got *http.Request
	var body []byte
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		got = r
		if r.Body != nil {
			body, _ = io.ReadAll(r.Body)
		}
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	if _, err := c.Do(context.Background(), req, nil); err != nil {
		t.Fatal(err)
	}
	if got == nil {
		t.Fatal("nothing was sent")
	}
	return got, string(body)
}

// serve starts a test server running h, stopped when the test ends, and
// returns a client for it built by newClient with opts.
func serve(t *testing.T, h http.Handler, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, _ := newClient(t, srv.URL, opts...)
	return c
}

// misbehaveFirst reads each request whole and counts it in hits; the first
// n requests get misbehave instead of an answer, the rest {"ok":true}.
func misbehaveFirst(hits *atomic.Int32, n int32, misbehave http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.Add(1) <= n {
			misbehave(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true}`)
	}
}

// noSecret fails the test when err's text contains the secret.
func noSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && bytes.Contains([]byte(err.Error()), []byte(testSecret)) {
		t.Errorf("error text contains the secret: %v", err)
	}
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
