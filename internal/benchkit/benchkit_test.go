package benchkit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRenderPages(t *testing.T) {
	pages := RenderPages(7, 3, `{"result":[`, `]}`, func(b *bytes.Buffer, i int) { fmt.Fprintf(b, `{"n":%d}`, i) })
	want := []string{`{"result":[{"n":0},{"n":1},{"n":2}]}`, `{"result":[{"n":3},{"n":4},{"n":5}]}`, `{"result":[{"n":6}]}`}
	if len(pages) != len(want) {
		t.Fatalf("got %d pages, want %d", len(pages), len(want))
	}
	for i := range want {
		if string(pages[i]) != want[i] {
			t.Errorf("page %d = %s, want %s", i, pages[i], want[i])
		}
	}
}

func TestListingServerAndBaselineLoop(t *testing.T) {
	const total, size = 25, 10
	pages := RenderPages(total, size, "[", "]", func(b *bytes.Buffer, i int) { fmt.Fprintf(b, `{"n":%d}`, i) })
	srv := ServeListing(t, Listing{
		Pages:    pages,
		PageSize: size,
		Offset:   QueryOffset("skip"),
		Header:   http.Header{"X-Total": {strconv.Itoa(total)}},
	})
	hc := srv.Client()
	var seen []int
	n, err := ListByOffset(func(off int) (int, bool, error) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/items?skip="+strconv.Itoa(off), nil)
		var page []struct{ N int }
		header, err := DecodeJSON(hc, req, &page)
		if err != nil {
			return 0, false, err
		}
		if header.Get("X-Total") != strconv.Itoa(total) || header.Get("Content-Type") != "application/json" {
			t.Errorf("headers: %v", header)
		}
		for _, it := range page {
			seen = append(seen, it.N)
		}
		return len(page), len(page) == size, nil
	})
	if err != nil || n != total || len(seen) != total || seen[total-1] != total-1 {
		t.Fatalf("listed %d items (%v), err %v", n, seen, err)
	}
	if srv.Requests() != 3 || srv.Conns() != 1 {
		t.Errorf("%d requests over %d connections, want 3 over 1", srv.Requests(), srv.Conns())
	}

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/items?skip=1000", nil)
	var past []int
	if _, err := DecodeJSON(hc, req, &past); err != nil || len(past) != 0 {
		t.Errorf("past the end: %v, %v", past, err)
	}
	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/items?skip=5", nil)
	if err := Do(hc, req, nil); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("an offset off a page boundary: %v, want a 400", err)
	}
}

func TestServerLoopReportsConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a benchmark")
	}
	pages := RenderPages(30, 10, "[", "]", func(b *bytes.Buffer, i int) { fmt.Fprintf(b, `{"n":%d}`, i) })
	var requests int64
	r := testing.Benchmark(func(b *testing.B) {
		srv := ServeListing(b, Listing{Pages: pages, PageSize: 10})
		hc := srv.Client()
		srv.Loop(b, func(ctx context.Context) error {
			_, err := ListByOffset(func(off int) (int, bool, error) {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/items?offset="+strconv.Itoa(off), nil)
				var page []struct{ N int }
				_, err := DecodeJSON(hc, req, &page)
				return len(page), len(page) == 10, err
			})
			return err
		})
		requests = srv.Requests()
	})
	if r.N == 0 {
		t.Fatal("the benchmark failed")
	}
	if conns := r.Extra["conns"]; conns != 1 || requests < 4 {
		t.Errorf("conns = %v over %d requests, want 1 over at least 4", conns, requests)
	}
}

// TestDoReusesTheConnection pins why Do drains: a JSON value followed by
// more bytes than the decoder reads leaves the body unread, and closing it
// then costs the connection.
func TestDoReusesTheConnection(t *testing.T) {
	body := append([]byte(`{"ok":true}`), bytes.Repeat([]byte(" "), 64<<10)...)
	const rounds = 5
	newServer := func() *Server {
		return serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write(body)
		}))
	}

	drained := newServer()
	for range rounds {
		req, _ := http.NewRequest(http.MethodGet, drained.URL, nil)
		var v struct{ OK bool }
		if _, err := DecodeJSON(drained.Client(), req, &v); err != nil || !v.OK {
			t.Fatalf("%v %v", v, err)
		}
	}
	if drained.Conns() != 1 {
		t.Errorf("Do opened %d connections for %d requests, want 1", drained.Conns(), rounds)
	}

	careless := newServer()
	for range rounds {
		resp, err := careless.Client().Get(careless.URL)
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ OK bool }
		_ = json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
	}
	if careless.Conns() != rounds {
		t.Errorf("a loop that does not drain opened %d connections, want %d: the control no longer shows the difference", careless.Conns(), rounds)
	}
}

func TestFileServer(t *testing.T) {
	const size = 300_000
	srv := ServeFile(t, File{Size: size, Created: []byte(`{"id":"a1"}`)})
	hc := srv.Client()

	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/upload", Pattern{Size: size}.Reader())
	var created struct{ ID string }
	if _, err := DecodeJSON(hc, req, &created); err != nil || created.ID != "a1" {
		t.Fatalf("raw upload: %v %v", created, err)
	}

	var form bytes.Buffer
	mw := multipart.NewWriter(&form)
	_ = mw.WriteField("table", "incident")
	fw, _ := mw.CreateFormFile("file", "dump.bin")
	_, _ = io.Copy(fw, Pattern{Size: size}.Reader())
	_ = mw.Close()
	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/upload", &form)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if err := Do(hc, req, nil); err != nil {
		t.Fatalf("multipart upload: %v", err)
	}

	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/upload", strings.NewReader("short"))
	if err := Do(hc, req, nil); err == nil {
		t.Error("an upload of the wrong size was accepted")
	}

	req, _ = http.NewRequest(http.MethodGet, srv.URL+"/download", nil)
	var got bytes.Buffer
	err := Do(hc, req, func(resp *http.Response) error {
		_, err := io.Copy(&got, resp.Body)
		return err
	})
	want, _ := io.ReadAll(Pattern{Size: size}.Reader())
	if err != nil || !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("download: %d bytes, err %v", got.Len(), err)
	}
}

func TestPatternReadAt(t *testing.T) {
	p := Pattern{Size: 100}
	buf := make([]byte, 30)
	n, err := p.ReadAt(buf, 80)
	if n != 20 || !errors.Is(err, io.EOF) {
		t.Fatalf("ReadAt near the end: %d, %v", n, err)
	}
	all, _ := io.ReadAll(p.Reader())
	if len(all) != 100 || !bytes.Equal(all[:len(patternBlock)], []byte(patternBlock)) || !bytes.Equal(all[80:100], buf[:20]) {
		t.Fatalf("content: %q", all)
	}
}

const bigSide = 64 << 20

// testSides are the workloads of the peak-memory tests below.
var testSides = Sides{
	"big": func(string) (func(context.Context) error, error) {
		return func(context.Context) error {
			b := make([]byte, bigSide)
			for i := 0; i < len(b); i += 4096 {
				b[i] = 1
			}
			time.Sleep(20 * SampleEvery)
			runtime.KeepAlive(b)
			return nil
		}, nil
	},
	"small": func(string) (func(context.Context) error, error) {
		return func(context.Context) error {
			time.Sleep(20 * SampleEvery)
			return nil
		}, nil
	},
	"url": func(url string) (func(context.Context) error, error) {
		return func(context.Context) error {
			if url != "http://127.0.0.1:1/x" {
				return fmt.Errorf("child got URL %q", url)
			}
			return nil
		}, nil
	},
}

func TestPeakMemoryChild(t *testing.T) { testSides.Child(t) }

func TestMeasurePeakRunsEachSideAfresh(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	big, err := MeasurePeak("big", "")
	if err != nil {
		t.Fatal(err)
	}
	small, err := MeasurePeak("small", "")
	if err != nil {
		t.Fatal(err)
	}
	if big < bigSide {
		t.Errorf("big side peaked at %d MiB, below the %d MiB it held", big>>20, bigSide>>20)
	}
	if small >= bigSide/2 {
		t.Errorf("small side peaked at %d MiB after the big one: it inherited the big side's memory", small>>20)
	}
	if _, err := MeasurePeak("url", "http://127.0.0.1:1/x"); err != nil {
		t.Errorf("the child did not get the server URL: %v", err)
	}
	if _, err := MeasurePeak("missing", ""); err == nil || !strings.Contains(err.Error(), `no side "missing"`) {
		t.Errorf("an unknown side: %v", err)
	}
}

// BenchmarkSides shows the intended use: each side timed in process, its
// peak memory measured in a fresh one.
func BenchmarkSides(b *testing.B) {
	b.Run("big", func(b *testing.B) { testSides.Run(b, "big", "") })
	b.Run("small", func(b *testing.B) { testSides.Run(b, "small", "") })
}
