package soak

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
)

const (
	oauthSecret   = "cl1ent-s3cret/+&"
	oauthPassword = "pa ss<w>rd"
)

// oauthGrants are the ServiceNow OAuth grants, each with the static
// secrets it sends in its token requests.
var oauthGrants = []struct {
	name string
	opt  servicenow.Option
}{
	{name: "password", opt: servicenow.WithOAuthPassword("cid", oauthSecret, "admin", oauthPassword)},
	{name: "client credentials", opt: servicenow.WithOAuthClientCredentials("cid", oauthSecret)},
}

// httpClients are the ways a client may send: its own pool, or a caller's
// http.Client with or without its own redirect policy.
var httpClients = []struct {
	name string
	opts []servicenow.Option
}{
	{name: "own"},
	{name: "caller's", opts: []servicenow.Option{servicenow.WithHTTPClient(&http.Client{})}},
	{name: "caller's following every redirect", opts: []servicenow.Option{servicenow.WithHTTPClient(&http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return nil },
	})}},
}

// TestStalledTokenEndpoint is the stalled-token class: a token endpoint
// that accepts the request and never answers, met by many concurrent
// calls with their own deadlines, for every grant and every way of
// sending. Every call must end on its own deadline, the stalled requests
// must be abandoned once nobody waits for them (no goroutine outlives the
// round), and once the endpoint answers again one token request serves
// every waiting caller.
func TestStalledTokenEndpoint(t *testing.T) {
	const callers = 16
	for _, g := range oauthGrants {
		for _, hc := range httpClients {
			t.Run(g.name+" "+hc.name, func(t *testing.T) {
				before := runtime.NumGoroutine()
				var stalled atomic.Bool
				stalled.Store(true)
				var tokenRequests atomic.Int32
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if r.URL.Path == "/oauth_token.do" {
						_ = r.ParseForm()
						tokenRequests.Add(1)
						if stalled.Load() {
							<-r.Context().Done()
							return
						}
						time.Sleep(20 * time.Millisecond) // let the callers pile up
						w.Header().Set("Content-Type", "application/json")
						_, _ = io.WriteString(w, `{"access_token":"tok-ok","token_type":"Bearer","expires_in":1800}`)
						return
					}
					if r.Header.Get("Authorization") != "Bearer tok-ok" {
						w.WriteHeader(http.StatusUnauthorized)
						return
					}
					w.Header().Set("Content-Type", "application/json")
					_, _ = io.WriteString(w, `{"result":{"sys_id":"abc","number":"INC0000001"}}`)
				}))
				c, err := servicenow.NewClient(srv.URL, append([]servicenow.Option{g.opt}, hc.opts...)...)
				if err != nil {
					t.Fatal(err)
				}
				// Stalled: every caller ends on its own deadline.
				var wg sync.WaitGroup
				for i := range callers {
					wg.Go(func() {
						d := time.Duration(20+5*i) * time.Millisecond
						ctx, cancel := context.WithTimeout(context.Background(), d)
						defer cancel()
						start := time.Now()
						_, err := c.Incidents.Get(ctx, "abc", nil)
						if !errors.Is(err, context.DeadlineExceeded) {
							t.Errorf("caller %d: %v, want context.DeadlineExceeded", i, err)
						}
						if late := time.Since(start) - d; late > 2*time.Second {
							t.Errorf("caller %d ended %s after its deadline", i, late)
						}
					})
				}
				wg.Wait()
				// Answering again: callers arriving together share a fetch.
				stalled.Store(false)
				tokenRequests.Store(0)
				for range callers {
					wg.Go(func() {
						if _, err := c.Incidents.Get(context.Background(), "abc", nil); err != nil {
							t.Errorf("after the stall: %v", err)
						}
					})
				}
				wg.Wait()
				if n := tokenRequests.Load(); n != 1 {
					t.Errorf("token requests after the stall = %d, want 1", n)
				}
				srv.Close()
				if left := settle(before); left > 2 {
					t.Errorf("%d goroutines outlived the round", left)
				}
			})
		}
	}
}

// TestTokenRedirectToAnotherOrigin is the cross-origin-token-redirect
// class: a token endpoint answering every redirect status with a Location
// on another origin, for every grant and every way of sending. The other
// origin must receive nothing (no request, so neither the client secret
// nor the password in a body), the call must fail with a *TokenError
// carrying the redirect's status, and no secret may reach the error or the
// log.
func TestTokenRedirectToAnotherOrigin(t *testing.T) {
	var reached atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		reached.Add(1)
	}))
	defer other.Close()
	statuses := []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect}
	for _, g := range oauthGrants {
		for _, hc := range httpClients {
			for _, status := range statuses {
				t.Run(g.name+" "+hc.name+" "+http.StatusText(status), func(t *testing.T) {
					srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
						_, _ = io.Copy(io.Discard, r.Body)
						http.Redirect(w, r, other.URL+"/oauth_token.do", status)
					}))
					defer srv.Close()
					var logs bytes.Buffer
					logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
					c, err := servicenow.NewClient(srv.URL, append([]servicenow.Option{g.opt, servicenow.WithLogger(logger)}, hc.opts...)...)
					if err != nil {
						t.Fatal(err)
					}
					_, err = c.Incidents.Get(context.Background(), "abc", nil)
					var te *servicenow.TokenError
					if !errors.As(err, &te) || te.StatusCode != status {
						t.Fatalf("err = %v, want a *TokenError with the %d", err, status)
					}
					if n := reached.Load(); n != 0 {
						t.Fatalf("the other origin received %d requests", n)
					}
					for _, text := range []string{err.Error(), logs.String()} {
						for _, secret := range []string{oauthSecret, oauthPassword} {
							for _, form := range echoForms(secret) {
								if strings.Contains(text, form) {
									t.Errorf("%q leaked as %q into %s", secret, form, text)
								}
							}
						}
					}
				})
			}
		}
	}
}
