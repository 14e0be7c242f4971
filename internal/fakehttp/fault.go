package fakehttp

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"

	"github.com/incidentkit/incidentkit/incidentkittest"
)

// Fault is one misbehaviour; the fakes' users build it from its public
// home, incidentkittest.
type Fault = incidentkittest.Fault

type pending struct {
	f    Fault
	left int
}

// Injector applies queued faults to the requests that pass through it.
// It is safe for concurrent use.
type Injector struct {
	mu      sync.Mutex
	queue   []*pending
	applied int
}

// Add queues f for the next n matching requests.
func (in *Injector) Add(n int, f Fault) {
	if n <= 0 {
		return
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	in.queue = append(in.queue, &pending{f: f, left: n})
}

// Clear drops every queued fault.
func (in *Injector) Clear() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.queue = nil
}

// Applied returns how many requests met a fault.
func (in *Injector) Applied() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.applied
}

// next takes the first queued fault that matches r.
func (in *Injector) next(r *http.Request) (Fault, bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for i, p := range in.queue {
		if p.f.Match != nil && !p.f.Match(r) {
			continue
		}
		p.left--
		if p.left == 0 {
			in.queue = append(in.queue[:i], in.queue[i+1:]...)
		}
		in.applied++
		return p.f, true
	}
	return Fault{}, false
}

// Wrap returns h behind the injector. errorBody writes the API's own error
// answer for a status fault.
func (in *Injector) Wrap(h http.Handler, errorBody func(w http.ResponseWriter, status int)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := in.next(r)
		if !ok {
			h.ServeHTTP(w, r)
			return
		}
		if f.Delay > 0 {
			t := time.NewTimer(f.Delay)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		switch {
		case f.Drop:
			hangUp(w)
		case f.Status != 0:
			if f.Handled {
				h.ServeHTTP(httptest.NewRecorder(), r)
			}
			if f.RetryAfter > 0 {
				w.Header().Set("Retry-After", strconv.Itoa(int((f.RetryAfter+time.Second-1)/time.Second)))
			}
			if f.HTML {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(f.Status)
				_, _ = io.WriteString(w, "<html><head><title>"+strconv.Itoa(f.Status)+" "+http.StatusText(f.Status)+
					"</title></head><body><h1>"+http.StatusText(f.Status)+"</h1><hr>nginx</body></html>")
				break
			}
			errorBody(w, f.Status)
		case f.Truncate:
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			body := rec.Body.Bytes()
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(rec.Code)
			_, _ = w.Write(bytes.Clone(body[:len(body)/2]))
			if fl, ok := w.(http.Flusher); ok {
				fl.Flush()
			}
			hangUp(w)
		default:
			h.ServeHTTP(w, r)
		}
	})
}

// hangUp closes the connection under w without a (further) answer.
func hangUp(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}
