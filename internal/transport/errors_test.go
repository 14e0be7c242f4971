package transport

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

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
	sentinels := []error{ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited, ErrConflict, ErrServer}
	tests := []struct {
		status int
		want   error
	}{
		{404, ErrNotFound},
		{401, ErrUnauthorized},
		{403, ErrForbidden},
		{429, ErrRateLimited},
		{409, ErrConflict},
		{500, ErrServer},
		{503, ErrServer},
		{400, nil},
		{422, nil},
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
				if got := errors.Is(err, s); got != (s == tt.want) {
					t.Errorf("errors.Is(err, %v) = %v", s, got)
				}
			}
		})
	}
}

func TestErrorBodies(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
		wantCode    string
		wantMessage string
		wantDetail  string
	}{
		{"ServiceNow envelope", "application/json",
			`{"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}`,
			"", "No Record found", "Record doesn't exist or ACL restricts the record retrieval"},
		{"ServiceNow rate limit", "application/json",
			`{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 100 requests per hour for Table API exceeded"},"status":"failure"}`,
			"", "Rate limit exceeded", "Rate limit of 100 requests per hour for Table API exceeded"},
		{"TheHive error", "application/json", `{"type":"NotFoundError","message":"Case ~123 not found"}`,
			"NotFoundError", "Case ~123 not found", ""},
		{"OAuth error", "application/json", `{"error":"invalid_client","error_description":"Client authentication failed"}`,
			"invalid_client", "Client authentication failed", ""},
		{"detail only", "application/json", `{"detail":"Invalid ticket id"}`, "", "Invalid ticket id", ""},
		{"detail as list", "application/json", `{"detail":[{"loc":["query","limit"],"msg":"too big"}]}`, "", `[{"loc":["query","limit"],"msg":"too big"}]`, ""},
		{"errors list", "application/json", `{"errors":[{"message":"first"},{"message":"second"}]}`, "", "first", ""},
		{"hibernating instance page", "text/html; charset=utf-8",
			"<!DOCTYPE html><html><head><title>Instance Hibernating page</title><style>p{}</style></head><body><p>Your instance is hibernating</p></body></html>",
			"", "Instance Hibernating page", ""},
		{"HTML without title", "text/html", "<html><body><h1>Bad &amp; Gateway</h1><script>var x=1;</script></body></html>", "", "Bad & Gateway", ""},
		{"HTML without content type", "", "\n<html><head><title>502 Bad Gateway</title></head></html>", "", "502 Bad Gateway", ""},
		{"XML error", "application/xml",
			`<?xml version="1.0" encoding="UTF-8"?><response><error><detail/><message>Invalid sysparm_limit</message></error><status>failure</status></response>`,
			"", "Invalid sysparm_limit failure", ""},
		{"plain text", "text/plain", "\n\n  upstream connect error or disconnect/reset before headers\nmore", "", "upstream connect error or disconnect/reset before headers", ""},
		{"JSON that is not an envelope", "application/json", `{"foo":1}`, "", `{"foo":1}`, ""},
		{"truncated JSON", "application/json", `{"error":{"mess`, "", `{"error":{"mess`, ""},
		{"empty", "application/json", "", "", "", ""},
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
			if apiErr.Code != tt.wantCode || apiErr.Message != tt.wantMessage || apiErr.Detail != tt.wantDetail {
				t.Errorf("got code %q message %q detail %q\nwant code %q message %q detail %q",
					apiErr.Code, apiErr.Message, apiErr.Detail, tt.wantCode, tt.wantMessage, tt.wantDetail)
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
		{"JSON", 200, "application/json", `{"result":[{"a":"1"}]}`, 1, false, ""},
		{"JSON with charset", 200, "application/json;charset=UTF-8", `{"result":[{"a":"1"},{"b":"2"}]}`, 2, false, ""},
		{"204", 204, "", "", 0, false, ""},
		{"202 with empty body", 202, "application/json", "", 0, false, ""},
		{"HTML page with 200", 200, "text/html", "<html><head><title>Log in | ServiceNow</title></head></html>", 0, true, "Log in | ServiceNow"},
		{"HTML page without content type", 200, "", "<html><head><title>Hibernating</title></head></html>", 0, true, "Hibernating"},
		{"plain text", 200, "text/plain", "Service temporarily unavailable", 0, true, "Service temporarily unavailable"},
		{"not JSON", 200, "application/json", "}{", 0, true, "}{"},
		{"JSON cut short", 200, "application/json", `{"result":[{"a":"1"}`, 0, true, ""},
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
		{"exactly at the cap", exact, false},
		{"one byte past the cap", `{"v":"` + strings.Repeat("a", limit-7) + `"}`, true},
		{"far past the cap", `{"v":"` + strings.Repeat("a", 10*limit) + `"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t, WithMaxResponseBytes(limit))
			mock.RegisterResponder("GET", mockURL, respond(200, "application/json", tt.body))
			var v map[string]string
			_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, &v)
			if tt.wantErr != errors.Is(err, ErrResponseTooLarge) {
				t.Fatalf("got %v, want ErrResponseTooLarge: %v", err, tt.wantErr)
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
		{"nil request", nil, nil},
		{"empty path argument", &Request{Path: "/api/{}", Args: []string{""}}, nil},
		{"dot-dot argument", &Request{Path: "/api/{}", Args: []string{".."}}, nil},
		{"too few arguments", &Request{Path: "/api/{}/{}", Args: []string{"a"}}, nil},
		{"too many arguments", &Request{Path: "/api/{}", Args: []string{"a", "b"}}, nil},
		{"unencodable JSON", &Request{Method: "POST", Path: "/api", JSON: map[string]any{"f": func() {}}}, nil},
		{"JSON and streamed body", &Request{Method: "POST", Path: "/api", JSON: 1, Body: RawBody(Upload{Reader: strings.NewReader("x")})}, nil},
		{"non-pointer result", &Request{Path: "/api"}, struct{}{}},
		{"bad query", &Request{Path: "/api", Query: 42}, nil},
		{"next link to another host", &Request{URL: "https://evil.example/api/now/table/incident?sysparm_offset=10"}, nil},
		{"next link downgraded to http", &Request{URL: "http://api.example.test/base/api"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
			_, err := c.Do(context.Background(), tt.req, tt.out)
			if !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("got %v, want ErrInvalidInput", err)
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
