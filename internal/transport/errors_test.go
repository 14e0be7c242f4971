package transport

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"

	"github.com/jarcoal/httpmock"
)

func respond(status int, contentType, body string, headers ...string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		r := httpmock.NewStringResponse(status, body)
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			r.Header.Set(headers[i], headers[i+1])
		}
		return r, nil
	}
}

func TestErrorSentinels(t *testing.T) {
	sentinels := []error{incidentkit.ErrNotFound, incidentkit.ErrUnauthorized, incidentkit.ErrForbidden, incidentkit.ErrRateLimited, incidentkit.ErrConflict, incidentkit.ErrServer}
	tests := []struct {
		status int
		want   error
	}{
		{status: 404, want: incidentkit.ErrNotFound},
		{status: 401, want: incidentkit.ErrUnauthorized},
		{status: 403, want: incidentkit.ErrForbidden},
		{status: 429, want: incidentkit.ErrRateLimited},
		{status: 409, want: incidentkit.ErrConflict},
		{status: 500, want: incidentkit.ErrServer},
		{status: 503, want: incidentkit.ErrServer},
		{status: 400, want: nil},
		{status: 422, want: nil},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			c, mock, _ := newMockClient(t, WithoutRetries())
			mock.RegisterResponder("GET", mockURL, respond(tt.status, "application/json", `{"message":"m"}`))
			_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.status || apiErr.Method != "GET" || apiErr.URL != mockURL {
				t.Fatalf("got %#v", err)
			}
			for _, s := range sentinels {
				if got := errors.Is(err, s); got != errors.Is(tt.want, s) {
					t.Errorf("errors.Is(err, %v) = %v", s, got)
				}
			}
		})
	}
}

func TestErrorBodies(t *testing.T) {
	// text is what an *Error reports of the API's own words.
	type text struct{ code, message, detail string }
	tests := []struct {
		name        string
		contentType string
		body        string
		want        text
	}{
		{name: "ServiceNow envelope", contentType: "application/json",
			body: `{"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}`,
			want: text{message: "No Record found", detail: "Record doesn't exist or ACL restricts the record retrieval"}},
		{name: "ServiceNow rate limit", contentType: "application/json",
			body: `{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 100 requests per hour for Table API exceeded"},"status":"failure"}`,
			want: text{message: "Rate limit exceeded", detail: "Rate limit of 100 requests per hour for Table API exceeded"}},
		{name: "TheHive error", contentType: "application/json", body: `{"type":"NotFoundError","message":"Case ~123 not found"}`,
			want: text{code: "NotFoundError", message: "Case ~123 not found"}},
		{name: "OAuth error", contentType: "application/json", body: `{"error":"invalid_client","error_description":"Client authentication failed"}`,
			want: text{code: "invalid_client", message: "Client authentication failed"}},
		{name: "detail only", contentType: "application/json", body: `{"detail":"Invalid ticket id"}`, want: text{message: "Invalid ticket id"}},
		{name: "detail as list", contentType: "application/json", body: `{"detail":[{"loc":["query","limit"],"msg":"too big"}]}`,
			want: text{message: `[{"loc":["query","limit"],"msg":"too big"}]`}},
		{name: "errors list", contentType: "application/json", body: `{"errors":[{"message":"first"},{"message":"second"}]}`, want: text{message: "first"}},
		{name: "hibernating instance page", contentType: "text/html; charset=utf-8",
			body: "<!DOCTYPE html><html><head><title>Instance Hibernating page</title><style>p{}</style></head><body><p>Your instance is hibernating</p></body></html>",
			want: text{message: "Instance Hibernating page"}},
		{name: "HTML without title", contentType: "text/html", body: "<html><body><h1>Bad &amp; Gateway</h1><script>var x=1;</script></body></html>",
			want: text{message: "Bad & Gateway"}},
		{name: "HTML without content type", body: "\n<html><head><title>502 Bad Gateway</title></head></html>", want: text{message: "502 Bad Gateway"}},
		{name: "XML error", contentType: "application/xml",
			body: `<?xml version="1.0" encoding="UTF-8"?><response><error><detail/><message>Invalid sysparm_limit</message></error><status>failure</status></response>`,
			want: text{message: "Invalid sysparm_limit failure"}},
		{name: "plain text", contentType: "text/plain", body: "\n\n  upstream connect error or disconnect/reset before headers\nmore",
			want: text{message: "upstream connect error or disconnect/reset before headers"}},
		{name: "JSON that is not an envelope", contentType: "application/json", body: `{"foo":1}`, want: text{message: `{"foo":1}`}},
		{name: "truncated JSON", contentType: "application/json", body: `{"error":{"mess`, want: text{message: `{"error":{"mess`}},
		{name: "empty", contentType: "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterResponder("GET", mockURL, respond(400, tt.contentType, tt.body))
			_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
			var apiErr *Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("got %T %v, want *Error", err, err)
			}
			if got := (text{code: apiErr.Code, message: apiErr.Message, detail: apiErr.Detail}); got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if string(apiErr.Body) != tt.body {
				t.Errorf("Body = %q, want the raw body", apiErr.Body)
			}
			if strings.Contains(err.Error(), "invalid character") || strings.Contains(err.Error(), "json:") {
				t.Errorf("error text leaks a JSON decoding error: %v", err)
			}
		})
	}
}

func TestErrorStringAndFields(t *testing.T) {
	c, mock, _ := newMockClient(t, WithoutRetries())
	mock.RegisterResponder("GET", mockURL, respond(429, "application/json",
		`{"error":{"message":"Rate limit exceeded","detail":"100 per hour"},"status":"failure"}`,
		"Retry-After", "120", "X-RateLimit-Limit", "100", "X-RateLimit-Reset", "1700000000"))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	want := "testapi: GET " + mockURL + ": 429 Too Many Requests: Rate limit exceeded (100 per hour) [retry after 2m0s]"
	if err.Error() != want {
		t.Errorf("got  %q\nwant %q", err.Error(), want)
	}
	if apiErr.RetryAfter != 2*time.Minute || apiErr.Header.Get("X-RateLimit-Limit") != "100" || !apiErr.Temporary() {
		t.Errorf("fields: %+v", apiErr)
	}
}

func TestErrorBodyIsCapped(t *testing.T) {
	c, mock, _ := newMockClient(t)
	big := `{"message":"` + strings.Repeat("x", 200<<10) + `"}`
	mock.RegisterResponder("GET", mockURL, respond(400, "application/json", big))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || len(apiErr.Body) != maxErrorBody {
		t.Fatalf("got %v with a %d-byte body, want a %d-byte cap", err, len(apiErr.Body), maxErrorBody)
	}
	if len(err.Error()) > 4096 {
		t.Errorf("error text is %d bytes long", len(err.Error()))
	}
}

func TestCustomErrorDecoder(t *testing.T) {
	type fieldErr struct{ Field string }
	decode := func(e *Error, body []byte) bool {
		if !strings.Contains(string(body), "AttributeCheckingError") {
			return false
		}
		e.Code, e.Message, e.Extra = "AttributeCheckingError", "bad fields", []fieldErr{{"severity"}}
		return true
	}
	c, mock, _ := newMockClient(t, func(s *Settings) error { s.ErrorDecoder = decode; return nil })
	mock.RegisterResponder("POST", mockURL, respond(400, "application/json", `{"type":"AttributeCheckingError","message":"x","errors":[]}`))
	mock.RegisterResponder("GET", mockURL, respond(404, "application/json", `{"type":"NotFoundError","message":"nope"}`))
	_, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/api/thing", JSON: body("POST")}, nil)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Message != "bad fields" || len(apiErr.Extra.([]fieldErr)) != 1 {
		t.Fatalf("custom decoder not used: %v", err)
	}
	_, err = c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	if !errors.As(err, &apiErr) || apiErr.Code != "NotFoundError" || apiErr.Message != "nope" {
		t.Fatalf("generic decoding not used when the custom decoder declines: %v", err)
	}
}

func TestSuccessBodies(t *testing.T) {
	type out struct {
		Result []map[string]string `json:"result"`
	}
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		wantItems   int
		wantErr     bool
		wantSummary string
	}{
		{name: "JSON", status: 200, contentType: "application/json", body: `{"result":[{"a":"1"}]}`, wantItems: 1, wantErr: false, wantSummary: ""},
		{name: "JSON with charset", status: 200, contentType: "application/json;charset=UTF-8", body: `{"result":[{"a":"1"},{"b":"2"}]}`, wantItems: 2, wantErr: false, wantSummary: ""},
		{name: "204", status: 204, contentType: "", body: "", wantItems: 0, wantErr: false, wantSummary: ""},
		{name: "202 with empty body", status: 202, contentType: "application/json", body: "", wantItems: 0, wantErr: true, wantSummary: "empty 202 answer"},
		{name: "200 with blank body", status: 200, contentType: "application/json", body: " \n", wantItems: 0, wantErr: true, wantSummary: "empty 200 answer"},
		{name: "200 HTML without title or text", status: 200, contentType: "text/html", body: "<html><body><script>x()</script></body></html>", wantItems: 0, wantErr: true, wantSummary: "HTML page without text"},
		{name: "200 XML", status: 200, contentType: "application/xml", body: "<response/>", wantItems: 0, wantErr: true, wantSummary: "XML document without text"},
		{name: "HTML page with 200", status: 200, contentType: "text/html", body: "<html><head><title>Log in | ServiceNow</title></head></html>", wantItems: 0, wantErr: true, wantSummary: "Log in | ServiceNow"},
		{name: "HTML page without content type", status: 200, contentType: "", body: "<html><head><title>Hibernating</title></head></html>", wantItems: 0, wantErr: true, wantSummary: "Hibernating"},
		{name: "plain text", status: 200, contentType: "text/plain", body: "Service temporarily unavailable", wantItems: 0, wantErr: true, wantSummary: "Service temporarily unavailable"},
		{name: "not JSON", status: 200, contentType: "application/json", body: "}{", wantItems: 0, wantErr: true, wantSummary: "}{"},
		{name: "JSON cut short", status: 200, contentType: "application/json", body: `{"result":[{"a":"1"}`, wantItems: 0, wantErr: true, wantSummary: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterResponder("POST", mockURL, respond(tt.status, tt.contentType, tt.body))
			var o out
			_, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/api/thing", JSON: body("POST")}, &o)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if len(o.Result) != tt.wantItems {
				t.Errorf("decoded %d items, want %d", len(o.Result), tt.wantItems)
			}
			if err != nil {
				var bodyErr *BodyError
				if !errors.As(err, &bodyErr) || bodyErr.Summary != tt.wantSummary {
					t.Fatalf("got %#v, want *BodyError with summary %q", err, tt.wantSummary)
				}
				if tt.wantSummary != "" && !strings.Contains(err.Error(), tt.wantSummary) {
					t.Errorf("error text %q lacks the summary", err)
				}
			}
		})
	}
}

func TestResponseSizeCap(t *testing.T) {
	const limit = 1000
	exact := `{"v":"` + strings.Repeat("a", limit-8) + `"}`
	if len(exact) != limit {
		t.Fatalf("fixture is %d bytes", len(exact))
	}
	tests := []struct {
		name    string
		body    string
		wantErr bool
	}{
		{name: "exactly at the cap", body: exact, wantErr: false},
		{name: "one byte past the cap", body: `{"v":"` + strings.Repeat("a", limit-7) + `"}`, wantErr: true},
		{name: "far past the cap", body: `{"v":"` + strings.Repeat("a", 10*limit) + `"}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t, WithMaxResponseBytes(limit))
			mock.RegisterResponder("GET", mockURL, respond(200, "application/json", tt.body))
			var v map[string]string
			_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, &v)
			if tt.wantErr != errors.Is(err, incidentkit.ErrResponseTooLarge) {
				t.Fatalf("got %v, want incidentkit.ErrResponseTooLarge: %v", err, tt.wantErr)
			}
			if tt.wantErr && mock.GetTotalCallCount() != 1 {
				t.Errorf("an oversized answer was read %d times", mock.GetTotalCallCount())
			}
		})
	}
}

func TestRequestValidationBeforeSending(t *testing.T) {
	tests := []struct {
		name string
		req  *Request
		out  any
	}{
		{name: "nil request", req: nil, out: nil},
		{name: "empty path argument", req: &Request{Path: "/api/{}", Args: []string{""}}, out: nil},
		{name: "dot-dot argument", req: &Request{Path: "/api/{}", Args: []string{".."}}, out: nil},
		{name: "too few arguments", req: &Request{Path: "/api/{}/{}", Args: []string{"a"}}, out: nil},
		{name: "too many arguments", req: &Request{Path: "/api/{}", Args: []string{"a", "b"}}, out: nil},
		{name: "unencodable JSON", req: &Request{Method: "POST", Path: "/api", JSON: map[string]any{"f": func() {}}}, out: nil},
		{name: "JSON and streamed body", req: &Request{Method: "POST", Path: "/api", JSON: 1, Body: RawBody(Upload{Reader: strings.NewReader("x")})}, out: nil},
		{name: "non-pointer result", req: &Request{Path: "/api"}, out: struct{}{}},
		{name: "bad query", req: &Request{Path: "/api", Query: 42}, out: nil},
		{name: "next link to another host", req: &Request{URL: "https://evil.example/api/now/table/incident?sysparm_offset=10"}, out: nil},
		{name: "next link downgraded to http", req: &Request{URL: "http://api.example.test/base/api"}, out: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
			_, err := c.Do(context.Background(), tt.req, tt.out)
			if !errors.Is(err, incidentkit.ErrInvalidInput) {
				t.Fatalf("got %v, want incidentkit.ErrInvalidInput", err)
			}
			var inErr *InputError
			if !errors.As(err, &inErr) || inErr.Problem == "" {
				t.Errorf("got %T, want *InputError", err)
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests were sent", n)
			}
		})
	}
}
