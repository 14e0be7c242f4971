package thehive

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// statusMock answers GET /api/status with TheHive version v (and counts
// it), and every other request with 201 and a case.
func statusMock(t *testing.T, v string, opts ...Option) (*Client, *testkit.Mock) {
	t.Helper()
	c, m := newMock(t, V0, append([]Option{withoutServerVersion()}, opts...)...)
	m.RegisterNoResponder(m.Record(func(r *http.Request) testkit.Answer {
		if r.URL.Path == "/api/status" {
			return testkit.Answer{Body: `{"versions":{"TheHive":"` + v + `","Play":"2.8.8"}}`}
		}
		if strings.HasSuffix(r.URL.Path, "/_search") {
			return testkit.Answer{Body: `[{"id":"AV1"}]`, Header: testkit.Headers("X-Total", "1")}
		}
		return testkit.Answer{Status: 201, Body: `{"id":"AV1"}`}
	}))
	return c, m
}

// withoutServerVersion undoes the version newMock gives V0 clients.
func withoutServerVersion() Option {
	return func(o *options) error {
		o.version = 0
		return nil
	}
}

// TestServerVersionDecidesTheV0Encoding checks what differs between
// TheHive 3 and 4 inside the V0 API, with the version asked once from
// /api/status: the assignee of a new case (owner on TheHive 3, user on
// TheHive 4: dto/v0/Case.scala), custom field numbers (TheHive 3's number
// type; integer or float on TheHive 4) and string matches in searches.
func TestServerVersionDecidesTheV0Encoding(t *testing.T) {
	ctx := context.Background()
	in := &CaseInput{Title: "t", Description: "d", Assignee: "bob",
		CustomFields: []CustomField{IntegerField("hits", 3), FloatField("score", 0.5), {Name: "n", Type: CustomNumber, Value: int64(7)}}}
	tests := []struct {
		version    string
		wantCreate string
		wantSearch string
	}{
		{version: "3.5.2-1",
			wantCreate: `{"title":"t","description":"d","owner":"bob","customFields":{"hits":{"number":3,"order":0},
			"score":{"number":0.5,"order":1},"n":{"number":7,"order":2}}}`,
			wantSearch: `{"query":{"_wildcard":{"_field":"title","_value":"a\\*b*"}},"range":"0-100"}`},
		{version: "4.1.24-1",
			wantCreate: `{"title":"t","description":"d","user":"bob","customFields":{"hits":{"integer":3,"order":0},
			"score":{"float":0.5,"order":1},"n":{"integer":7,"order":2}}}`,
			wantSearch: `{"query":{"_startsWith":{"_field":"title","_value":"a*b"}},"range":"0-100"}`},
	}
	for _, tt := range tests {
		t.Run(tt.version, func(t *testing.T) {
			c, m := statusMock(t, tt.version)
			if _, err := c.Cases.Create(ctx, in); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Cases.List(ctx, &ListOptions{Filter: filter.StartsWith("title", "a*b")}); err != nil {
				t.Fatal(err)
			}
			got := m.Requests()
			if len(got) != 3 || got[0].Path != "/api/status" || got[1].Path != "/api/case" || got[2].Path != "/api/case/_search" {
				t.Fatalf("sent %v, want the status once, then the create and the search", paths(got))
			}
			testkit.JSONEqual(t, got[1].Body, tt.wantCreate)
			testkit.JSONEqual(t, got[2].Body, tt.wantSearch)
		})
	}
}

// TestServerVersionOption checks that WithServerVersion spares the
// question, and refuses versions the dialect cannot be.
func TestServerVersionOption(t *testing.T) {
	c, m := statusMock(t, "3.5.2", WithServerVersion(4))
	if _, err := c.Cases.Create(context.Background(), &CaseInput{Title: "t", Description: "d", Assignee: "amy"}); err != nil {
		t.Fatal(err)
	}
	if got := m.Requests(); len(got) != 1 || !strings.Contains(got[0].Body, `"user":"amy"`) {
		t.Fatalf("sent %v: want only the create, with user", paths(got))
	}
	for _, tt := range []struct {
		opts []Option
		want string
	}{
		{opts: []Option{WithServerVersion(3)}, want: "TheHive 3 has no V1 API"},
		{opts: []Option{WithDialect(V0), WithServerVersion(6)}, want: "must be 3, 4 or 5"},
		{opts: []Option{WithDialect(V0), WithServerVersion(2)}, want: "must be 3, 4 or 5"},
	} {
		_, err := NewClient(testBase, tt.opts...)
		if !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewClient: %v, want an input error saying %q", err, tt.want)
		}
	}
}

// TestServerVersionProbe checks the question itself: asked once however
// many calls run at once, asked again after a failure, and an answer
// without a version is an *incidentkit.BodyError.
func TestServerVersionProbe(t *testing.T) {
	ctx := context.Background()
	c, m := statusMock(t, "4.1.24-1")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.Cases.Count(ctx, filter.Eq("status", "Open")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := countPath(m.Requests(), "/api/status"); n != 1 {
		t.Errorf("asked the version %d times, want once", n)
	}

	c, m = statusMock(t, "")
	_, err := c.Cases.Count(ctx, filter.Filter{})
	var be *incidentkit.BodyError
	if !errors.As(err, &be) || !strings.Contains(err.Error(), "WithServerVersion") {
		t.Fatalf("no version: %v, want a *BodyError that names WithServerVersion", err)
	}
	_, _ = c.Cases.Count(ctx, filter.Filter{})
	if n := countPath(m.Requests(), "/api/status"); n != 2 {
		t.Errorf("asked %d times after a failure, want again (2)", n)
	}
	if n := len(m.Requests()); n != 2 {
		t.Errorf("sent %d requests, want only the two questions: nothing goes out under unknown rules", n)
	}
}

func paths(rs []testkit.Request) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Method + " " + r.Path
	}
	return out
}

func countPath(rs []testkit.Request, p string) int {
	n := 0
	for _, r := range rs {
		if r.Path == p {
			n++
		}
	}
	return n
}
