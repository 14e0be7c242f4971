package testkit

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
)

// Request is one request the mock received.
type Request struct {
	Method string
	// Path is the unescaped path; RawPath keeps the escapes as sent.
	Path    string
	RawPath string
	// RawQuery is the query string as sent; Query is it parsed.
	RawQuery string
	Query    url.Values
	Header   http.Header
	// Body is the request body with surrounding white space trimmed.
	Body string
}

// Answer is a canned response.
type Answer struct {
	// Status defaults to 200.
	Status int
	// Body is sent as is; a non-empty body gets Content-Type
	// application/json unless Header sets another.
	Body string
	// Header holds extra response headers.
	Header http.Header
}

// Mock is a per-test httpmock transport that records every request.
type Mock struct {
	*httpmock.MockTransport
	mu   sync.Mutex
	reqs []Request
}

// New returns an empty Mock; register answers with On or the embedded
// transport's RegisterResponder.
func New() *Mock { return &Mock{MockTransport: httpmock.NewMockTransport()} }

// HTTPClient returns an *http.Client that sends through the mock.
func (m *Mock) HTTPClient() *http.Client { return &http.Client{Transport: m} }

// On answers method and URL (an httpmock pattern such as
// "GET =~^https://x/api/now/table/incident") with the answers in turn; the
// last one repeats.
func (m *Mock) On(method, urlPattern string, answers ...Answer) {
	if len(answers) == 0 {
		answers = []Answer{{}}
	}
	var mu sync.Mutex
	n := 0
	m.RegisterResponder(method, urlPattern, m.Record(func(*http.Request) Answer {
		mu.Lock()
		defer mu.Unlock()
		a := answers[min(n, len(answers)-1)]
		n++
		return a
	}))
}

// Record returns a responder that records the request and answers with
// what answer returns; answer may read the request's body again.
func (m *Mock) Record(answer func(*http.Request) Answer) httpmock.Responder {
	return func(r *http.Request) (*http.Response, error) {
		var b []byte
		if r.Body != nil {
			b, _ = io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(b)) // answer may read it too
		}
		m.mu.Lock()
		m.reqs = append(m.reqs, Request{
			Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(),
			RawQuery: r.URL.RawQuery, Query: r.URL.Query(), Header: r.Header.Clone(),
			Body: string(bytes.TrimSpace(b)),
		})
		m.mu.Unlock()
		a := answer(r)
		status := a.Status
		if status == 0 {
			status = http.StatusOK
		}
		resp := httpmock.NewStringResponse(status, a.Body)
		if a.Body != "" {
			resp.Header.Set("Content-Type", "application/json")
		}
		for k, vs := range a.Header {
			resp.Header.Del(k)
			for _, v := range vs {
				resp.Header.Add(k, v)
			}
		}
		resp.Request = r
		return resp, nil
	}
}

// Requests returns a copy of what was received, oldest first.
func (m *Mock) Requests() []Request {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Request(nil), m.reqs...)
}

// Last returns the newest request, failing the test when there is none.
func (m *Mock) Last(t testing.TB) Request {
	t.Helper()
	reqs := m.Requests()
	if len(reqs) == 0 {
		t.Fatal("no request was sent")
	}
	return reqs[len(reqs)-1]
}

// Reset forgets the recorded requests.
func (m *Mock) Reset() {
	m.mu.Lock()
	m.reqs = nil
	m.mu.Unlock()
}

// Headers builds an http.Header from name, value pairs.
func Headers(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

// JSONEqual fails unless got and want hold the same JSON value; an empty
// want means no body.
func JSONEqual(t testing.TB, got, want string) {
	t.Helper()
	if want == "" {
		if got != "" {
			t.Errorf("body = %s, want none", got)
		}
		return
	}
	var g, w any
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
