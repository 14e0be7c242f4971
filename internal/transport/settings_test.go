package transport

import (
	"context"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

func TestOptionsValidatedAtConstruction(t *testing.T) {
	tests := []struct {
		name string
		opt  Option
	}{
		{"nil HTTP client", WithHTTPClient(nil)},
		{"negative retries", WithRetries(-1)},
		{"zero minimum wait", WithRetryWait(0, time.Second)},
		{"maximum below minimum", WithRetryWait(time.Second, time.Millisecond)},
		{"zero rate", WithRateLimit(0, 1)},
		{"negative rate", WithRateLimit(-5, 1)},
		{"NaN rate", WithRateLimit(nan(), 1)},
		{"zero burst", WithRateLimit(10, 0)},
		{"nil limiter", WithLimiter(nil)},
		{"empty user agent", WithUserAgent("  ")},
		{"user agent with newline", WithUserAgent("a\r\nX-Evil: 1")},
		{"zero response cap", WithMaxResponseBytes(0)},
		{"negative response cap", WithMaxResponseBytes(-1)},
		{"zero timeout", WithTimeout(0)},
		{"bad header name", WithHeader("X Bad", "v")},
		{"header value with newline", WithHeader("X-Org", "a\nb")},
		{"nil auth", WithAuth(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSettings(tt.opt)
			if s != nil || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("got %v, %v; want an input error", s, err)
			}
		})
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}

func TestBaseURLValidation(t *testing.T) {
	tests := []struct {
		url       string
		allowHTTP bool
		ok        bool
	}{
		{"https://dev12345.service-now.com", false, true},
		{"https://thehive.example.org/thehive/", false, true},
		{"http://127.0.0.1:9000", false, true},
		{"http://localhost:9000", false, true},
		{"http://[::1]:9000", false, true},
		{"http://thehive.internal:9000", false, false},
		{"http://thehive.internal:9000", true, true},
		{"", false, false},
		{"   ", false, false},
		{"dev12345.service-now.com", false, false},
		{"ftp://example.org", false, false},
		{"https://", false, false},
		{"https://admin:pw@example.org", false, false},
		{"https://example.org?x=1", false, false},
		{"https://example.org#frag", false, false},
		{"https://exa mple.org", false, false},
		{"://nothing", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			s, _ := NewSettings()
			s.BaseURL, s.AllowInsecureHTTP = tt.url, tt.allowHTTP
			c, err := New(s)
			if tt.ok != (err == nil) {
				t.Fatalf("New(%q) error = %v, want ok %v", tt.url, err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalidInput) {
				t.Errorf("got %T, want an input error", err)
			}
			if err == nil && c.BaseURL().String() == "" {
				t.Error("empty base URL")
			}
		})
	}
}

func TestNewRejectsInconsistentSettings(t *testing.T) {
	for _, mutate := range []func(*Settings){
		func(s *Settings) { s.MaxRetries = -1 },
		func(s *Settings) { s.RetryWaitMin = 0 },
		func(s *Settings) { s.MaxResponseBytes = 0 },
	} {
		s, _ := NewSettings()
		s.BaseURL = "https://example.org"
		mutate(s)
		if _, err := New(s); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("got %v, want an input error", err)
		}
	}
	if _, err := New(nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil settings: %v", err)
	}
}

func TestUserAgentAndHeaders(t *testing.T) {
	var got http.Header
	record := func(r *http.Request) (*http.Response, error) {
		got = r.Header.Clone()
		return httpmock.NewStringResponse(200, `{}`), nil
	}
	c, mock, _ := newMockClient(t, WithHeader("X-Organisation", "soc"))
	mock.RegisterResponder("POST", mockURL, record)
	if _, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/api/thing", JSON: map[string]string{"html": "<b>&</b>"}}, nil); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^incidentkit/\d+\.\d+\.\d+ \(go\d+\.\d+(\.\d+)?.*\)$`).MatchString(got.Get("User-Agent")) {
		t.Errorf("User-Agent = %q", got.Get("User-Agent"))
	}
	if got.Get("X-Organisation") != "soc" || got.Get("Accept") != "application/json" || got.Get("Content-Type") != "application/json" {
		t.Errorf("headers: %v", got)
	}

	c2, mock2, _ := newMockClient(t, WithUserAgent("soc-bridge/2.0"))
	mock2.RegisterResponder("GET", mockURL, record)
	if _, err := c2.Do(context.Background(), &Request{Path: "/api/thing", Accept: "text/csv"}, nil); err != nil {
		t.Fatal(err)
	}
	if got.Get("User-Agent") != "soc-bridge/2.0" || got.Get("Accept") != "text/csv" {
		t.Errorf("headers: %v", got)
	}
}

func TestJSONBodyWithoutHTMLEscaping(t *testing.T) {
	var sent string
	c, mock, _ := newMockClient(t)
	mock.RegisterResponder("POST", mockURL, func(r *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(r.Body)
		sent = string(b)
		return httpmock.NewStringResponse(201, `{}`), nil
	})
	if _, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/api/thing", JSON: map[string]string{"d": "<script> & 'x'"}}, nil); err != nil {
		t.Fatal(err)
	}
	if sent != `{"d":"<script> & 'x'"}` {
		t.Errorf("body = %q", sent)
	}
}

func TestPathEscaping(t *testing.T) {
	tests := []struct {
		tmpl    string
		args    []string
		want    string
		wantErr bool
	}{
		{"/api/now/table/{}/{}", []string{"incident", "46d44a5ddb"}, "/api/now/table/incident/46d44a5ddb", false},
		{"/api/case/{}", []string{"../admin"}, "/api/case/..%2Fadmin", false},
		{"/api/case/{}", []string{"a/b"}, "/api/case/a%2Fb", false},
		{"/api/case/{}/task", []string{"~123"}, "/api/case/~123/task", false},
		{"/api/case/{}", []string{"a?b#c"}, "/api/case/a%3Fb%23c", false},
		{"/api/case/{}", []string{"%2e%2e"}, "/api/case/%252e%252e", false},
		{"/api/case/{}", []string{"é x"}, "/api/case/%C3%A9%20x", false},
		{"/api/case/{}", []string{".."}, "", true},
		{"/api/case/{}", []string{"."}, "", true},
		{"/api/case/{}", []string{""}, "", true},
		{"/api/case/{}", nil, "", true},
		{"/api/case", []string{"x"}, "", true},
		{"/api/{}/{}", []string{"x"}, "", true},
	}
	for _, tt := range tests {
		got, err := ExpandPath(tt.tmpl, tt.args...)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ExpandPath(%q, %q) = %q, %v; want %q, error %v", tt.tmpl, tt.args, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestEscapedSegmentReachesTheServerAsOneSegment(t *testing.T) {
	c, mock, _ := newMockClient(t)
	var path string
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		path = r.URL.EscapedPath()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	if _, err := c.Do(context.Background(), &Request{Path: "/api/case/{}", Args: []string{"../../admin/users"}}, nil); err != nil {
		t.Fatal(err)
	}
	if path != "/base/api/case/..%2F..%2Fadmin%2Fusers" {
		t.Fatalf("server saw %q", path)
	}
}

func TestQueryFromStruct(t *testing.T) {
	type listOptions struct {
		Query  string   `url:"sysparm_query,omitempty"`
		Limit  int      `url:"sysparm_limit,omitempty"`
		Fields []string `url:"sysparm_fields,comma,omitempty"`
		NoCnt  bool     `url:"sysparm_no_count,omitempty"`
	}
	c, mock, _ := newMockClient(t)
	var raw string
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		raw = r.URL.RawQuery
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	opts := &listOptions{Query: "active=true^priority=1", Limit: 100, Fields: []string{"number", "state"}}
	if _, err := c.Do(context.Background(), &Request{Path: "/api/now/table/incident", Query: opts}, nil); err != nil {
		t.Fatal(err)
	}
	if raw != "sysparm_fields=number%2Cstate&sysparm_limit=100&sysparm_query=active%3Dtrue%5Epriority%3D1" {
		t.Fatalf("query = %q", raw)
	}
}

func TestNextLinkOnSameOrigin(t *testing.T) {
	c, mock, _ := newMockClient(t)
	var got string
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		got = r.URL.String()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	next := "https://API.example.test:443/base/api/now/table/incident?sysparm_limit=2&sysparm_offset=2"
	if _, err := c.Do(context.Background(), &Request{URL: next}, nil); err != nil {
		t.Fatal(err)
	}
	if got != next {
		t.Fatalf("requested %q, want %q", got, next)
	}
}

func TestInputErrorsNameTheService(t *testing.T) {
	const prefix = "testapi: invalid "
	check := func(t *testing.T, err error) {
		t.Helper()
		var inErr *InputError
		if !errors.As(err, &inErr) || inErr.Service != "testapi" || !strings.HasPrefix(err.Error(), prefix) {
			t.Fatalf("got %v, want an *InputError reading %q...", err, prefix)
		}
	}
	t.Run("option", func(t *testing.T) {
		s, err := NewSettingsFor("testapi", "https://api.example.test", WithRetries(-1))
		if s != nil {
			t.Fatal("settings returned with an error")
		}
		check(t, err)
	})
	t.Run("base URL", func(t *testing.T) {
		s, err := NewSettingsFor("testapi", "ftp://api.example.test")
		if err != nil {
			t.Fatal(err)
		}
		_, err = New(s)
		check(t, err)
	})
	t.Run("settings", func(t *testing.T) {
		s, err := NewSettingsFor("testapi", "https://api.example.test")
		if err != nil {
			t.Fatal(err)
		}
		s.MaxResponseBytes = 0
		_, err = New(s)
		check(t, err)
	})
	requests := []struct {
		name string
		req  *Request
	}{
		{name: "path", req: &Request{Path: "/api/{}", Args: []string{".."}}},
		{name: "query", req: &Request{Path: "/api", Query: 42}},
		{name: "upload", req: &Request{Method: "POST", Path: "/api", Body: RawBody(Upload{FileName: "f"})}},
		{name: "upload size", req: &Request{Method: "POST", Path: "/api", Body: RawBody(Upload{Reader: strings.NewReader("xyz"), Size: 9})}},
		{name: "next link", req: &Request{URL: "https://evil.example/api"}},
		{name: "request", req: nil},
	}
	for _, tt := range requests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newMockClient(t)
			_, err := c.Do(context.Background(), tt.req, nil)
			var inErr *InputError
			if !errors.As(err, &inErr) || inErr.Service != "testapi" || !strings.Contains(err.Error(), prefix) {
				t.Fatalf("got %v, want an *InputError naming testapi", err)
			}
		})
	}
	t.Run("ForService", func(t *testing.T) {
		if ForService("testapi", nil) != nil {
			t.Error("nil error changed")
		}
		_, err := BearerToken("")
		check(t, ForService("testapi", err))
		named := &InputError{Service: "other", Field: "x", Problem: "y"}
		if ForService("testapi", named); named.Service != "other" {
			t.Errorf("a named error was renamed to %q", named.Service)
		}
	})
}

func TestNewSettingsForFillsServiceAndBaseURL(t *testing.T) {
	s, err := NewSettingsFor("testapi", "https://api.example.test/base", WithRetries(2))
	if err != nil {
		t.Fatal(err)
	}
	if s.Service != "testapi" || s.BaseURL != "https://api.example.test/base" || s.MaxRetries != 2 || s.MaxResponseBytes != DefaultMaxResponseBytes {
		t.Fatalf("settings: %+v", s)
	}
	c, err := New(s)
	if err != nil || c.Service() != "testapi" {
		t.Fatalf("New: %v, %v", c, err)
	}
}
