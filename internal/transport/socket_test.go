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
			c := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.WriteHeader(200)
			}), WithHTTPClient(refuseFirst(t)))
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
	return misbehaveFirst(hits, okAfter, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // RST instead of FIN
			}
			conn.Close()
		}
	})
}

func TestResetBeforeAnswer(t *testing.T) {
	tests := []struct {
		method    string
		wantHits  int32
		wantError bool
	}{
		{method: "POST", wantHits: 1, wantError: true}, // the server may have acted: never sent twice
		{method: "GET", wantHits: 2, wantError: false},
		{method: "PUT", wantHits: 2, wantError: false},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			var hits atomic.Int32
			c := serve(t, resetAfterRequest(&hits, 1))
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
	return misbehaveFirst(hits, okAfter, func(w http.ResponseWriter, _ *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"result\":[{\"a\":")
		_ = buf.Flush()
	})
}

func TestResetMidBody(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		okAfter  int32 // answers cut short before a whole one
		opts     []Option
		wantHits int32
		wantErr  bool // a *BodyError wrapping io.ErrUnexpectedEOF
	}{
		{name: "GET is read again", method: "GET", okAfter: 1, wantHits: 2},
		{name: "POST is a typed error, sent once", method: "POST", okAfter: 5, wantHits: 1, wantErr: true},
		{name: "GET that keeps failing ends in a typed error", method: "GET", okAfter: 100, opts: []Option{WithRetries(2)}, wantHits: 3, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hits atomic.Int32
			c := serve(t, truncatedJSON(&hits, tt.okAfter), tt.opts...)
			var out struct{ OK bool }
			_, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/x", JSON: body(tt.method)}, &out)
			var bodyErr *BodyError
			switch {
			case !tt.wantErr && (err != nil || !out.OK):
				t.Fatalf("got %v %+v, want success on read %d", err, out, tt.wantHits)
			case tt.wantErr && (!errors.As(err, &bodyErr) || !errors.Is(err, io.ErrUnexpectedEOF)):
				t.Fatalf("got %T %v, want *BodyError wrapping io.ErrUnexpectedEOF", err, err)
			}
			if hits.Load() != tt.wantHits {
				t.Errorf("server saw %d requests, want %d", hits.Load(), tt.wantHits)
			}
		})
	}
}

// slowServer answers nothing for five seconds, or until the test ends.
func slowServer(t *testing.T, opts ...Option) *Client {
	t.Helper()
	release := make(chan struct{})
	c := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-time.After(5 * time.Second):
		}
	}), opts...)
	t.Cleanup(func() { close(release) }) // runs before the server closes
	return c
}

func TestSlowServerAgainstDeadline(t *testing.T) {
	c := slowServer(t)
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
	c := slowServer(t, WithTimeout(80*time.Millisecond))
	start := time.Now()
	_, err := c.Do(context.Background(), &Request{Path: "/slow"}, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Fatalf("got %v after %s, want a deadline error after ~80ms", err, time.Since(start))
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	answered := make(chan struct{}, 10)
	c := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "10")
		w.WriteHeader(http.StatusServiceUnavailable)
		answered <- struct{}{}
	}), WithRetryWait(time.Millisecond, time.Minute))
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
	c := serve(t, mux)
	if _, err := c.Do(context.Background(), &Request{Path: "/start"}, nil); err != nil {
		t.Fatal(err)
	}
	if got.Load() != "Bearer "+testSecret {
		t.Errorf("landing got %q, want the bearer token", got.Load())
	}
}

func TestWriteIsNotRedirected(t *testing.T) {
	follow := func(*http.Request, []*http.Request) error { return nil }
	tests := []struct {
		name   string
		status int
		opts   []Option
	}{
		{name: "302", status: http.StatusFound},
		{name: "307", status: http.StatusTemporaryRedirect},
		{name: "308", status: http.StatusPermanentRedirect},
		{name: "307 through a caller's client", status: http.StatusTemporaryRedirect, opts: []Option{WithHTTPClient(&http.Client{})}},
		{name: "307 through a caller's client that follows everything", status: http.StatusTemporaryRedirect,
			opts: []Option{WithHTTPClient(&http.Client{CheckRedirect: follow})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var landed atomic.Int32
			other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { landed.Add(1) }))
			defer other.Close()
			mux := http.NewServeMux()
			mux.HandleFunc("/create", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, other.URL+"/landing", tt.status) })
			mux.HandleFunc("/landing", func(http.ResponseWriter, *http.Request) { landed.Add(1) })
			c := serve(t, mux, tt.opts...)
			_, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/create", JSON: body("POST")}, nil)
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.status || landed.Load() != 0 {
				t.Fatalf("got %v (landed %d), want the %d as an *Error and nothing sent on", err, landed.Load(), tt.status)
			}
		})
	}
}
