package testkit

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestMockRecordsAndAnswersInTurn(t *testing.T) {
	m := New()
	m.On("POST", "https://x.test/a",
		Answer{Status: 503, Header: Headers("Retry-After", "1")},
		Answer{Status: 201, Body: `{"id":"1"}`})
	c := m.HTTPClient()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.Post("https://x.test/a?q=1", "application/json", strings.NewReader(` {"a":1} `))
			if err != nil {
				t.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}()
	}
	wg.Wait()
	reqs := m.Requests()
	if len(reqs) != 8 {
		t.Fatalf("recorded %d requests, want 8", len(reqs))
	}
	if r := m.Last(t); r.Body != `{"a":1}` || r.Query.Get("q") != "1" || r.Method != http.MethodPost {
		t.Errorf("last = %+v", r)
	}
	JSONEqual(t, reqs[0].Body, `{ "a" : 1 }`)
	m.Reset()
	if len(m.Requests()) != 0 {
		t.Error("Reset kept requests")
	}
}
