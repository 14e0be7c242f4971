package cyderes

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestNewClientValidation(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"no token", nil, "token"},
		{"empty token", []Option{WithToken("")}, "token"},
		{"two tokens", []Option{WithToken("a"), WithToken("b")}, "more than once"},
		{"empty base URL", []Option{WithToken("a"), WithBaseURL(" ")}, "base URL"},
		{"plain http", []Option{WithToken("a"), WithBaseURL("http://tsi.example.com")}, "https"},
		{"bad retries", []Option{WithToken("a"), WithRetries(-1)}, "retries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewClient(tt.opts...)
			if err == nil || c != nil {
				t.Fatalf("NewClient = %v, %v; want an error", c, err)
			}
			if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not match ErrInvalidInput and %q", err, tt.want)
			}
		})
	}
}

func TestNewClientDefaults(t *testing.T) {
	c, err := NewClient(WithToken("tok"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.core.BaseURL().String(); got != DefaultBaseURL {
		t.Errorf("base URL = %q, want %q", got, DefaultBaseURL)
	}
	if c.core.Service() != "cyderes" {
		t.Errorf("service = %q", c.core.Service())
	}
}

func TestBaseURLOverride(t *testing.T) {
	var rec recorder
	c, mock := newMock(t, WithBaseURL("https://proxy.example.com/tsi/"))
	mock.RegisterNoResponder(rec.respond(200, `{"ticket_id":"T1"}`))
	if _, err := c.GetTicket(context.Background(), "T1"); err != nil {
		t.Fatal(err)
	}
	s := rec.one(t)
	if s.path != "/tsi/v2/tickets/T1" {
		t.Errorf("path = %q", s.path)
	}
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
		{"detail string", 404, "application/json", `{"detail":"Ticket not found"}`, "Ticket not found", ErrNotFound},
		{"detail list", 422, "application/json",
			`{"detail":[{"loc":["query","limit"],"msg":"ensure this value is less than or equal to 250","type":"value_error"},{"loc":["path","ticket_id",0],"msg":"bad","type":"x"}]}`,
			"query.limit: ensure this value is less than or equal to 250; path.ticket_id.0: bad", nil},
		{"message", 401, "application/json", `{"message":"Invalid token"}`, "Invalid token", ErrUnauthorized},
		{"detail object", 403, "application/json", `{"detail":{"msg":"no access"}}`, "no access", ErrForbidden},
		{"plain text", 500, "text/plain", "Internal Server Error\nstack", "Internal Server Error", ErrServer},
		{"html", 502, "text/html", "<html><head><title>Bad gateway</title></head></html>", "Bad gateway", ErrServer},
		{"other json", 409, "application/json", `{"error":"duplicate"}`, "duplicate", ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, WithoutRetries())
			mock.RegisterNoResponder(func(*http.Request) (*http.Response, error) {
				resp := httpmock.NewStringResponse(tt.status, tt.body)
				resp.Header.Set("Content-Type", tt.contentType)
				return resp, nil
			})
			_, err := c.GetTicket(context.Background(), "T1")
			var apiErr *Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v (%T) is not *Error", err, err)
			}
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
