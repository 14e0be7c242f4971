package transport

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
)

// contextDropper is a caller's transport that sends every request with a
// fresh context, as some instrumentation wrappers do: httptrace events
// never reach the client.
type contextDropper struct{ base http.RoundTripper }

func (d contextDropper) RoundTrip(r *http.Request) (*http.Response, error) {
	return d.base.RoundTrip(r.WithContext(context.Background()))
}

// TestUntraceableSendIsAssumedSent: through a transport that drops the
// request's context the send tracker sees nothing, so a create whose
// connection was reset after the server read it must be assumed sent and
// not repeated. A read is still repeated.
func TestUntraceableSendIsAssumedSent(t *testing.T) {
	tests := []struct {
		method   string
		wantHits int32
	}{
		{method: http.MethodPost, wantHits: 1},
		{method: http.MethodGet, wantHits: 2},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			var hits atomic.Int32
			hc := &http.Client{Transport: contextDropper{base: http.DefaultTransport.(*http.Transport).Clone()}}
			c := serve(t, resetAfterRequest(&hits, 1), WithHTTPClient(hc))
			_, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/x", JSON: body(tt.method)}, nil)
			if hits.Load() != tt.wantHits {
				t.Errorf("server saw %d requests, want %d (err %v)", hits.Load(), tt.wantHits, err)
			}
		})
	}
}
