package cyderes

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestOptions(t *testing.T) {
	good := []Option{
		WithRetries(2), WithoutRetries(), WithRetryWait(time.Millisecond, time.Second), WithRateLimit(10, 2),
		WithLimiter(rate.NewLimiter(1, 1)), WithLogger(slog.New(slog.DiscardHandler)), WithUserAgent("bridge/1.0"),
		WithMaxResponseBytes(1 << 20), WithTimeout(time.Minute), WithHeader("X-Tenant", "acme"),
		WithInsecureHTTP(), WithHTTPClient(&http.Client{}), WithBaseURL("https://tsi.example.com/"), nil,
	}
	if _, err := NewClient(append(good, WithToken("t"))...); err != nil {
		t.Fatalf("valid options rejected: %v", err)
	}
	bad := map[string]Option{
		"retries": WithRetries(-1), "retry wait": WithRetryWait(time.Second, time.Millisecond),
		"rate limit": WithRateLimit(0, 1), "limiter": WithLimiter(nil), "user agent": WithUserAgent(""),
		"max response": WithMaxResponseBytes(0), "timeout": WithTimeout(0), "header": WithHeader("Bad Name", "x"),
		"http client": WithHTTPClient(nil), "token": WithToken("a\nb"), "base URL": WithBaseURL("ftp://x"),
	}
	for name, opt := range bad {
		if _, err := NewClient(WithToken("t"), opt); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

func TestHeaderAndUserAgentSent(t *testing.T) {
	var rec recorder
	c, mock := newMock(t, WithHeader("X-Tenant", "acme"), WithUserAgent("bridge/1.0"))
	mock.RegisterNoResponder(rec.respond(200, `{}`))
	if _, err := c.GetTicket(context.Background(), "T1"); err != nil {
		t.Fatal(err)
	}
	s := rec.one(t)
	if s.header.Get("X-Tenant") != "acme" || s.header.Get("User-Agent") != "bridge/1.0" {
		t.Errorf("headers %v", s.header)
	}
}
