package transport

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/jarcoal/httpmock"
)

// TestCallExtras checks incidentkit.WithQuery and WithHeader: the call
// gains what they carry, keeps its own parameters and fields, never takes
// credentials from them, and a header that cannot be sent fails the call
// before anything is sent.
func TestCallExtras(t *testing.T) {
	c, mock, _ := newMockClient(t)
	var got *http.Request
	mock.RegisterResponder("GET", mockURL, func(r *http.Request) (*http.Response, error) {
		got = r
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	ctx := incidentkit.WithQuery(context.Background(), url.Values{"sysparm_view": {"mobile"}, "keep": {"theirs"}})
	ctx = incidentkit.WithHeader(ctx, http.Header{"X-No-Response-Body": {"true"}, "Accept": {"text/xml"},
		"Authorization": {"Bearer stolen"}, "x-team": {"soc"}})
	if _, err := c.Do(ctx, &Request{Path: "/api/thing", Query: url.Values{"keep": {"mine"}}}, nil); err != nil {
		t.Fatal(err)
	}
	q := got.URL.Query()
	if q.Get("sysparm_view") != "mobile" || q.Get("keep") != "mine" || len(q["keep"]) != 1 {
		t.Errorf("query %q", got.URL.RawQuery)
	}
	if got.Header.Get("X-No-Response-Body") != "true" || got.Header.Get("X-Team") != "soc" || got.Header.Get("Accept") != "application/json" ||
		got.Header.Get("Authorization") == "Bearer stolen" {
		t.Errorf("header %v", got.Header)
	}
	bad := incidentkit.WithHeader(context.Background(), http.Header{"X-Bad": {"a\r\nInjected: yes"}})
	before := mock.GetTotalCallCount()
	if _, err := c.Do(bad, &Request{Path: "/api/thing"}, nil); !errors.Is(err, incidentkit.ErrInvalidInput) || mock.GetTotalCallCount() != before {
		t.Errorf("a header with CRLF: %v", err)
	}
}
