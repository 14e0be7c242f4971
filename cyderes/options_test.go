package cyderes

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
	"golang.org/x/time/rate"
)

func TestOptions(t *testing.T) {
	good := []Option{
		WithRetries(2), WithoutRetries(), WithRetryWait(time.Millisecond, time.Second), WithRateLimit(10, 2),
		WithLimiter(rate.NewLimiter(1, 1)), WithLogger(slog.New(slog.DiscardHandler)), WithUserAgent("bridge/1.0"),
		WithMaxResponseBytes(1 << 20), WithTimeout(time.Minute), WithHeader("X-Tenant", "acme"),
		WithInsecureHTTP(), WithHTTPClient(&http.Client{}), nil,
	}
	if _, err := NewClient("https://tsi.example.com/", append(good, WithToken("t"))...); err != nil {
		t.Fatalf("valid options rejected: %v", err)
	}
	bad := []struct {
		name string
		opt  Option
	}{
		{name: "retries", opt: WithRetries(-1)},
		{name: "retry wait", opt: WithRetryWait(time.Second, time.Millisecond)},
		{name: "rate limit", opt: WithRateLimit(0, 1)},
		{name: "limiter", opt: WithLimiter(nil)},
		{name: "user agent", opt: WithUserAgent("")},
		{name: "max response", opt: WithMaxResponseBytes(0)},
		{name: "timeout", opt: WithTimeout(0)},
		{name: "header", opt: WithHeader("Bad Name", "x")},
		{name: "http client", opt: WithHTTPClient(nil)},
		{name: "token", opt: WithToken("a\nb")},
	}
	for _, tt := range bad {
		if _, err := NewClient(DefaultBaseURL, WithToken("t"), tt.opt); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: error %v", tt.name, err)
		}
	}
}

func TestHeaderAndUserAgentSent(t *testing.T) {
	c, m := newTestClient(t, WithHeader("X-Tenant", "acme"), WithUserAgent("bridge/1.0"))
	m.On("GET", anyURL, testkit.Answer{Body: `{"ticket_id":"T1"}`})
	if _, err := c.Tickets.Get(context.Background(), "T1"); err != nil {
		t.Fatal(err)
	}
	r := only(t, m)
	if r.Header.Get("X-Tenant") != "acme" || r.Header.Get("User-Agent") != "bridge/1.0" {
		t.Errorf("headers %v", r.Header)
	}
}
