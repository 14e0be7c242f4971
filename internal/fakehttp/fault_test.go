package fakehttp

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func newServer(t *testing.T) (*httptest.Server, *Injector, *Recorder, *int) {
	t.Helper()
	var in Injector
	var rec Recorder
	handled := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handled++
		_, _ = io.WriteString(w, `{"result":"0123456789"}`)
	})
	srv := httptest.NewServer(rec.Wrap(in.Wrap(h, func(w http.ResponseWriter, status int) {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, `{"error":"injected"}`)
	})))
	t.Cleanup(srv.Close)
	return srv, &in, &rec, &handled
}

func get(srv *httptest.Server, ctx context.Context) (int, string, http.Header, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/api/x?a=1", strings.NewReader("body"))
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header, err
}

func TestFaults(t *testing.T) {
	srv, in, rec, handled := newServer(t)
	ctx := context.Background()
	in.Add(2, Fault{Status: 503, RetryAfter: 1500 * time.Millisecond})
	for range 2 {
		code, body, h, err := get(srv, ctx)
		if err != nil || code != 503 || body != `{"error":"injected"}` || h.Get("Retry-After") != "2" {
			t.Fatalf("status fault: %d %q %v %v", code, body, h, err)
		}
	}
	if code, _, _, err := get(srv, ctx); err != nil || code != 200 || *handled != 1 {
		t.Fatalf("after the faults: %d %v, handled %d", code, err, *handled)
	}
	in.Add(1, Fault{Status: 502, HTML: true})
	if code, body, h, err := get(srv, ctx); err != nil || code != 502 || !strings.Contains(body, "<title>502 Bad Gateway</title>") ||
		!strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("html fault: %d %q %v", code, body, err)
	}
	in.Add(1, Fault{Drop: true})
	if _, _, _, err := get(srv, ctx); err == nil {
		t.Fatal("dropped connection answered")
	}
	in.Add(1, Fault{Truncate: true})
	if _, body, _, err := get(srv, ctx); !errors.Is(err, io.ErrUnexpectedEOF) || body != `{"result":"` {
		t.Fatalf("truncated: %q %v", body, err)
	}
	if *handled != 2 {
		t.Fatalf("a truncated answer must still be handled (handled %d)", *handled)
	}
	in.Add(1, Fault{Delay: time.Second})
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, _, _, err := get(srv, cctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("delay: %v", err)
	}
	in.Add(1, Fault{Status: 429, Match: func(r *http.Request) bool { return r.Method == http.MethodGet }})
	if code, _, _, _ := get(srv, ctx); code != 200 {
		t.Fatalf("a fault for GET hit a POST: %d", code)
	}
	in.Clear()
	if in.Applied() != 6 {
		t.Fatalf("applied %d", in.Applied())
	}
	reqs := rec.Requests()
	if len(reqs) != 8 || string(reqs[0].Body) != "body" || reqs[0].Query.Get("a") != "1" || rec.Count("POST", "/api/") != 8 {
		t.Fatalf("recorded %d: %+v", len(reqs), reqs[0])
	}
	rec.Reset()
	if rec.Count("", "") != 0 {
		t.Fatal("reset")
	}
}

// TestHandledThenFailed checks the fault of a proxy that gave up while the
// server acted: the request is handled, the answer is the status.
func TestHandledThenFailed(t *testing.T) {
	srv, in, _, handled := newServer(t)
	in.Add(1, Fault{Status: http.StatusBadGateway, Handled: true})
	status, body, _, err := get(srv, context.Background())
	if err != nil || status != http.StatusBadGateway || body != `{"error":"injected"}` || *handled != 1 {
		t.Fatalf("status %d, body %q, handled %d, %v", status, body, *handled, err)
	}
	in.Add(1, Fault{Status: http.StatusBadGateway})
	if status, _, _, _ = get(srv, context.Background()); status != http.StatusBadGateway || *handled != 1 {
		t.Fatalf("a plain status fault handled the request: status %d, handled %d", status, *handled)
	}
}
