package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/jarcoal/httpmock"
)

// TestSendOnceMakesAWriteUnsafe: a PUT or PATCH the core would repeat
// after a 502 is sent once under incidentkit.SendOnce; a read keeps its
// retries, and a 429 (the server did not act) is still retried.
func TestSendOnceMakesAWriteUnsafe(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		replay   Replay
		first    int
		sendOnce bool
		wantSent int
	}{
		{name: "PUT 502", method: http.MethodPut, first: 502, wantSent: 2},
		{name: "PUT 502, send once", method: http.MethodPut, first: 502, sendOnce: true, wantSent: 1},
		{name: "PATCH marked safe, send once", method: http.MethodPatch, replay: ReplaySafe, first: 502, sendOnce: true, wantSent: 1},
		{name: "DELETE 502, send once", method: http.MethodDelete, first: 502, sendOnce: true, wantSent: 1},
		{name: "PUT 429, send once", method: http.MethodPut, first: 429, sendOnce: true, wantSent: 2},
		{name: "GET 502, send once", method: http.MethodGet, first: 502, sendOnce: true, wantSent: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterResponder(tt.method, mockURL, httpmock.NewStringResponder(tt.first, "").
				Then(httpmock.NewStringResponder(200, `{}`)))
			ctx := context.Background()
			if tt.sendOnce {
				ctx = incidentkit.SendOnce(ctx)
			}
			req := &Request{Method: tt.method, Path: "/api/thing", Replay: tt.replay}
			if tt.method != http.MethodGet {
				req.JSON = body(tt.method)
			}
			_, _ = c.Do(ctx, req, nil)
			if n := mock.GetTotalCallCount(); n != tt.wantSent {
				t.Errorf("sent %d times, want %d", n, tt.wantSent)
			}
		})
	}
}

// TestWithResponseRecordsEveryOutcome: the answer a call ended with is
// recorded on success, on an API error and when no answer came.
func TestWithResponseRecordsEveryOutcome(t *testing.T) {
	reset := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	c, mock, _ := newMockClient(t, WithRetries(1))
	ok := httpmock.NewStringResponder(200, `{}`).HeaderSet(http.Header{
		"X-Transaction-Id":      {"e3003cb2db8c"},
		"X-Ratelimit-Limit":     {"100"},
		"X-Ratelimit-Remaining": {"99"},
		"X-Ratelimit-Reset":     {"1796137200"},
		"X-Ratelimit-Rule":      {"incident reads"},
	})
	mock.RegisterResponder(http.MethodGet, mockURL, httpmock.NewStringResponder(503, "").Then(ok))
	mock.RegisterResponder(http.MethodPost, mockURL, httpmock.NewStringResponder(400, `{}`).
		HeaderSet(http.Header{"X-Request-Id": {"req-7"}}))
	mock.RegisterResponder(http.MethodPut, mockURL, httpmock.NewErrorResponder(errors.New("reset")))

	var rec incidentkit.Response
	ctx := incidentkit.WithResponse(context.Background(), &rec)
	if _, err := c.Do(ctx, &Request{Path: "/api/thing"}, nil); err != nil {
		t.Fatal(err)
	}
	want := incidentkit.RateLimit{Limit: 100, Remaining: 99, Reset: reset, Rule: "incident reads"}
	if rec.StatusCode != 200 || rec.Attempts != 2 || rec.RequestID != "e3003cb2db8c" || rec.RateLimit != want || !rec.RateLimit.Known() {
		t.Errorf("success recorded %+v", rec)
	}

	_, err := c.Do(ctx, &Request{Method: http.MethodPost, Path: "/api/thing", JSON: body("POST")}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || rec.StatusCode != 400 || rec.RequestID != "req-7" || apiErr.Response().RequestID != "req-7" {
		t.Errorf("error recorded %+v (err %v)", rec, err)
	}
	if rec.RateLimit.Known() {
		t.Errorf("no rate-limit headers, yet %+v", rec.RateLimit)
	}

	if _, err := c.Do(ctx, &Request{Method: http.MethodPut, Path: "/api/thing", JSON: body("PUT")}, nil); err == nil {
		t.Fatal("no error")
	}
	if rec.StatusCode != 0 || rec.Attempts != 2 || rec.Header != nil {
		t.Errorf("no answer recorded %+v", rec)
	}
}
