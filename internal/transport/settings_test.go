package transport

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
)

func TestOptionsValidatedAtConstruction(t *testing.T) {
	tests := []struct {
		name string
		opt  Option
	}{
		{name: "nil HTTP client", opt: WithHTTPClient(nil)},
		{name: "negative retries", opt: WithRetries(-1)},
		{name: "zero minimum wait", opt: WithRetryWait(0, time.Second)},
		{name: "maximum below minimum", opt: WithRetryWait(time.Second, time.Millisecond)},
		{name: "zero rate", opt: WithRateLimit(0, 1)},
		{name: "negative rate", opt: WithRateLimit(-5, 1)},
		{name: "NaN rate", opt: WithRateLimit(nan(), 1)},
		{name: "zero burst", opt: WithRateLimit(10, 0)},
		{name: "nil limiter", opt: WithLimiter(nil)},
		{name: "empty user agent", opt: WithUserAgent("  ")},
		{name: "user agent with newline", opt: WithUserAgent("a\r\nX-Evil: 1")},
		{name: "zero response cap", opt: WithMaxResponseBytes(0)},
		{name: "negative response cap", opt: WithMaxResponseBytes(-1)},
		{name: "zero timeout", opt: WithTimeout(0)},
		{name: "bad header name", opt: WithHeader("X Bad", "v")},
		{name: "header value with newline", opt: WithHeader("X-Org", "a\nb")},
		{name: "nil auth", opt: WithAuth(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewSettings(tt.opt)
			if s != nil || !errors.Is(err, incidentkit.ErrInvalidInput) {
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
		{url: "https://dev12345.service-now.com", allowHTTP: false, ok: true},
		{url: "https://thehive.example.org/thehive/", allowHTTP: false, ok: true},
		{url: "http://127.0.0.1:9000", allowHTTP: false, ok: true},
		{url: "http://localhost:9000", allowHTTP: false, ok: true},
		{url: "http://[::1]:9000", allowHTTP: false, ok: true},
		{url: "http://thehive.internal:9000", allowHTTP: false, ok: false},
		{url: "http://thehive.internal:9000", allowHTTP: true, ok: true},
		{url: "", allowHTTP: false, ok: false},
		{url: "   ", allowHTTP: false, ok: false},
		{url: "dev12345.service-now.com", allowHTTP: false, ok: false},
		{url: "ftp://example.org", allowHTTP: false, ok: false},
		{url: "https://", allowHTTP: false, ok: false},
		{url: "https://admin:pw@example.org", allowHTTP: false, ok: false},
		{url: "https://example.org?x=1", allowHTTP: false, ok: false},
		{url: "https://example.org#frag", allowHTTP: false, ok: false},
		{url: "https://exa mple.org", allowHTTP: false, ok: false},
		{url: "://nothing", allowHTTP: false, ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			s, _ := NewSettings()
			s.BaseURL, s.AllowInsecureHTTP = tt.url, tt.allowHTTP
			c, err := New(s)
			if tt.ok != (err == nil) {
				t.Fatalf("New(%q) error = %v, want ok %v", tt.url, err, tt.ok)
			}
			if err != nil && !errors.Is(err, incidentkit.ErrInvalidInput) {
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
		if _, err := New(s); !errors.Is(err, incidentkit.ErrInvalidInput) {
			t.Errorf("got %v, want an input error", err)
		}
	}
	if _, err := New(nil); !errors.Is(err, incidentkit.ErrInvalidInput) {
		t.Errorf("nil settings: %v", err)
	}
}

func TestUserAgentAndHeaders(t *testing.T) {
	r, _ := sent(t, &Request{Method: "POST", Path: "/api/thing", JSON: map[string]string{"html": "<b>&</b>"}}, WithHeader("X-Organisation", "soc"))
	if r.Method != "POST" || r.URL.String() != mockURL {
		t.Fatalf("sent %s %s, want POST %s", r.Method, r.URL, mockURL)
	}
	got := r.Header
	if !regexp.MustCompile(`^incidentkit/\d+\.\d+\.\d+ \(go\d+\.\d+(\.\d+)?.*\)$`).MatchString(got.Get("User-Agent")) {
		t.Errorf("User-Agent = %q", got.Get("User-Agent"))
	}
	if got.Get("X-Organisation") != "soc" || got.Get("Accept") != "application/json" || got.Get("Content-Type") != "application/json" {
		t.Errorf("headers: %v", got)
	}

	r, _ = sent(t, &Request{Path: "/api/thing", Accept: "text/csv"}, WithUserAgent("soc-bridge/2.0"))
	if r.Method != "GET" || r.URL.String() != mockURL {
		t.Fatalf("sent %s %s, want GET %s", r.Method, r.URL, mockURL)
	}
	got = r.Header
	if got.Get("User-Agent") != "soc-bridge/2.0" || got.Get("Accept") != "text/csv" {
		t.Errorf("headers: %v", got)
	}
}

func TestJSONBodyWithoutHTMLEscaping(t *testing.T) {
	_, body := sent(t, &Request{Method: "POST", Path: "/api/thing", JSON: map[string]string{"d": "<script> & 'x'"}})
	if body != `{"d":"<script> & 'x'"}` {
		t.Errorf("body = %q", body)
	}
}

func TestPathEscaping(t *testing.T) {
	tests := []struct {
		tmpl    string
		args    []string
		want    string
		wantErr bool
	}{
		{tmpl: "/api/now/table/{}/{}", args: []string{"incident", "46d44a5ddb"}, want: "/api/now/table/incident/46d44a5ddb", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{"../admin"}, want: "/api/case/..%2Fadmin", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{"a/b"}, want: "/api/case/a%2Fb", wantErr: false},
		{tmpl: "/api/case/{}/task", args: []string{"~123"}, want: "/api/case/~123/task", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{"a?b#c"}, want: "/api/case/a%3Fb%23c", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{"%2e%2e"}, want: "/api/case/%252e%252e", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{"é x"}, want: "/api/case/%C3%A9%20x", wantErr: false},
		{tmpl: "/api/case/{}", args: []string{".."}, want: "", wantErr: true},
		{tmpl: "/api/case/{}", args: []string{"."}, want: "", wantErr: true},
		{tmpl: "/api/case/{}", args: []string{""}, want: "", wantErr: true},
		{tmpl: "/api/case/{}", args: nil, want: "", wantErr: true},
		{tmpl: "/api/case", args: []string{"x"}, want: "", wantErr: true},
		{tmpl: "/api/{}/{}", args: []string{"x"}, want: "", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ExpandPath(tt.tmpl, tt.args...)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ExpandPath(%q, %q) = %q, %v; want %q, error %v", tt.tmpl, tt.args, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestEscapedSegmentReachesTheServerAsOneSegment(t *testing.T) {
	r, _ := sent(t, &Request{Path: "/api/case/{}", Args: []string{"../../admin/users"}})
	if path := r.URL.EscapedPath(); path != "/base/api/case/..%2F..%2Fadmin%2Fusers" {
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
	opts := &listOptions{Query: "active=true^priority=1", Limit: 100, Fields: []string{"number", "state"}}
	r, _ := sent(t, &Request{Path: "/api/now/table/incident", Query: opts})
	if raw := r.URL.RawQuery; raw != "sysparm_fields=number%2Cstate&sysparm_limit=100&sysparm_query=active%3Dtrue%5Epriority%3D1" {
		t.Fatalf("query = %q", raw)
	}
}

func TestNextLinkOnSameOrigin(t *testing.T) {
	next := "https://API.example.test:443/base/api/now/table/incident?sysparm_limit=2&sysparm_offset=2"
	r, _ := sent(t, &Request{URL: next})
	if got := r.URL.String(); got != next {
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
