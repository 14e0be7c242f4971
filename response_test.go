package incidentkit

import (
	"net/http"
	"testing"
	"time"
)

func TestNewResponseReadsRequestIDAndRateLimit(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		wantID string
		want   RateLimit
		known  bool
	}{
		{name: "nothing", header: http.Header{}, want: RateLimit{Remaining: -1}},
		{name: "ServiceNow", header: http.Header{
			"X-Transaction-Id":  {"e3003cb2db8c"},
			"X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Reset": {"1796137200"}, "X-Ratelimit-Rule": {"reads"},
		}, wantID: "e3003cb2db8c", want: RateLimit{Limit: 100, Remaining: -1, Reset: time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC), Rule: "reads"}, known: true},
		{name: "request id first", header: http.Header{"X-Request-Id": {"a"}, "X-Transaction-Id": {"b"}}, wantID: "a", want: RateLimit{Remaining: -1}},
		{name: "AWS", header: http.Header{"X-Amzn-Requestid": {"c"}, "X-Ratelimit-Remaining": {"0"}}, wantID: "c", want: RateLimit{Remaining: 0}, known: true},
		{name: "not numbers", header: http.Header{"X-Ratelimit-Limit": {"many"}, "X-Ratelimit-Reset": {"soon"}, "X-Ratelimit-Remaining": {"-3"}}, want: RateLimit{Remaining: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewResponse(200, tt.header, 1)
			if r.RequestID != tt.wantID || r.RateLimit != tt.want || r.RateLimit.Known() != tt.known {
				t.Errorf("got id %q, %+v (known %v); want %q, %+v (known %v)", r.RequestID, r.RateLimit, r.RateLimit.Known(), tt.wantID, tt.want, tt.known)
			}
		})
	}
}

func TestErrorResponse(t *testing.T) {
	e := &Error{StatusCode: 429, Attempts: 3, Header: http.Header{"X-Ratelimit-Limit": {"10"}, "X-Request-Id": {"r1"}}}
	r := e.Response()
	if r.StatusCode != 429 || r.Attempts != 3 || r.RequestID != "r1" || r.RateLimit.Limit != 10 {
		t.Errorf("got %+v", r)
	}
}
