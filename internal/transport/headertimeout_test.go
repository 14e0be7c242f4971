package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// silentFirst accepts every request but leaves the first `silent` of them
// unanswered until the test ends, then answers the rest at once.
func silentFirst(hits *atomic.Int32, silent int32, done <-chan struct{}) http.HandlerFunc {
	return misbehaveFirst(hits, silent, func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
		case <-r.Context().Done():
		}
	})
}

// TestResponseHeaderTimeout: a server that takes a request and never
// answers ends the attempt after the response-header timeout, with our own
// transport and with a caller's; a read is then retried, a create is not.
func TestResponseHeaderTimeout(t *testing.T) {
	tests := []struct {
		name      string
		method    string
		callerHC  bool
		wantHits  int32
		wantError bool
	}{
		{name: "GET, own transport", method: http.MethodGet, wantHits: 2},
		{name: "POST, own transport", method: http.MethodPost, wantHits: 1, wantError: true},
		{name: "GET, caller's transport", method: http.MethodGet, callerHC: true, wantHits: 2},
		{name: "POST, caller's transport", method: http.MethodPost, callerHC: true, wantHits: 1, wantError: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			defer close(done)
			var hits atomic.Int32
			opts := []Option{WithResponseHeaderTimeout(100 * time.Millisecond)}
			if tt.callerHC {
				opts = append(opts, WithHTTPClient(&http.Client{}))
			}
			c := serve(t, silentFirst(&hits, 1, done), opts...)
			start := time.Now()
			_, err := c.Do(ctxTimeout(t, 10*time.Second), &Request{Method: tt.method, Path: "/x", JSON: body(tt.method)}, nil)
			if hits.Load() != tt.wantHits || (err != nil) != tt.wantError {
				t.Fatalf("hits %d, err %v; want %d hits, error %v", hits.Load(), err, tt.wantHits, tt.wantError)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %s: the attempt was not bounded", time.Since(start))
			}
			var re *RequestError
			if tt.wantError && !errors.As(err, &re) {
				t.Errorf("got %T (%v), want *RequestError", err, err)
			}
		})
	}
}

// TestResponseHeaderTimeoutLetsBodiesStream: the bound covers the wait for
// the headers only; a body that streams for longer still arrives whole.
func TestResponseHeaderTimeoutLetsBodiesStream(t *testing.T) {
	for _, callerHC := range []bool{false, true} {
		opts := []Option{WithResponseHeaderTimeout(50 * time.Millisecond)}
		if callerHC {
			opts = append(opts, WithHTTPClient(&http.Client{}))
		}
		c := serve(t, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusOK)
			for range 4 {
				_, _ = io.WriteString(w, "chunk")
				w.(http.Flusher).Flush()
				time.Sleep(50 * time.Millisecond)
			}
		}), opts...)
		var buf strings.Builder
		if _, err := c.Do(context.Background(), &Request{Path: "/file", Download: &buf}, nil); err != nil {
			t.Fatalf("caller's transport %v: %v", callerHC, err)
		}
		if buf.String() != strings.Repeat("chunk", 4) {
			t.Errorf("caller's transport %v: got %q", callerHC, buf.String())
		}
	}
}

func TestHeaderTimeoutLayerError(t *testing.T) {
	block := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		<-r.Context().Done()
		return nil, r.Context().Err()
	})
	resp, err := (&headerTimeout{next: block, d: 10 * time.Millisecond}).RoundTrip(
		(&http.Request{Method: http.MethodGet}).WithContext(context.Background()))
	if resp != nil {
		resp.Body.Close()
		t.Fatal("an answer came from a transport that never answers")
	}
	if !errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a per-attempt timeout that is not the caller's deadline", err)
	}
}

func TestDefaultResponseHeaderTimeout(t *testing.T) {
	s, err := NewSettings()
	if err != nil || s.ResponseHeaderTimeout != DefaultResponseHeaderTimeout {
		t.Fatalf("default %s, %v", s.ResponseHeaderTimeout, err)
	}
	if _, err := NewSettings(WithResponseHeaderTimeout(-time.Second)); err == nil {
		t.Error("a negative timeout was accepted")
	}
}
