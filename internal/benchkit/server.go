package benchkit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Server is a loopback test server that counts what it serves.
type Server struct {
	*httptest.Server
	requests atomic.Int64
	conns    atomic.Int64
}

// Requests returns how many requests the server has received.
func (s *Server) Requests() int64 { return s.requests.Load() }

// Conns returns how many connections clients have opened to the server. A
// loop that drains and closes its bodies opens one; a loop that leaves
// bodies unread opens one per request.
func (s *Server) Conns() int64 { return s.conns.Load() }

// Loop times run in b's loop, failing b on the first error, and then
// reports how many connections clients opened to s as the metric "conns",
// failing b unless that is one: a side that drains and closes its bodies
// keeps one connection however many requests it sends, and a side that
// reconnects for every request would be measuring the dialling. Give each
// side of a comparison a server of its own, so the count is that side's
// alone.
func (s *Server) Loop(b *testing.B, run func(context.Context) error) {
	b.Helper()
	loop(b, run)
	b.ReportMetric(float64(s.Conns()), "conns")
	if s.Conns() != 1 {
		b.Fatalf("benchkit: %d requests over %d connections, want one connection", s.Requests(), s.Conns())
	}
}

// serve starts a Server for h, closed when tb's test ends.
func serve(tb testing.TB, h http.Handler) *Server {
	tb.Helper()
	s := &Server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		h.ServeHTTP(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	tb.Cleanup(s.Close)
	return s
}

// LazyPages is RenderPages run on first call and remembered: a package's
// listing pages are declared once at package level and rendered only when a
// benchmark needs them, so that ordinary test runs (and the peak-memory
// child processes of other sides) do not pay for them.
func LazyPages(total, pageSize int, open, close string, item func(b *bytes.Buffer, i int)) func() [][]byte {
	return sync.OnceValue(func() [][]byte { return RenderPages(total, pageSize, open, close, item) })
}

// RenderPages renders total items into pages of pageSize, each page the
// items joined by commas between open and close (for example `[` and `]`,
// or `{"result":[` and `]}`). item writes the JSON of item i. Render once,
// outside the timed loop, so the server is not what is measured. Each page
// is held at its exact length, so that the pages add no more than their
// size to the heap figures of the benchmark process.
func RenderPages(total, pageSize int, open, close string, item func(b *bytes.Buffer, i int)) [][]byte {
	if pageSize <= 0 {
		panic("benchkit: page size must be positive")
	}
	pages := make([][]byte, 0, (total+pageSize-1)/pageSize)
	var b bytes.Buffer
	for start := 0; start < total; start += pageSize {
		b.Reset()
		b.WriteString(open)
		for i := start; i < min(start+pageSize, total); i++ {
			if i > start {
				b.WriteByte(',')
			}
			item(&b, i)
		}
		b.WriteString(close)
		pages = append(pages, bytes.Clone(b.Bytes()))
	}
	return pages
}

// Listing is a canned listing served by offset.
type Listing struct {
	// Pages are the page bodies in order: page p starts at item
	// p·PageSize.
	Pages [][]byte
	// PageSize is the number of items a page holds.
	PageSize int
	// Offset returns the index of the first item a request asks for,
	// from its query or its body (a search sent as POST); nil means
	// QueryOffset("offset"). A request for an offset that is not a page
	// boundary gets 400.
	Offset func(*http.Request) (int, error)
	// Empty is answered past the last page; nil means "[]".
	Empty []byte
	// Header is added to every answer (a total count, for example).
	// Content-Type is application/json unless Header sets it.
	Header http.Header
}

// QueryOffset reads the offset from the query parameter param; a missing
// parameter means 0.
func QueryOffset(param string) func(*http.Request) (int, error) {
	return func(r *http.Request) (int, error) {
		v := r.URL.Query().Get(param)
		if v == "" {
			return 0, nil
		}
		return strconv.Atoi(v)
	}
}

// ServeListing serves l on a loopback address until tb's test ends.
func ServeListing(tb testing.TB, l Listing) *Server {
	tb.Helper()
	if l.PageSize <= 0 {
		tb.Fatal("benchkit: Listing.PageSize must be positive")
	}
	offset := l.Offset
	if offset == nil {
		offset = QueryOffset("offset")
	}
	empty := l.Empty
	if empty == nil {
		empty = []byte("[]")
	}
	return serve(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		off, err := offset(r)
		if err != nil || off < 0 || off%l.PageSize != 0 {
			http.Error(w, fmt.Sprintf("bad offset %d: %v", off, err), http.StatusBadRequest)
			return
		}
		h := w.Header()
		for k, v := range l.Header {
			h[k] = v
		}
		if h.Get("Content-Type") == "" {
			h.Set("Content-Type", "application/json")
		}
		body := empty
		if p := off / l.PageSize; p < len(l.Pages) {
			body = l.Pages[p]
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	}))
}

// patternBlock is repeated to make a Pattern's content.
const patternBlock = "incidentkit evidence 0123456789abcdefghijklmnopqrstuvwxyz\n"

// Pattern is Size bytes of a fixed text pattern, produced without holding
// them: an allocation-free io.ReaderAt for uploads of any size.
type Pattern struct{ Size int64 }

// ReadAt implements io.ReaderAt.
func (p Pattern) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("benchkit: negative offset %d", off)
	}
	if off >= p.Size {
		return 0, io.EOF
	}
	n := int(min(int64(len(b)), p.Size-off))
	for i := 0; i < n; {
		i += copy(b[i:n], patternBlock[(off+int64(i))%int64(len(patternBlock)):])
	}
	if n < len(b) {
		return n, io.EOF
	}
	return n, nil
}

// Reader returns a reader over the whole pattern.
func (p Pattern) Reader() *io.SectionReader { return io.NewSectionReader(p, 0, p.Size) }

// File is a canned file for upload and download benchmarks.
type File struct {
	// Size is the file's length in bytes.
	Size int64
	// Created is the JSON answered, with 201 Created, to an upload whose
	// content is exactly Size bytes: the raw body, or the file part of a
	// multipart/form-data body. An upload of any other size gets 400.
	Created []byte
	// ContentType is the Content-Type of downloads;
	// application/octet-stream when empty.
	ContentType string
}

// ServeFile serves f on a loopback address until tb's test ends: GET and
// HEAD download Size bytes of [Pattern] with a Content-Length, and any
// other method is an upload, counted as it streams in.
func ServeFile(tb testing.TB, f File) *Server {
	tb.Helper()
	contentType := f.ContentType
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	return serve(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			w.Header().Set("Content-Type", contentType)
			w.Header().Set("Content-Length", strconv.FormatInt(f.Size, 10))
			if r.Method == http.MethodGet {
				_, _ = io.Copy(w, Pattern{Size: f.Size}.Reader())
			}
			return
		}
		n, err := uploadSize(r)
		if err != nil || n != f.Size {
			_, _ = io.Copy(io.Discard, r.Body)
			http.Error(w, fmt.Sprintf("upload of %d bytes, want %d (%v)", n, f.Size, err), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write(f.Created)
	}))
}

// uploadSize counts an upload's content: the file parts of a multipart
// body, or the whole body.
func uploadSize(r *http.Request) (int64, error) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.HasPrefix(mt, "multipart/") {
		return io.Copy(io.Discard, r.Body)
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var total int64
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		n, err := io.Copy(io.Discard, part)
		if part.FileName() != "" {
			total += n
		}
		if err != nil {
			return total, err
		}
	}
}
