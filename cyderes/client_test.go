package cyderes

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestNewClientValidation(t *testing.T) {
	tests := []struct {
		name    string
		baseURL string
		opts    []Option
		want    string
	}{
		{name: "empty base URL", baseURL: "", opts: []Option{WithToken("a")}, want: "cyderes: invalid base URL: is empty"},
		{name: "blank base URL", baseURL: " ", opts: []Option{WithToken("a")}, want: "cyderes: invalid base URL: is empty"},
		{name: "no token", baseURL: DefaultBaseURL, want: "cyderes: invalid authentication: is required"},
		{name: "empty token", baseURL: DefaultBaseURL, opts: []Option{WithToken("")}, want: "cyderes: invalid bearer token: is empty"},
		{name: "two tokens", baseURL: DefaultBaseURL, opts: []Option{WithToken("a"), WithToken("b")}, want: "cyderes: invalid authentication: more than one authentication option given"},
		{name: "plain http", baseURL: "http://tsi.example.com", opts: []Option{WithToken("a")}, want: "cyderes: invalid base URL: must use https"},
		{name: "bad scheme", baseURL: "ftp://x", opts: []Option{WithToken("a")}, want: "cyderes: invalid base URL"},
		{name: "bad retries", baseURL: DefaultBaseURL, opts: []Option{WithToken("a"), WithRetries(-1)}, want: "cyderes: invalid retries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewClient(tt.baseURL, tt.opts...)
			if err == nil || c != nil {
				t.Fatalf("NewClient = %v, %v; want an error", c, err)
			}
			testkit.InputError(t, err, "cyderes")
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestNewClientServices(t *testing.T) {
	c, err := NewClient(DefaultBaseURL+"/", WithToken("tok"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.core.BaseURL().String(); got != DefaultBaseURL+"/" {
		t.Errorf("base URL = %q, want %q", got, DefaultBaseURL)
	}
	if c.core.Service() != "cyderes" {
		t.Errorf("service = %q", c.core.Service())
	}
	if c.Tickets == nil || c.Attachments == nil || c.Comments == nil || c.ServiceRequests == nil || c.IOCs == nil {
		t.Errorf("a service is nil: %+v", c)
	}
}

func TestBaseURLWithPath(t *testing.T) {
	m := testkit.New()
	m.On("GET", "https://proxy.example.com/tsi/v2/tickets/T1", testkit.Answer{Body: `{"ticket_id":"T1"}`})
	c, err := NewClient("https://proxy.example.com/tsi/", WithHTTPClient(m.HTTPClient()), WithToken(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Tickets.Get(context.Background(), "T1"); err != nil {
		t.Fatal(err)
	}
	sentTo(t, m, "GET", "/tsi/v2/tickets/T1", "")
}

func TestErrorBodies(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		wantMsg     string
		is          error
	}{
		{name: "detail string", status: 404, contentType: "application/json", body: `{"detail":"Ticket not found"}`, wantMsg: "Ticket not found", is: ErrNotFound},
		{name: "detail list", status: 422, contentType: "application/json",
			body:    `{"detail":[{"loc":["query","limit"],"msg":"ensure this value is less than or equal to 250","type":"value_error"},{"loc":["path","ticket_id",0],"msg":"bad","type":"x"}]}`,
			wantMsg: "query.limit: ensure this value is less than or equal to 250; path.ticket_id.0: bad"},
		{name: "message", status: 401, contentType: "application/json", body: `{"message":"Invalid token"}`, wantMsg: "Invalid token", is: ErrUnauthorized},
		{name: "detail object", status: 403, contentType: "application/json", body: `{"detail":{"msg":"no access"}}`, wantMsg: "no access", is: ErrForbidden},
		{name: "plain text", status: 500, contentType: "text/plain", body: "Internal Server Error\nstack", wantMsg: "Internal Server Error", is: ErrServer},
		{name: "html", status: 502, contentType: "text/html", body: "<html><head><title>Bad gateway</title></head></html>", wantMsg: "Bad gateway", is: ErrServer},
		{name: "other json", status: 409, contentType: "application/json", body: `{"error":"duplicate"}`, wantMsg: "duplicate", is: ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t, WithoutRetries())
			m.On("GET", anyURL, testkit.Answer{Status: tt.status, Body: tt.body, Header: testkit.Headers("Content-Type", tt.contentType)})
			_, err := c.Tickets.Get(context.Background(), "T1")
			apiErr := testkit.APIError(t, err, "cyderes")
			if apiErr.StatusCode != tt.status || apiErr.Message != tt.wantMsg {
				t.Errorf("status %d message %q, want %d %q", apiErr.StatusCode, apiErr.Message, tt.status, tt.wantMsg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
			noSecret(t, err)
		})
	}
}
