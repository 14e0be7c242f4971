package servicenow

import (
	"bytes"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const (
	testBase   = "https://dev1.service-now.com"
	testSecret = "s3cr3t-PASS-value"
)

// newMock returns a client on a per-test mock transport with basic auth.
func newMock(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mock := httpmock.NewMockTransport()
	all := append([]Option{
		WithHTTPClient(&http.Client{Transport: mock}),
		WithBasicAuth("admin", testSecret),
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
	rawPath                   string // the path as sent, escapes kept
	header                    http.Header
}

// recorder answers with status/body and records requests.
func recorder(got *[]seen, status int, body string, headers ...string) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		var b []byte
		if r.Body != nil {
			b, _ = io.ReadAll(r.Body)
		}
		*got = append(*got, seen{r.Method, r.URL.Path, r.URL.RawQuery, string(bytes.TrimSpace(b)), r.URL.EscapedPath(), r.Header.Clone()})
		resp := httpmock.NewStringResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(headers); i += 2 {
			resp.Header.Add(headers[i], headers[i+1])
		}
		return resp, nil
	}
}
