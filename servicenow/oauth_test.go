package servicenow

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

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
			c, err := NewClient(srv.URL, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
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
	c, err := NewClient(srv.URL, WithOAuthPassword("cid", testSecret, "admin", testSecret+"pw"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Incidents.Get(context.Background(), "abc", nil)
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
	c, err := NewClient(srv.URL, WithOAuthPassword("cid", testSecret, "admin", "pw"))
	if err != nil {
		t.Fatal(err)
	}
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
