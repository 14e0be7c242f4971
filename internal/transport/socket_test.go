package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// refusedAddr returns a loopback address nothing listens on.
func refusedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// refuseFirst returns an *http.Client whose first dial goes to a closed
// port (a real "connection refused") and later dials to the real server.
func refuseFirst(t *testing.T) *http.Client {
	t.Helper()
	closed := refusedAddr(t)
	var dials atomic.Int32
	d := &net.Dialer{}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials.Add(1) == 1 {
				return d.DialContext(ctx, network, closed)
			}
			return d.DialContext(ctx, network, addr)
		},
	}}
}

func TestRefusedConnectionRetriedForEveryMethod(t *testing.T) {
	for _, method := range []string{"GET", "POST", "PATCH", "PUT", "DELETE"} {
		t.Run(method, func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.WriteHeader(200)
			}))
			defer srv.Close()
			c, _ := newClient(t, srv.URL, WithHTTPClient(refuseFirst(t)))
			resp, err := c.Do(context.Background(), &Request{Method: method, Path: "/x", JSON: body(method), Replay: ReplayUnsafe}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Attempts != 2 || hits.Load() != 1 {
				t.Fatalf("attempts %d, server hits %d; want 2 and 1", resp.Attempts, hits.Load())
			}
		})
	}
}

func TestRefusedEverywhereIsTypedError(t *testing.T) {
	c, _ := newClient(t, "http://"+refusedAddr(t), WithRetries(1))
	_, err := c.Do(context.Background(), &Request{Path: "/x"}, nil)
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("got %T %v, want *RequestError wrapping ECONNREFUSED", err, err)
	}
	noSecret(t, err)
}

// resetAfterRequest reads a whole request and then closes the connection
// without answering.
func resetAfterRequest(hits *atomic.Int32, okAfter int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.Add(1) <= okAfter {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					_ = tc.SetLinger(0) // RST instead of FIN
				}
				conn.Close()
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true}`)
	}
}

func TestResetBeforeAnswer(t *testing.T) {
	tests := []struct {
		method    string
		wantHits  int32
		wantError bool
	}{
		{"POST", 1, true}, // the server may have acted: never sent twice
		{"GET", 2, false},
		{"PUT", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(resetAfterRequest(&hits, 1))
			defer srv.Close()
			c, _ := newClient(t, srv.URL)
			_, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/x", JSON: body(tt.method)}, nil)
			if hits.Load() != tt.wantHits {
				t.Errorf("server saw %d requests, want %d", hits.Load(), tt.wantHits)
			}
			if (err != nil) != tt.wantError {
				t.Fatalf("err = %v, want error %v", err, tt.wantError)
			}
			var reqErr *RequestError
			if err != nil && !errors.As(err, &reqErr) {
				t.Errorf("got %T, want *RequestError", err)
			}
		})
	}
}

// truncatedJSON announces a longer body than it sends, then closes.
func truncatedJSON(hits *atomic.Int32, okAfter int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if hits.Add(1) > okAfter {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"ok":true}`)
			return
		}
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"result\":[{\"a\":")
		_ = buf.Flush()
	}
}

func TestResetMidBody(t *testing.T) {
	t.Run("GET is read again", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(truncatedJSON(&hits, 1))
		defer srv.Close()
		c, _ := newClient(t, srv.URL)
		var out struct{ OK bool }
		if _, err := c.Do(context.Background(), &Request{Path: "/x"}, &out); err != nil || !out.OK {
			t.Fatalf("got %v %+v, want success on the second read", err, out)
		}
		if hits.Load() != 2 {
			t.Errorf("server saw %d requests, want 2", hits.Load())
		}
	})
	t.Run("POST is a typed error, sent once", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(truncatedJSON(&hits, 5))
		defer srv.Close()
		c, _ := newClient(t, srv.URL)
		var out struct{ OK bool }
		_, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/x", JSON: body("POST")}, &out)
		var bodyErr *BodyError
		if !errors.As(err, &bodyErr) || !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("got %T %v, want *BodyError wrapping io.ErrUnexpectedEOF", err, err)
		}
		if hits.Load() != 1 {
			t.Errorf("server saw %d requests, want 1", hits.Load())
		}
	})
	t.Run("GET that keeps failing ends in a typed error", func(t *testing.T) {
		var hits atomic.Int32
		srv := httptest.NewServer(truncatedJSON(&hits, 100))
		defer srv.Close()
		c, _ := newClient(t, srv.URL, WithRetries(2))
		_, err := c.Do(context.Background(), &Request{Path: "/x"}, &struct{}{})
		var bodyErr *BodyError
		if !errors.As(err, &bodyErr) || hits.Load() != 3 {
			t.Fatalf("got %v after %d requests, want *BodyError after 3", err, hits.Load())
		}
	})
}

func TestSlowServerAgainstDeadline(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	defer close(release)
	c, _ := newClient(t, srv.URL)
	start := time.Now()
	_, err := c.Do(ctxTimeout(t, 100*time.Millisecond), &Request{Path: "/slow"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want context.DeadlineExceeded", err)
	}
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || !reqErr.Timeout() {
		t.Errorf("got %T, want a *RequestError reporting a timeout", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("returned after %s, want about 100ms", d)
	}
}

func TestTimeoutOption(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	defer close(release)
	c, _ := newClient(t, srv.URL, WithTimeout(80*time.Millisecond))
	start := time.Now()
	_, err := c.Do(context.Background(), &Request{Path: "/slow"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("got %v after %s, want a deadline error after ~80ms", err, time.Since(start))
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	answered := make(chan struct{}, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "10")
		w.WriteHeader(http.StatusServiceUnavailable)
		answered <- struct{}{}
	}))
	defer srv.Close()
	c, _ := newClient(t, srv.URL, WithRetryWait(time.Millisecond, time.Minute))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelled time.Time
	go func() {
		<-answered
		time.Sleep(30 * time.Millisecond) // well inside the 10 s backoff
		cancelled = time.Now()
		cancel()
	}()
	_, err := c.Do(ctx, &Request{Path: "/x"}, nil)
	returned := time.Now()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if d := returned.Sub(cancelled); d > 50*time.Millisecond {
		t.Errorf("returned %s after cancel, want within 50ms", d)
	}
}

func TestRedirectsAcrossHostsCarryNoCredentials(t *testing.T) {
	var otherAuth, otherAPIKey atomic.Value
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherAuth.Store(r.Header.Get("Authorization"))
		otherAPIKey.Store(r.Header.Get("X-Api-Key"))
		_, _ = io.WriteString(w, `{}`)
	}))
	defer other.Close()
	var homeAuth atomic.Value
	home := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		homeAuth.Store(r.Header.Get("Authorization"))
		http.Redirect(w, r, other.URL+"/landing", http.StatusFound)
	}))
	defer home.Close()
	c, _ := newClient(t, home.URL)
	if _, err := c.Do(context.Background(), &Request{Path: "/start"}, nil); err != nil {
		t.Fatal(err)
	}
	if homeAuth.Load() != "Bearer "+testSecret {
		t.Errorf("home got Authorization %q, want the bearer token", homeAuth.Load())
	}
	if otherAuth.Load() != "" || otherAPIKey.Load() != "" {
		t.Errorf("other host got credentials %q %q", otherAuth.Load(), otherAPIKey.Load())
	}
}

func TestRedirectSameOriginKeepsCredentials(t *testing.T) {
	var got atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/start", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/landing", http.StatusFound) })
	mux.HandleFunc("/landing", func(w http.ResponseWriter, r *http.Request) { got.Store(r.Header.Get("Authorization")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, _ := newClient(t, srv.URL)
	if _, err := c.Do(context.Background(), &Request{Path: "/start"}, nil); err != nil {
		t.Fatal(err)
	}
	if got.Load() != "Bearer "+testSecret {
		t.Errorf("landing got %q, want the bearer token", got.Load())
	}
}

func TestWriteIsNotRedirected(t *testing.T) {
	var landed atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/create", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/landing", http.StatusFound) })
	mux.HandleFunc("/landing", func(w http.ResponseWriter, r *http.Request) { landed.Add(1) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, _ := newClient(t, srv.URL)
	_, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/create", JSON: body("POST")}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusFound || landed.Load() != 0 {
		t.Fatalf("got %v (landed %d), want the 302 as an *Error and no GET", err, landed.Load())
	}
}
