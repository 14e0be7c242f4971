package servicenow

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
)

func TestOAuthGrants(t *testing.T) {
	tests := []struct {
		name  string
		opt   Option
		grant string
	}{
		{name: "password", opt: WithOAuthPassword("cid", testSecret, "admin", "pw-"+testSecret), grant: "password"},
		{name: "client credentials", opt: WithOAuthClientCredentials("cid", testSecret), grant: "client_credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tokens atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.URL.Path == "/oauth_token.do" {
					_ = r.ParseForm()
					if r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" || r.PostForm.Get("grant_type") != tt.grant ||
						r.PostForm.Get("client_secret") != testSecret {
						w.WriteHeader(400)
						_, _ = w.Write([]byte(`{"error":"invalid_request"}`))
						return
					}
					tokens.Add(1)
					_, _ = w.Write([]byte(`{"access_token":"tok-1","token_type":"Bearer","expires_in":1800}`))
					return
				}
				if r.Header.Get("Authorization") != "Bearer tok-1" {
					w.WriteHeader(401)
					return
				}
				_, _ = w.Write([]byte(oneIncident))
			}))
			defer srv.Close()
			c := clientFor(t, srv.URL, tt.opt)
			for range 2 {
				if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
					t.Fatal(err)
				}
			}
			if tokens.Load() != 1 {
				t.Fatalf("token requests = %d, want 1 (cached)", tokens.Load())
			}
		})
	}
}

func TestOAuthFailureIsTypedAndClean(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(401)
		_, _ = w.Write([]byte(`{"error":"access_denied","error_description":"bad secret ` + testSecret + `"}`))
	}))
	defer srv.Close()
	c := clientFor(t, srv.URL, WithOAuthPassword("cid", testSecret, "admin", testSecret+"pw"))
	_, err := c.Incidents.Get(context.Background(), "abc", nil)
	var te *TokenError
	var re *incidentkit.RequestError
	if !errors.As(err, &te) || te.StatusCode != 401 || te.Code != "access_denied" || !errors.Is(err, ErrUnauthorized) || !errors.As(err, &re) {
		t.Fatalf("err = %#v", err)
	}
	if strings.Contains(err.Error(), testSecret) {
		t.Fatalf("secret leaked: %v", err)
	}
}

func TestOAuthRefreshesExpiredToken(t *testing.T) {
	var grants []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/oauth_token.do" {
			_ = r.ParseForm()
			g := r.PostForm.Get("grant_type")
			grants = append(grants, g)
			tok := "tok-" + g
			// expires_in below the library's early-expiry margin: stale at once.
			_, _ = w.Write([]byte(`{"access_token":"` + tok + `","refresh_token":"r1","token_type":"Bearer","expires_in":1}`))
			return
		}
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer tok-") {
			w.WriteHeader(401)
			return
		}
		_, _ = w.Write([]byte(oneIncident))
	}))
	defer srv.Close()
	c := clientFor(t, srv.URL, WithOAuthPassword("cid", testSecret, "admin", "pw"))
	for range 2 {
		if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(grants) != 2 || grants[0] != "password" || grants[1] != "refresh_token" {
		t.Fatalf("grants = %v, want password then refresh_token", grants)
	}
}

func TestTokenErrorIs(t *testing.T) {
	tests := []struct {
		name string
		err  *TokenError
		want bool
	}{
		{name: "401", err: &TokenError{StatusCode: 401}, want: true},
		{name: "invalid_grant on 400", err: &TokenError{StatusCode: 400, Code: "invalid_grant"}, want: true},
		{name: "server error", err: &TokenError{StatusCode: 503}, want: false},
		{name: "no answer", err: &TokenError{Err: errors.New("connection refused")}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(tt.err, ErrUnauthorized); got != tt.want {
				t.Fatalf("errors.Is(%v, ErrUnauthorized) = %v", tt.err, got)
			}
			if errors.Is(tt.err, ErrForbidden) {
				t.Fatal("matched ErrForbidden")
			}
		})
	}
}

// oauthPassword is the password grant's user password in these tests.
const oauthPassword = "pw-" + testSecret

// instance serves token, the test's /oauth_token.do, and an incident to
// any request that carries a bearer token "tok-…".
func instance(t *testing.T, token http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth_token.do" {
			// Reading the form lets the server notice a client that goes
			// away, which ends r.Context.
			_ = r.ParseForm()
			token(w, r)
			return
		}
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer tok-") {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, oneIncident)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// grantToken answers a token request with tok-<n>, refresh token
// ref-<n> and the given lifetime.
func grantToken(w http.ResponseWriter, n int32, expiresIn string) {
	w.Header().Set("Content-Type", "application/json")
	id := string(rune('0' + n))
	_, _ = io.WriteString(w, `{"access_token":"tok-`+id+`","refresh_token":"ref-`+id+`","token_type":"Bearer","expires_in":`+expiresIn+`}`)
}

var grantOptions = []struct {
	name string
	opt  Option
}{
	{name: "password", opt: WithOAuthPassword("cid", testSecret, "admin", oauthPassword)},
	{name: "client credentials", opt: WithOAuthClientCredentials("cid", testSecret)},
}

// getWithin gets an incident under ctx and fails the test when the call
// has not returned ten seconds later: it must end on ctx's deadline even
// while a token request is stalled.
func getWithin(t *testing.T, c *Client, ctx context.Context) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := c.Incidents.Get(ctx, "abc", nil)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the call outlived its deadline behind a stalled token endpoint")
		return nil
	}
}

func TestOAuthTokenRequestHonoursTheCallersDeadline(t *testing.T) {
	for _, g := range grantOptions {
		for _, bound := range []string{"context deadline", "WithTimeout"} {
			t.Run(g.name+" "+bound, func(t *testing.T) {
				srv := instance(t, func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
				opts := []Option{g.opt}
				ctx := context.Background()
				if bound == "WithTimeout" {
					opts = append(opts, WithTimeout(100*time.Millisecond))
				} else {
					var cancel context.CancelFunc
					ctx, cancel = context.WithTimeout(ctx, 100*time.Millisecond)
					defer cancel()
				}
				c := clientFor(t, srv.URL, opts...)
				if err := getWithin(t, c, ctx); !errors.Is(err, context.DeadlineExceeded) {
					t.Fatalf("err = %v, want context.DeadlineExceeded", err)
				}
			})
		}
	}
}

func TestOAuthConcurrentCallersShareOneFetch(t *testing.T) {
	var requests atomic.Int32
	arrived, release := make(chan struct{}), make(chan struct{})
	srv := instance(t, func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) == 1 {
			close(arrived)
		}
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		grantToken(w, 1, "1800")
	})
	c := clientFor(t, srv.URL, WithOAuthPassword("cid", testSecret, "admin", oauthPassword))
	const patient = 6
	var wg sync.WaitGroup
	errs := make(chan error, patient)
	for range patient {
		wg.Go(func() {
			_, err := c.Incidents.Get(context.Background(), "abc", nil)
			errs <- err
		})
	}
	<-arrived
	// A caller with a short deadline gives up on its own while the
	// shared token request is still stalled.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := getWithin(t, c, ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("impatient caller: %v, want context.DeadlineExceeded", err)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("patient caller: %v", err)
		}
	}
	if n := requests.Load(); n != 1 {
		t.Errorf("token requests = %d, want 1 shared by every caller", n)
	}
}

func TestOAuthAbandonedFetchIsCancelled(t *testing.T) {
	cancelled := make(chan struct{})
	srv := instance(t, func(_ http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		close(cancelled)
	})
	c := clientFor(t, srv.URL, WithOAuthClientCredentials("cid", testSecret))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Incidents.Get(ctx, "abc", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the token request went on after every caller had given up")
	}
}

func TestOAuthTokenRedirectIsNotFollowed(t *testing.T) {
	for _, via := range []struct {
		name string
		opts []Option
	}{
		{name: "own HTTP client"},
		{name: "caller's HTTP client", opts: []Option{WithHTTPClient(&http.Client{})}},
	} {
		for _, status := range []int{http.StatusTemporaryRedirect, http.StatusPermanentRedirect, http.StatusFound} {
			t.Run(via.name+" "+http.StatusText(status), func(t *testing.T) {
				var leaked atomic.Value
				leaked.Store("")
				other := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
					b, _ := io.ReadAll(r.Body)
					leaked.Store(r.Method + " " + string(b))
				}))
				defer other.Close()
				srv := instance(t, func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, other.URL+"/steal", status)
				})
				c := clientFor(t, srv.URL, append([]Option{WithOAuthPassword("cid", testSecret, "admin", oauthPassword)}, via.opts...)...)
				_, err := c.Incidents.Get(context.Background(), "abc", nil)
				var te *TokenError
				if !errors.As(err, &te) || te.StatusCode != status {
					t.Fatalf("err = %v, want a *TokenError with the %d", err, status)
				}
				if got := leaked.Load().(string); got != "" {
					t.Fatalf("the other origin received %q", got)
				}
			})
		}
	}
}

func TestOAuthRefusedRefreshFallsBackInTheSameCall(t *testing.T) {
	var (
		mu     sync.Mutex
		grants []string
		issued atomic.Int32
	)
	srv := instance(t, func(w http.ResponseWriter, r *http.Request) {
		g := r.PostForm.Get("grant_type")
		mu.Lock()
		grants = append(grants, g)
		mu.Unlock()
		if g == "refresh_token" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"error":"invalid_grant","error_description":"refresh token expired"}`)
			return
		}
		// A lifetime below the renewal margin: the next call renews.
		grantToken(w, issued.Add(1), "1")
	})
	c := clientFor(t, srv.URL, WithOAuthPassword("cid", testSecret, "admin", oauthPassword))
	for i := range 2 {
		if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
	}
	want := []string{"password", "refresh_token", "password"}
	if strings.Join(grants, ",") != strings.Join(want, ",") {
		t.Fatalf("grants = %v, want %v", grants, want)
	}
}

func TestOAuthBadTokenAnswers(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		want        func(error) bool
	}{
		{name: "HTML page on 200", status: 200, contentType: "text/html", body: "<html><body></body></html>", want: isBodyError},
		{name: "login page on 200", status: 200, contentType: "text/html", body: "<html><title>Log in</title></html>", want: isBodyError},
		{name: "text on 200", status: 200, contentType: "text/plain", body: "nonsense", want: isBodyError},
		{name: "empty 200", status: 200, contentType: "application/json", body: "", want: isBodyError},
		{name: "JSON without a token", status: 200, contentType: "application/json", body: `{"result":{}}`, want: isBodyError},
		{name: "cut-off JSON", status: 200, contentType: "application/json", body: `{"access_token":"tok-`, want: isBodyError},
		{name: "foreign token type", status: 200, contentType: "application/json", body: `{"access_token":"tok-1","token_type":"mac"}`, want: isBodyError},
		{name: "bad lifetime", status: 200, contentType: "application/json", body: `{"access_token":"tok-1","expires_in":"soon"}`, want: isBodyError},
		{name: "HTML 502", status: 502, contentType: "text/html", body: "<html><title>Bad Gateway</title></html>", want: isServer},
		{name: "500 echoing the secret", status: 500, contentType: "application/json",
			body: `{"error":"server_error","error_description":"bad ` + testSecret + ` and ` + oauthPassword + `"}`, want: isServer},
		{name: "refused client", status: 401, contentType: "application/json", body: `{"error":"invalid_client"}`,
			want: func(err error) bool { return errors.Is(err, ErrUnauthorized) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := instance(t, func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			})
			var logs bytes.Buffer
			c, err := NewClient(srv.URL, WithOAuthPassword("cid", testSecret, "admin", oauthPassword),
				WithRetryWait(time.Millisecond, 2*time.Millisecond),
				WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Incidents.Get(context.Background(), "abc", nil)
			var te *TokenError
			if !errors.As(err, &te) || te.Endpoint != srv.URL+"/oauth_token.do" || !tt.want(err) {
				t.Fatalf("err = %v, want a *TokenError naming the endpoint, of the right kind", err)
			}
			if !strings.Contains(err.Error(), "/oauth_token.do") {
				t.Errorf("message does not name the token endpoint: %v", err)
			}
			for _, text := range []string{err.Error(), te.Description, logs.String()} {
				if strings.Contains(text, testSecret) {
					t.Errorf("secret leaked into %q", text)
				}
			}
		})
	}
}

func isBodyError(err error) bool {
	var be *incidentkit.BodyError
	return errors.As(err, &be)
}

func isServer(err error) bool { return errors.Is(err, ErrServer) }

// countingLimiter counts the waits it grants.
type countingLimiter struct{ waits atomic.Int32 }

func (l *countingLimiter) Wait(context.Context) error { l.waits.Add(1); return nil }

func TestOAuthTokenRequestsUseTheLimiterAndTheLog(t *testing.T) {
	srv := instance(t, func(w http.ResponseWriter, _ *http.Request) { grantToken(w, 1, "1800") })
	var logs bytes.Buffer
	lim := &countingLimiter{}
	c, err := NewClient(srv.URL, WithOAuthPassword("cid", testSecret, "admin", oauthPassword), WithLimiter(lim),
		WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
		t.Fatal(err)
	}
	if n := lim.waits.Load(); n != 2 {
		t.Errorf("limiter waits = %d, want 2 (the token request and the call)", n)
	}
	if !strings.Contains(logs.String(), "/oauth_token.do") {
		t.Errorf("the token request was not logged:\n%s", logs.String())
	}
	for _, secret := range []string{testSecret, "tok-1", "ref-1"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("%q leaked into the log:\n%s", secret, logs.String())
		}
	}
}

func TestOAuthRefusedTokenIsRenewedAtTheNextCall(t *testing.T) {
	var issued atomic.Int32
	var mu sync.Mutex
	var grants []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/oauth_token.do" {
			_ = r.ParseForm()
			mu.Lock()
			grants = append(grants, r.PostForm.Get("grant_type"))
			mu.Unlock()
			grantToken(w, issued.Add(1), "1800")
			return
		}
		// The instance revoked tok-1 long before its expiry.
		if r.Header.Get("Authorization") != "Bearer tok-2" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, oneIncident)
	}))
	defer srv.Close()
	c := clientFor(t, srv.URL, WithOAuthPassword("cid", testSecret, "admin", oauthPassword))
	if _, err := c.Incidents.Get(context.Background(), "abc", nil); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("first call: %v, want ErrUnauthorized", err)
	}
	if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
		t.Fatalf("second call: %v", err)
	}
	if strings.Join(grants, ",") != "password,refresh_token" {
		t.Fatalf("grants = %v, want the refused token renewed with its refresh token", grants)
	}
}
