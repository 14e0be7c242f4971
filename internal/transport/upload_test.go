package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// uploadServer records every request body it receives and answers the
// first `fail` requests with 503 + Retry-After (after reading the body, as
// a real server would), then 201.
type uploadServer struct {
	*httptest.Server
	fail int32

	mu      sync.Mutex
	bodies  [][]byte
	types   []string
	lengths []int64
}

func newUploadServer(t *testing.T, fail int32) *uploadServer {
	t.Helper()
	s := &uploadServer{fail: fail}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading the upload: %v", err)
		}
		s.mu.Lock()
		s.bodies = append(s.bodies, body)
		s.types = append(s.types, r.Header.Get("Content-Type"))
		s.lengths = append(s.lengths, r.ContentLength)
		s.mu.Unlock()
		if atomic.AddInt32(&s.fail, -1) >= 0 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"result":{"sys_id":"a1"}}`)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *uploadServer) received() ([][]byte, []string, []int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies, s.types, s.lengths
}

// plainReader hides every method but Read, so the upload cannot rewind.
type plainReader struct{ r io.Reader }

func (p plainReader) Read(b []byte) (int, error) { return p.r.Read(b) }

const evidence = "%PDF-1.7\n" + "evidence of the incident, repeated. "

func TestUploadRetriedFromRewindableSources(t *testing.T) {
	content := []byte(strings.Repeat(evidence, 2000))
	opens := 0
	sources := map[string]Upload{
		"read seeker": {Reader: bytes.NewReader(content)},
		"reader at":   {ReaderAt: bytes.NewReader(content), Size: int64(len(content))},
		"open function": {Open: func() (io.ReadCloser, error) {
			opens++
			return io.NopCloser(bytes.NewReader(content)), nil
		}},
	}
	for name, up := range sources {
		t.Run(name, func(t *testing.T) {
			srv := newUploadServer(t, 1)
			c, _ := newClient(t, srv.URL)
			up.FileName = "report.pdf"
			resp, err := c.Do(context.Background(), &Request{
				Method: http.MethodPost, Path: "/upload", Replay: ReplayUnsafe,
				Body: MultipartBody([]FormField{{Name: "table_name", Value: "incident"}, {Name: "table_sys_id", Value: "a1"}}, "uploadFile", up),
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if resp.Attempts != 2 {
				t.Errorf("attempts = %d, want 2 (503 + Retry-After, then 201)", resp.Attempts)
			}
			bodies, types, lengths := srv.received()
			if len(bodies) != 2 {
				t.Fatalf("server saw %d requests", len(bodies))
			}
			if sha256.Sum256(bodies[0]) != sha256.Sum256(bodies[1]) || types[0] != types[1] {
				t.Error("the retry did not send exactly the same bytes (body or boundary differ)")
			}
			if want := int64(len(bodies[0])); lengths[0] != want && name != "open function" {
				t.Errorf("Content-Length = %d, want %d", lengths[0], want)
			}
			checkMultipart(t, types[1], bodies[1], content)
		})
	}
	if opens < 3 { // one sniff, then one per attempt
		t.Errorf("Open called %d times, want a fresh reader per attempt", opens)
	}
}

// checkMultipart parses body and checks the fields come in order and the
// file is the last part, with its own Content-Type and the right bytes.
func checkMultipart(t *testing.T, contentType string, body, content []byte) {
	t.Helper()
	parts := testkit.Multipart(t, contentType, string(body))
	if names := strings.Join(testkit.Names(parts), ","); names != "table_name,table_sys_id,uploadFile" {
		t.Fatalf("parts = %v, want the fields in order and the file last", names)
	}
	file := parts[len(parts)-1]
	if file.FileName != "report.pdf" || file.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("file part: name %q, type %q", file.FileName, file.Header.Get("Content-Type"))
	}
	if file.Data != string(content) {
		t.Error("file part content differs")
	}
}

func TestPlainReaderIsNeverSentTwice(t *testing.T) {
	srv := newUploadServer(t, 1)
	c, _ := newClient(t, srv.URL)
	_, err := c.Do(context.Background(), &Request{
		Method: http.MethodPost, Path: "/upload", Replay: ReplayUnsafe,
		Body: RawBody(Upload{Reader: plainReader{strings.NewReader(strings.Repeat("x", 100000))}, FileName: "dump.bin"}),
	}, nil)
	if !errors.Is(err, incidentkit.ErrServer) {
		t.Fatalf("err = %v, want the 503 as an API error", err)
	}
	if bodies, _, _ := srv.received(); len(bodies) != 1 {
		t.Errorf("server saw %d uploads of a plain reader, want 1", len(bodies))
	}
}

func TestPlainReaderRetriedWhenNothingWasSent(t *testing.T) {
	// The first attempt is sent to a closed port, so not a byte of the
	// reader went out; the send tracker sees the dial fail.
	srv := newUploadServer(t, 0)
	var calls atomic.Int32
	base := http.DefaultTransport.(*http.Transport).Clone()
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if calls.Add(1) == 1 {
			closed := r.Clone(r.Context())
			closed.URL.Host = "127.0.0.1:1"
			return base.RoundTrip(closed)
		}
		return base.RoundTrip(r)
	})}
	c, _ := newClient(t, srv.URL, WithHTTPClient(hc))
	content := strings.Repeat("memory dump ", 1000)
	resp, err := c.Do(context.Background(), &Request{
		Method: http.MethodPost, Path: "/upload", Replay: ReplayUnsafe,
		Body: RawBody(Upload{Reader: plainReader{strings.NewReader(content)}, FileName: "dump.bin"}),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	bodies, types, _ := srv.received()
	if resp.Attempts != 2 || len(bodies) != 1 || string(bodies[0]) != content {
		t.Errorf("attempts %d, uploads %d, content intact %v", resp.Attempts, len(bodies), len(bodies) == 1 && string(bodies[0]) == content)
	}
	if types[0] != "text/plain; charset=utf-8" {
		t.Errorf("sniffed type %q", types[0])
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestUploadContentType(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
	tests := []struct {
		name string
		up   Upload
		want string
	}{
		{name: "sniffed from a seeker", up: Upload{Reader: bytes.NewReader(png)}, want: "image/png"},
		{name: "sniffed from a plain reader", up: Upload{Reader: plainReader{bytes.NewReader(png)}}, want: "image/png"},
		{name: "sniffed from an open function", up: Upload{Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(png)), nil }}, want: "image/png"},
		{name: "given type kept", up: Upload{Reader: bytes.NewReader(png), ContentType: "application/vnd.tcpdump.pcap"}, want: "application/vnd.tcpdump.pcap"},
		{name: "empty content", up: Upload{Reader: strings.NewReader("")}, want: "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newUploadServer(t, 0)
			c, _ := newClient(t, srv.URL)
			tt.up.FileName = "f"
			if _, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/raw", Body: RawBody(tt.up)}, nil); err != nil {
				t.Fatal(err)
			}
			bodies, types, _ := srv.received()
			if types[0] != tt.want {
				t.Errorf("Content-Type = %q, want %q", types[0], tt.want)
			}
			if len(tt.up.FileName) > 0 && tt.name != "empty content" && !bytes.Equal(bodies[0], png) {
				t.Error("content changed by sniffing")
			}
		})
	}
}

func TestMultipartFileNamesQuotedSafely(t *testing.T) {
	tests := []struct{ name, want string }{
		{name: `plain.txt`, want: `plain.txt`},
		{name: `résumé – 東京.pdf`, want: `résumé – 東京.pdf`},
		{name: `say "hi".txt`, want: `say %22hi%22.txt`},
		{name: `x"; name="evil`, want: `x%22; name=%22evil`},
		{name: `back\slash.txt`, want: `back\slash.txt`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newUploadServer(t, 0)
			c, _ := newClient(t, srv.URL)
			_, err := c.Do(context.Background(), &Request{
				Method: http.MethodPost, Path: "/upload",
				Body: MultipartBody(nil, "attachment", Upload{Reader: strings.NewReader("data"), FileName: tt.name, ContentType: "text/plain"}),
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			bodies, types, _ := srv.received()
			parts := testkit.Multipart(t, types[0], string(bodies[0]))
			if len(parts) != 1 {
				t.Fatalf("%d parts, want 1", len(parts))
			}
			p := parts[0]
			_, dp, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
			if err != nil {
				t.Fatalf("Content-Disposition %q does not parse: %v", p.Header.Get("Content-Disposition"), err)
			}
			if dp["name"] != "attachment" || dp["filename"] != tt.want {
				t.Errorf("name %q filename %q, want attachment and %q", dp["name"], dp["filename"], tt.want)
			}
			if p.Data != "data" {
				t.Errorf("content %q", p.Data)
			}
		})
	}
}

func TestUploadProgress(t *testing.T) {
	content := bytes.Repeat([]byte("0123456789"), 50000)
	var mu sync.Mutex
	var calls [][2]int64
	srv := newUploadServer(t, 1)
	c, _ := newClient(t, srv.URL)
	_, err := c.Do(context.Background(), &Request{
		Method: http.MethodPost, Path: "/raw", Replay: ReplayUnsafe,
		Body: RawBody(Upload{Reader: bytes.NewReader(content), FileName: "f", Progress: func(done, total int64) {
			mu.Lock()
			calls = append(calls, [2]int64{done, total})
			mu.Unlock()
		}}),
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	restarts, last := 0, int64(0)
	for _, c := range calls {
		if c[1] != int64(len(content)) {
			t.Fatalf("total = %d, want %d", c[1], len(content))
		}
		if c[0] <= last {
			restarts++
		}
		last = c[0]
	}
	if last != int64(len(content)) || restarts != 1 {
		t.Errorf("progress ended at %d with %d restarts, want %d and one restart for the retry", last, restarts, len(content))
	}
}

func TestUploadInputErrors(t *testing.T) {
	good := func() Upload { return Upload{Reader: strings.NewReader("x"), FileName: "f"} }
	tests := map[string]Body{
		"no source":             RawBody(Upload{FileName: "f"}),
		"two sources":           RawBody(Upload{Reader: strings.NewReader("x"), Open: func() (io.ReadCloser, error) { return nil, nil }}),
		"negative size":         RawBody(Upload{Reader: strings.NewReader("x"), Size: -1}),
		"seeker size mismatch":  RawBody(Upload{Reader: strings.NewReader("xyz"), Size: 9}),
		"empty file name":       MultipartBody(nil, "file", Upload{Reader: strings.NewReader("x"), FileName: " "}),
		"empty file field":      MultipartBody(nil, "", good()),
		"empty form field name": MultipartBody([]FormField{{Name: "", Value: "v"}}, "file", good()),
		"content type injecting a part header": MultipartBody(nil, "file",
			Upload{Reader: strings.NewReader("x"), FileName: "f", ContentType: "text/plain\r\nX-Injected: 1"}),
		"content type injecting a request header": RawBody(Upload{Reader: strings.NewReader("x"), ContentType: "text/plain\nX-Injected: 1"}),
		"content type that is no media type":      RawBody(Upload{Reader: strings.NewReader("x"), ContentType: "not a type"}),
		"file name with CR LF": MultipartBody(nil, "file",
			Upload{Reader: strings.NewReader("x"), FileName: "a.txt\r\nContent-Type: text/html"}),
		"raw file name with LF":      RawBody(Upload{Reader: strings.NewReader("x"), FileName: "a\nb"}),
		"file field name with CR LF": MultipartBody(nil, "file\r\nX: 1", good()),
		"form field name with a NUL": MultipartBody([]FormField{{Name: "a\x00b", Value: "v"}}, "file", good()),
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/upload", Body: body}, nil)
			if !errors.Is(err, incidentkit.ErrInvalidInput) {
				t.Errorf("err = %v, want incidentkit.ErrInvalidInput", err)
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}

// patternReader yields n bytes of a fixed pattern without holding them.
type patternReader struct{ left int64 }

func (p *patternReader) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, io.EOF
	}
	n := min(int64(len(b)), p.left)
	for i := range n {
		b[i] = byte('a' + i%26)
	}
	p.left -= n
	return int(n), nil
}

func TestUploadMemoryDoesNotGrowWithSize(t *testing.T) {
	if testing.Short() {
		t.Skip("moves 256 MiB")
	}
	var got atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		got.Store(n)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(srv.Close)
	c, _ := newClient(t, srv.URL)
	const size = 256 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := c.Do(context.Background(), &Request{
		Method: http.MethodPost, Path: "/upload",
		Body: MultipartBody(nil, "file", Upload{Reader: plainReader{&patternReader{left: size}}, Size: size, FileName: "mem.raw", ContentType: "application/octet-stream"}),
	}, nil)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got.Load() < size {
		t.Fatalf("server received %d bytes", got.Load())
	}
	// Allocation is a deterministic measure: streaming allocates a few
	// fixed buffers, buffering would allocate at least the file's size.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("a %d MiB upload allocated %d MiB", size>>20, alloc>>20)
	}
}
