package transport

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// echoServer answers every request with an error that repeats the
// request's credentials and URL back, as a careless server or proxy might.
func echoServer(t *testing.T, status int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Location", r.URL.String())
		w.WriteHeader(status)
		msg := "bad credentials " + r.Header.Get("Authorization") + " " + r.Header.Get("X-Sn-Apikey") + " for " + r.URL.String()
		_, _ = io.WriteString(w, `{"error":{"message":`+quote(msg)+`,"detail":`+quote(r.Header.Get("Authorization"))+`}}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

func TestSecretsNeverInErrorsOrLogs(t *testing.T) {
	const password = "pa55-W0RD-xyz"
	basic, _ := BasicAuth("svc.incident", password)
	apiKey, _ := APIKeyHeader("x-sn-apikey", testSecret)
	bearer, _ := BearerToken(testSecret)
	// The refreshed token is not declared as a secret: the client learns it.
	tokenFn, _ := TokenFunc(func(context.Context) (string, error) { return testSecret, nil })
	failing, _ := TokenFunc(func(context.Context) (string, error) {
		return "", errors.New("token endpoint refused client secret " + testSecret)
	}, testSecret)
	auths := map[string]Authenticator{"basic": basic, "apikey": apiKey, "bearer": bearer, "func": tokenFn, "failing source": failing}
	secrets := []string{testSecret, password, base64.StdEncoding.EncodeToString([]byte("svc.incident:" + password))}

	for name, auth := range auths {
		for _, status := range []int{401, 500, 200} {
			t.Run(name+"/"+http.StatusText(status), func(t *testing.T) {
				srv := echoServer(t, status)
				sink := &logSink{}
				s, _ := NewSettings(WithAuth(auth), WithRetries(1), fastRetry,
					WithLogger(slog.New(slog.NewJSONHandler(sink, &slog.HandlerOptions{Level: slog.LevelDebug}))))
				s.BaseURL, s.Service = srv.URL, "testapi"
				c, err := New(s)
				if err != nil {
					t.Fatal(err)
				}
				q := url.Values{"access_token": {testSecret}, "sysparm_query": {"active=true"}, "client_secret": {password}}
				var out map[string]any
				_, err = c.Do(context.Background(), &Request{Path: "/api/now/table/incident", Query: q}, &out)
				texts := []string{sink.String()}
				if err != nil {
					texts = append(texts, err.Error(), fmt.Sprintf("%+v", err))
				}
				var apiErr *Error
				if errors.As(err, &apiErr) {
					texts = append(texts, string(apiErr.Body), apiErr.URL, apiErr.Message, apiErr.Detail)
				}
				for _, text := range texts {
					for _, sec := range secrets {
						if strings.Contains(text, sec) {
							t.Errorf("secret %q leaked into %q", sec, text)
						}
					}
				}
				if status != 200 && err == nil {
					t.Errorf("expected an error for %d", status)
				}
			})
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "https://x.test/api?sysparm_limit=10", want: "https://x.test/api?sysparm_limit=10"},
		{in: "https://user:pw@x.test/api", want: "https://x.test/api"},
		{in: "https://x.test/api?access_token=abc&sysparm_limit=1", want: "https://x.test/api?access_token=REDACTED&sysparm_limit=1"},
		{in: "https://x.test/api?api_key=abc", want: "https://x.test/api?api_key=REDACTED"},
		{in: "https://x.test/api?Password=abc", want: "https://x.test/api?Password=REDACTED"},
		{in: "https://x.test/api?client_secret=abc", want: "https://x.test/api?client_secret=REDACTED"},
		{in: "https://x.test/api?code=abc", want: "https://x.test/api?code=REDACTED"},
		{in: "https://x.test/api?sig=abc", want: "https://x.test/api?sig=REDACTED"},
		{in: "https://x.test/api?sysparm_fields=number%2Cstate", want: "https://x.test/api?sysparm_fields=number%2Cstate"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := RedactURL(u); got != tt.want {
			t.Errorf("RedactURL(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if RedactURL(nil) != "" {
		t.Error("nil URL")
	}
}

func TestCallerRequestIsNotMutated(t *testing.T) {
	srv := echoServer(t, 200)
	c, _ := newClient(t, srv.URL)
	h := http.Header{"X-Trace": {"1"}}
	r := &Request{Path: "/x", Header: h}
	if _, err := c.Do(context.Background(), r, nil); err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h.Get("Authorization") != "" || r.Path != "/x" {
		t.Fatalf("caller's request changed: %+v", r)
	}
}

func TestAuthenticatorValidation(t *testing.T) {
	tests := []struct {
		name string
		make func() (Authenticator, error)
	}{
		{name: "basic empty user", make: func() (Authenticator, error) { return BasicAuth("", "pw") }},
		{name: "basic colon in user", make: func() (Authenticator, error) { return BasicAuth("a:b", "pw") }},
		{name: "basic empty password", make: func() (Authenticator, error) { return BasicAuth("admin", "") }},
		{name: "basic newline", make: func() (Authenticator, error) { return BasicAuth("admin", "pw\n") }},
		{name: "bearer empty", make: func() (Authenticator, error) { return BearerToken("") }},
		{name: "bearer spaces", make: func() (Authenticator, error) { return BearerToken(" tok ") }},
		{name: "bearer control", make: func() (Authenticator, error) { return BearerToken("tok\r\nX-Evil: 1") }},
		{name: "api key bad header", make: func() (Authenticator, error) { return APIKeyHeader("x sn", "k") }},
		{name: "api key empty", make: func() (Authenticator, error) { return APIKeyHeader("x-sn-apikey", "") }},
		{name: "token func nil", make: func() (Authenticator, error) { return TokenFunc(nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.make()
			if a != nil || !errors.Is(err, incidentkit.ErrInvalidInput) {
				t.Fatalf("got %v, %v; want an input error", a, err)
			}
		})
	}
}

func TestAuthHeadersSent(t *testing.T) {
	basic, _ := BasicAuth("admin", "pw")
	key, _ := APIKeyHeader("x-sn-apikey", "k1")
	bearer, _ := BearerToken("t1")
	fn, _ := TokenFunc(func(context.Context) (string, error) { return "t2", nil })
	tests := []struct {
		auth         Authenticator
		header, want string
	}{
		{auth: basic, header: "Authorization", want: "Basic " + base64.StdEncoding.EncodeToString([]byte("admin:pw"))},
		{auth: key, header: "X-Sn-Apikey", want: "k1"},
		{auth: bearer, header: "Authorization", want: "Bearer t1"},
		{auth: fn, header: "Authorization", want: "Bearer t2"},
	}
	for _, tt := range tests {
		var got string
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Get(tt.header) }))
		s, _ := NewSettings(WithAuth(tt.auth))
		s.BaseURL = srv.URL
		c, err := New(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Do(context.Background(), &Request{Path: "/"}, nil); err != nil {
			t.Fatal(err)
		}
		srv.Close()
		if got != tt.want {
			t.Errorf("%s = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestTokenSourceFailureIsNotRetried(t *testing.T) {
	calls := 0
	fn, _ := TokenFunc(func(context.Context) (string, error) { calls++; return "", errors.New("invalid_grant") })
	c, mock, _ := newMockClient(t, WithAuth(fn))
	mock.RegisterNoResponder(nil)
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || !strings.Contains(err.Error(), "invalid_grant") {
		t.Fatalf("got %v, want a *RequestError naming the cause", err)
	}
	if calls != 1 || mock.GetTotalCallCount() != 0 {
		t.Fatalf("token source called %d times, server %d; want 1 and 0", calls, mock.GetTotalCallCount())
	}
}

func TestAuthenticationLayerCopiesTheHeader(t *testing.T) {
	bearer, _ := BearerToken(testSecret)
	base, _ := url.Parse("https://api.example.test/base")
	var seen *http.Request
	layer := &authTransport{auth: bearer, origin: base, next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = r
		return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
	})}
	req, _ := http.NewRequest(http.MethodGet, "https://API.example.test:443/base/x", nil)
	req.Header.Set("X-Trace", "1")
	resp, err := layer.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if seen == req || seen.Header.Get("Authorization") != "Bearer "+testSecret || seen.Header.Get("X-Trace") != "1" {
		t.Fatalf("sent request: %v", seen.Header)
	}
	if len(req.Header) != 1 || req.Header.Get("Authorization") != "" {
		t.Fatalf("the given request was changed: %v", req.Header)
	}
	if seen.URL != req.URL || seen.Context() != req.Context() {
		t.Error("the copy does not share the URL and context")
	}
	other, _ := http.NewRequest(http.MethodGet, "https://evil.example/x", nil)
	resp, err = layer.RoundTrip(other)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if seen.Header.Get("Authorization") != "" {
		t.Error("credentials sent to another origin")
	}
}

func TestRefreshingTokenDropsARefusedToken(t *testing.T) {
	if _, err := RefreshingToken(func(context.Context) (string, error) { return "t", nil }, nil); !errors.Is(err, incidentkit.ErrInvalidInput) {
		t.Fatalf("nil drop: %v", err)
	}
	base, _ := url.Parse("https://api.example.test/")
	for _, tt := range []struct {
		status int
		want   string
	}{{status: 200}, {status: 403}, {status: 401, want: "tok-7"}} {
		var dropped string
		auth, err := RefreshingToken(func(context.Context) (string, error) { return "tok-7", nil }, func(tok string) { dropped = tok })
		if err != nil {
			t.Fatal(err)
		}
		layer := &authTransport{auth: auth, origin: base, next: roundTripFunc(func(*http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: tt.status, Body: http.NoBody}, nil
		})}
		req, _ := http.NewRequest(http.MethodGet, "https://api.example.test/x", nil)
		resp, err := layer.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if dropped != tt.want {
			t.Errorf("HTTP %d: dropped %q, want %q", tt.status, dropped, tt.want)
		}
	}
}

func TestFixedCredentialHeaderTravelsOnlyToTheOrigin(t *testing.T) {
	key, _ := APIKeyHeader("x-sn-apikey", testSecret)
	base, _ := url.Parse("https://api.example.test/")
	tests := []struct {
		name, url string
		header    http.Header
		want      string // the key the next layer sees
		copied    bool
	}{
		{name: "built request, own origin", url: "https://api.example.test/x", header: http.Header{"X-Sn-Apikey": {testSecret}}, want: testSecret},
		{name: "redirect within the origin, without the key", url: "https://api.example.test/y", header: http.Header{}, want: testSecret, copied: true},
		{name: "redirect within the origin, with another value", url: "https://api.example.test/y", header: http.Header{"X-Sn-Apikey": {"forged"}}, want: testSecret, copied: true},
		{name: "redirect to another origin, with the key", url: "https://api.example.test:8443/z", header: http.Header{"X-Sn-Apikey": {testSecret}}, copied: true},
		{name: "another origin, without the key", url: "https://evil.example/z", header: http.Header{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var seen *http.Request
			layer := &authTransport{auth: key, origin: base, next: roundTripFunc(func(r *http.Request) (*http.Response, error) {
				seen = r
				return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
			})}
			req, _ := http.NewRequest(http.MethodGet, tt.url, nil)
			req.Header = tt.header
			before := tt.header.Clone()
			resp, err := layer.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			_ = resp.Body.Close()
			if got := seen.Header.Get("X-Sn-Apikey"); got != tt.want {
				t.Errorf("next layer got key %q, want %q", got, tt.want)
			}
			if (seen != req) != tt.copied {
				t.Errorf("copied = %v, want %v", seen != req, tt.copied)
			}
			if !reflect.DeepEqual(req.Header, before) {
				t.Errorf("the given request's header changed: %v", req.Header)
			}
		})
	}
}
