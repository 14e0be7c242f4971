package fakehttp

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/incidentkit/incidentkit/incidentkittest"
)

// Request is one request a fake received; its public home is
// incidentkittest.
type Request = incidentkittest.Request

// Recorder keeps the requests that pass through it. It is safe for
// concurrent use.
type Recorder struct {
	mu   sync.Mutex
	reqs []Request
	// MaxBody caps the bytes kept of each body (uploads can be large);
	// zero keeps 1 MiB.
	MaxBody int
}

// Wrap returns h behind the recorder. The body is read up to MaxBody for
// the record and handed to h unchanged.
func (rc *Recorder) Wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := rc.MaxBody
		if limit <= 0 {
			limit = 1 << 20
		}
		var head []byte
		if r.Body != nil {
			head, _ = io.ReadAll(io.LimitReader(r.Body, int64(limit)))
			r.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(head), r.Body), r.Body}
		}
		rc.mu.Lock()
		rc.reqs = append(rc.reqs, Request{Method: r.Method, Path: r.URL.Path, RawPath: r.URL.EscapedPath(),
			Query: r.URL.Query(), Header: r.Header.Clone(), Body: bytes.Clone(head)})
		rc.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// Requests returns a copy of what was received, oldest first.
func (rc *Recorder) Requests() []Request {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]Request(nil), rc.reqs...)
}

// Count returns how many requests had the method and a path starting with
// prefix ("" matches any method).
func (rc *Recorder) Count(method, prefix string) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for _, r := range rc.reqs {
		if (method == "" || r.Method == method) && strings.HasPrefix(r.Path, prefix) {
			n++
		}
	}
	return n
}

// Reset forgets every recorded request.
func (rc *Recorder) Reset() {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.reqs = nil
}
