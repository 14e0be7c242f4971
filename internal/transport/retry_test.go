package transport

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"

	"github.com/jarcoal/httpmock"
)

const mockURL = "https://api.example.test/base/api/thing"

// sequence answers with the given statuses in turn (the last one repeats),
// adding Retry-After where retryAfter is not empty.
func sequence(statuses []int, retryAfter string) httpmock.Responder {
	n := 0
	return func(*http.Request) (*http.Response, error) {
		code := statuses[min(n, len(statuses)-1)]
		n++
		resp := httpmock.NewStringResponse(code, `{"n":`+strconv.Itoa(n)+`}`)
		resp.Header.Set("Content-Type", "application/json")
		if retryAfter != "" && (code == 429 || code == 503) {
			resp.Header.Set("Retry-After", retryAfter)
		}
		return resp, nil
	}
}

func TestRetryPolicyByStatus(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		replay     Replay
		statuses   []int
		retryAfter string
		wantCalls  int
		wantStatus int // 0 means success expected
	}{
		{name: "POST 500 is sent once", method: "POST", replay: ReplayByMethod, statuses: []int{500, 201}, retryAfter: "", wantCalls: 1, wantStatus: 500},
		{name: "POST 502 is sent once", method: "POST", replay: ReplayByMethod, statuses: []int{502, 201}, retryAfter: "", wantCalls: 1, wantStatus: 502},
		{name: "POST 503 without Retry-After is sent once", method: "POST", replay: ReplayByMethod, statuses: []int{503, 201}, retryAfter: "", wantCalls: 1, wantStatus: 503},
		{name: "POST 504 is sent once", method: "POST", replay: ReplayByMethod, statuses: []int{504, 201}, retryAfter: "", wantCalls: 1, wantStatus: 504},
		{name: "POST 503 with Retry-After is retried", method: "POST", replay: ReplayByMethod, statuses: []int{503, 201}, retryAfter: "0", wantCalls: 2, wantStatus: 0},
		{name: "POST 429 is retried", method: "POST", replay: ReplayByMethod, statuses: []int{429, 201}, retryAfter: "", wantCalls: 2, wantStatus: 0},
		{name: "PATCH defaults to unsafe", method: "PATCH", replay: ReplayByMethod, statuses: []int{502, 200}, retryAfter: "", wantCalls: 1, wantStatus: 502},
		{name: "PATCH marked safe is retried", method: "PATCH", replay: ReplaySafe, statuses: []int{502, 200}, retryAfter: "", wantCalls: 2, wantStatus: 0},
		{name: "POST marked safe (a search) is retried", method: "POST", replay: ReplaySafe, statuses: []int{503, 504, 200}, retryAfter: "", wantCalls: 3, wantStatus: 0},
		{name: "PUT marked unsafe is not retried", method: "PUT", replay: ReplayUnsafe, statuses: []int{503, 200}, retryAfter: "", wantCalls: 1, wantStatus: 503},
		{name: "GET 503 503 200 succeeds on attempt three", method: "GET", replay: ReplayByMethod, statuses: []int{503, 503, 200}, retryAfter: "", wantCalls: 3, wantStatus: 0},
		{name: "GET 502 and 504 are retried", method: "GET", replay: ReplayByMethod, statuses: []int{502, 504, 200}, retryAfter: "", wantCalls: 3, wantStatus: 0},
		{name: "GET 500 is not retried", method: "GET", replay: ReplayByMethod, statuses: []int{500, 200}, retryAfter: "", wantCalls: 1, wantStatus: 500},
		{name: "GET 404 is not retried", method: "GET", replay: ReplayByMethod, statuses: []int{404, 200}, retryAfter: "", wantCalls: 1, wantStatus: 404},
		{name: "DELETE 503 is retried", method: "DELETE", replay: ReplayByMethod, statuses: []int{503, 204}, retryAfter: "", wantCalls: 2, wantStatus: 0},
		{name: "retries run out on the last answer", method: "GET", replay: ReplayByMethod, statuses: []int{503}, retryAfter: "", wantCalls: 5, wantStatus: 503},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			mock.RegisterResponder(tt.method, mockURL, sequence(tt.statuses, tt.retryAfter))
			resp, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/api/thing", JSON: body(tt.method), Replay: tt.replay}, nil)
			if got := mock.GetTotalCallCount(); got != tt.wantCalls {
				t.Errorf("sent %d times, want %d", got, tt.wantCalls)
			}
			noSecret(t, err)
			if tt.wantStatus == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if resp.Attempts != tt.wantCalls {
					t.Errorf("Attempts = %d, want %d", resp.Attempts, tt.wantCalls)
				}
				return
			}
			var apiErr *Error
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.wantStatus {
				t.Fatalf("got %v, want *Error with status %d", err, tt.wantStatus)
			}
		})
	}
}

func body(method string) any {
	if method == "POST" || method == "PATCH" || method == "PUT" {
		return map[string]string{"short_description": "x"}
	}
	return nil
}

func TestRetryAfterWait(t *testing.T) {
	tests := []struct {
		name     string
		method   string
		statuses []int
		maxWait  time.Duration
		wantMin  time.Duration // shortest acceptable gap between the two attempts
		wantMax  time.Duration // longest; 0 = no bound
	}{
		// Retry-After: 1 is honoured but clamped to the 50 ms maximum wait.
		{name: "POST 429 waits the clamped maximum", method: "POST", statuses: []int{429, 201}, maxWait: 50 * time.Millisecond, wantMin: 45 * time.Millisecond, wantMax: 900 * time.Millisecond},
		{name: "GET 503 waits the server's 1s under the maximum", method: "GET", statuses: []int{503, 200}, maxWait: 5 * time.Second, wantMin: 950 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t, WithRetryWait(time.Millisecond, tt.maxWait))
			var sent []time.Time
			seq := sequence(tt.statuses, "1")
			mock.RegisterResponder(tt.method, mockURL, func(r *http.Request) (*http.Response, error) {
				sent = append(sent, time.Now())
				return seq(r)
			})
			_, err := c.Do(context.Background(), &Request{Method: tt.method, Path: "/api/thing", JSON: body(tt.method)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(sent) != 2 {
				t.Fatalf("sent %d times, want 2", len(sent))
			}
			if gap := sent[1].Sub(sent[0]); gap < tt.wantMin || (tt.wantMax > 0 && gap > tt.wantMax) {
				t.Errorf("waited %s between attempts, want %s to %s", gap, tt.wantMin, tt.wantMax)
			}
		})
	}
}

func TestRetryAfterPastDeadlineReturnsAtOnce(t *testing.T) {
	c, mock, _ := newMockClient(t, WithRetryWait(time.Millisecond, time.Minute))
	mock.RegisterResponder("GET", mockURL, sequence([]int{429, 200}, "30"))
	start := time.Now()
	_, err := c.Do(ctxTimeout(t, 2*time.Second), &Request{Path: "/api/thing"}, nil)
	if !errors.Is(err, incidentkit.ErrRateLimited) {
		t.Fatalf("got %v, want incidentkit.ErrRateLimited", err)
	}
	var apiErr *Error
	if errors.As(err, &apiErr) && apiErr.RetryAfter != 30*time.Second {
		t.Errorf("RetryAfter = %s, want 30s", apiErr.RetryAfter)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %s; a wait past the deadline should not be started", d)
	}
	if n := mock.GetTotalCallCount(); n != 1 {
		t.Errorf("sent %d times, want 1", n)
	}
}

func TestWithoutRetriesSendsOnce(t *testing.T) {
	c, mock, _ := newMockClient(t, WithoutRetries())
	mock.RegisterResponder("GET", mockURL, sequence([]int{503, 200}, "0"))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	if !errors.Is(err, incidentkit.ErrServer) || mock.GetTotalCallCount() != 1 {
		t.Fatalf("got %v after %d calls, want one 503", err, mock.GetTotalCallCount())
	}
}

func TestRetriesLimit(t *testing.T) {
	c, mock, _ := newMockClient(t, WithRetries(2))
	mock.RegisterResponder("GET", mockURL, sequence([]int{502}, ""))
	_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
	if !errors.Is(err, incidentkit.ErrServer) || mock.GetTotalCallCount() != 3 {
		t.Fatalf("got %v after %d calls, want a 502 after 3", err, mock.GetTotalCallCount())
	}
}

func TestConnectionErrorBeforeSendRetriedForPost(t *testing.T) {
	// A failed dial proves that nothing went out, even through a transport
	// the send tracker cannot observe (httpmock reports no trace events):
	// even a create may be sent again.
	c, mock, _ := newMockClient(t)
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	mock.RegisterResponder("POST", mockURL, httpmock.NewErrorResponder(refused).
		Then(httpmock.NewStringResponder(201, `{}`)))
	if _, err := c.Do(context.Background(), &Request{Method: "POST", Path: "/api/thing", JSON: body("POST")}, nil); err != nil {
		t.Fatal(err)
	}
	if n := mock.GetTotalCallCount(); n != 2 {
		t.Fatalf("sent %d times, want 2", n)
	}
}

func TestRetriedReadDoesNotMerge(t *testing.T) {
	// The first answer is cut short after "a"; the second lacks "a". The
	// result must be the second answer alone, nothing of the first.
	c, mock, _ := newMockClient(t)
	mock.RegisterResponder("GET", mockURL, httpmock.NewStringResponder(200, `{"a":"stale","b":`).
		Then(httpmock.NewStringResponder(200, `{"b":"fresh"}`)))
	var out map[string]string
	if _, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out["b"] != "fresh" || mock.GetTotalCallCount() != 2 {
		t.Fatalf("got %v after %d requests, want only b=fresh after 2", out, mock.GetTotalCallCount())
	}
}

func TestBackoffGrowsAndStaysInRange(t *testing.T) {
	minW, maxW := 100*time.Millisecond, time.Second
	for attempt := 1; attempt <= 8; attempt++ {
		want := minW << (attempt - 1)
		if want > maxW {
			want = maxW
		}
		for range 50 {
			d := backoff(minW, maxW, attempt)
			if d < want/2 || d > want {
				t.Fatalf("attempt %d: %s outside [%s, %s]", attempt, d, want/2, want)
			}
		}
	}
}

// answer is a bare response with a status and an optional Retry-After.
func answer(status int, retryAfter string) *http.Response {
	h := http.Header{}
	if retryAfter != "" {
		h.Set("Retry-After", retryAfter)
	}
	return &http.Response{StatusCode: status, Header: h}
}

//nolint:bodyclose // the answers are synthetic: they have no body to close.
func TestDecide(t *testing.T) {
	p := retryPolicy{minWait: 100 * time.Millisecond, maxWait: 10 * time.Second}
	refused := errors.New("dial tcp: connection refused")
	cut := &BodyError{Err: io.ErrUnexpectedEOF}
	tests := []struct {
		name      string
		in        outcome
		wantRetry bool
		wantWait  time.Duration // checked when wantRetry
	}{
		{name: "unsafe 500", in: outcome{attempt: 1, replayable: true, resp: answer(500, ""), sent: true}},
		{name: "unsafe 502", in: outcome{attempt: 1, replayable: true, resp: answer(502, ""), sent: true}},
		{name: "unsafe 503 without Retry-After", in: outcome{attempt: 1, replayable: true, resp: answer(503, ""), sent: true}},
		{name: "unsafe 503 with Retry-After", in: outcome{attempt: 1, replayable: true, resp: answer(503, "2"), sent: true}, wantRetry: true, wantWait: 2 * time.Second},
		{name: "unsafe 429", in: outcome{attempt: 1, replayable: true, resp: answer(429, ""), sent: true}, wantRetry: true, wantWait: 100 * time.Millisecond},
		{name: "safe 503", in: outcome{attempt: 2, safe: true, replayable: true, resp: answer(503, ""), sent: true}, wantRetry: true, wantWait: 200 * time.Millisecond},
		{name: "safe 500", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(500, ""), sent: true}},
		{name: "safe 404", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(404, ""), sent: true}},
		{name: "Retry-After clamped", in: outcome{attempt: 1, replayable: true, resp: answer(429, "3600"), sent: true}, wantRetry: true, wantWait: 10 * time.Second},
		{name: "unsafe refused before sending", in: outcome{attempt: 1, replayable: true, err: refused, sent: false}, wantRetry: true, wantWait: 100 * time.Millisecond},
		{name: "unsafe failed after sending", in: outcome{attempt: 1, replayable: true, err: refused, sent: true}},
		{name: "safe failed after sending", in: outcome{attempt: 1, safe: true, replayable: true, err: refused, sent: true}, wantRetry: true, wantWait: 100 * time.Millisecond},
		{name: "body not replayable", in: outcome{attempt: 1, replayable: false, resp: answer(429, ""), sent: true}},
		{name: "answer read into an error", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(503, ""), err: &Error{StatusCode: 503}, sent: true}},
		{name: "safe body cut short", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(200, ""), err: cut, sent: true}, wantRetry: true, wantWait: 100 * time.Millisecond},
		{name: "download cut short", in: outcome{attempt: 1, safe: true, replayable: true, download: true, resp: answer(200, ""), err: cut, sent: true}},
		{name: "unsafe body cut short", in: outcome{attempt: 1, replayable: true, resp: answer(200, ""), err: cut, sent: true}},
		{name: "body too large", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(200, ""), err: &BodyError{Err: incidentkit.ErrResponseTooLarge}, sent: true}},
		{name: "limiter", in: outcome{attempt: 1, safe: true, replayable: true, err: &LimitError{Err: refused}}},
		{name: "authentication", in: outcome{attempt: 1, safe: true, replayable: true, err: &authError{err: refused}}},
		{name: "context", in: outcome{attempt: 1, safe: true, replayable: true, err: context.Canceled}},
		{name: "pause past the deadline", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(429, "30"), sent: true, deadline: time.Now().Add(time.Second)}},
		{name: "pause within the deadline", in: outcome{attempt: 1, safe: true, replayable: true, resp: answer(429, "1"), sent: true, deadline: time.Now().Add(time.Minute)}, wantRetry: true, wantWait: time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			retry, wait := p.decide(tt.in)
			if retry != tt.wantRetry {
				t.Fatalf("retry = %v, want %v", retry, tt.wantRetry)
			}
			if retry && wait != tt.wantWait {
				t.Errorf("wait = %s, want %s", wait, tt.wantWait)
			}
			if retry {
				for range 20 {
					if d := p.pause(tt.in.attempt, tt.in.resp); d > wait {
						t.Fatalf("pause %s is longer than the %s decide allowed", d, wait)
					}
				}
			}
		})
	}
}

func TestErrorsCountAttempts(t *testing.T) {
	t.Run("answer", func(t *testing.T) {
		c, mock, _ := newMockClient(t, WithRetries(2))
		mock.RegisterResponder("GET", mockURL, sequence([]int{503}, ""))
		_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.Attempts != 3 {
			t.Fatalf("got %#v, want an *Error after 3 attempts", err)
		}
	})
	t.Run("no answer", func(t *testing.T) {
		c, mock, _ := newMockClient(t, WithRetries(1))
		mock.RegisterResponder("GET", mockURL, httpmock.NewErrorResponder(errors.New("connection reset by peer")))
		_, err := c.Do(context.Background(), &Request{Path: "/api/thing"}, nil)
		var reqErr *RequestError
		if !errors.As(err, &reqErr) || reqErr.Attempts != 2 {
			t.Fatalf("got %#v, want a *RequestError after 2 attempts", err)
		}
	})
}
