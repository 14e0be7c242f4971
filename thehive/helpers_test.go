package thehive

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const (
	testBase   = "https://thehive.example.test"
	testSecret = "s3cr3t-APIKEY-value"
)

// newMock returns a client of dialect d on a per-test mock transport.
func newMock(t *testing.T, d Dialect, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	all := append([]Option{
		WithHTTPClient(&http.Client{Transport: mock}),
		WithAPIKey(testSecret),
		WithDialect(d),
		WithRetryWait(time.Millisecond, 5*time.Millisecond),
	}, opts...)
	c, err := NewClient(testBase, all...)
	if err != nil {
		t.Fatal(err)
	}
	return c, mock
}

// seen records one request for shape checks.
type seen struct {
	method, path, query, body string
	header                    http.Header
}

// recorder answers with status and body and records every request.
func recorder(got *[]seen, status int, body string, headers ...string) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		var b []byte
		if r.Body != nil {
			b, _ = io.ReadAll(r.Body)
		}
		*got = append(*got, seen{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, string(bytes.TrimSpace(b)), r.Header.Clone()})
		resp := httpmock.NewStringResponse(status, body)
		if body != "" {
			resp.Header.Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(headers); i += 2 {
			resp.Header.Add(headers[i], headers[i+1])
		}
		return resp, nil
	}
}

// jsonEqual fails unless got and want hold the same JSON value.
func jsonEqual(t *testing.T, got, want string) {
	t.Helper()
	var g, w any
	if want == "" {
		if got != "" {
			t.Errorf("body = %s, want none", got)
		}
		return
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("body %q is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %q is not JSON: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		gb, _ := json.Marshal(g)
		wb, _ := json.Marshal(w)
		t.Errorf("body\n got %s\nwant %s", gb, wb)
	}
}
