package transport

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestOneLogRecordPerAttempt(t *testing.T) {
	c, mock, sink := newMockClient(t)
	mock.RegisterResponder("GET", mockURL, sequence([]int{503, 200}, ""))
	if _, err := c.Do(context.Background(), &Request{Path: "/api/thing", Query: map[string][]string{"token": {"abc"}, "sysparm_limit": {"5"}}}, nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(sink.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d records, want 2:\n%s", len(lines), sink)
	}
	wantURL := "url=" + `"https://api.example.test/base/api/thing?sysparm_limit=5&token=REDACTED"`
	for i, want := range []string{"level=WARN", "level=DEBUG"} {
		l := lines[i]
		for _, part := range []string{want, "service=testapi", "method=GET", wantURL, "attempt=" + string(rune('1'+i)), "duration="} {
			if !strings.Contains(l, part) {
				t.Errorf("record %d lacks %s: %s", i+1, part, l)
			}
		}
	}
	if !strings.Contains(lines[0], "status=503") || !strings.Contains(lines[1], "status=200") {
		t.Errorf("statuses: %v", lines)
	}
	if strings.Contains(sink.String(), "abc") {
		t.Error("token query value logged")
	}
}

func TestLogRecordForConnectionError(t *testing.T) {
	sink := &logSink{}
	s, _ := NewSettings(WithRetries(0), WithLogger(slog.New(slog.NewJSONHandler(sink, nil))))
	s.BaseURL, s.Service = "http://"+refusedAddr(t), "testapi"
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(context.Background(), &Request{Path: "/x"}, nil); err == nil {
		t.Fatal("expected an error")
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(sink.String()), &rec); err != nil {
		t.Fatalf("want one JSON record: %v\n%s", err, sink)
	}
	if rec["level"] != "WARN" || rec["msg"] != "http request failed" || !strings.Contains(rec["error"].(string), "refused") || rec["attempt"] != 1.0 {
		t.Errorf("record: %v", rec)
	}
	if strings.Contains(rec["error"].(string), "http://") {
		t.Errorf("error attribute repeats the unredacted URL: %v", rec["error"])
	}
}

func TestNilLoggerIsSilent(t *testing.T) {
	mock := httpmock.NewMockTransport()
	mock.RegisterNoResponder(httpmock.NewStringResponder(200, `{}`))
	s, _ := NewSettings(WithLogger(nil), WithHTTPClient(&http.Client{Transport: mock}))
	s.BaseURL = "https://example.org"
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Do(context.Background(), &Request{Path: "/"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentUse(t *testing.T) {
	var seen sync.Map
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The first request for each item is refused with a 503 so
		// retries run concurrently too.
		if _, again := seen.LoadOrStore(r.URL.Path, true); !again && strings.HasSuffix(r.URL.Path, "3") {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"id": r.URL.Path})
	}))
	defer srv.Close()
	c, _ := newClient(t, srv.URL, WithRateLimit(10000, 100))
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				id := fmt.Sprintf("%d-%d", g, i)
				var out struct{ ID string }
				if _, err := c.Do(context.Background(), &Request{Path: "/item/{}", Args: []string{id}}, &out); err != nil {
					errs <- err
					return
				}
				if out.ID != "/item/"+id {
					errs <- errors.New("answer for " + out.ID + " given to " + id)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
