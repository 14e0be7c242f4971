package servicenow

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"
)

const benchFileSize = 1 << 30 // 1 GiB

// patternBlock is repeated to make the benchmark file's content.
const patternBlock = "incidentkit evidence 0123456789abcdefghijklmnopqrstuvwxyz\n"

// pattern is an allocation-free source of benchFileSize bytes.
type pattern struct{}

func (pattern) ReadAt(p []byte, off int64) (int, error) {
	if off >= benchFileSize {
		return 0, io.EOF
	}
	n := len(p)
	if rest := benchFileSize - off; int64(n) > rest {
		n = int(rest)
	}
	for i := 0; i < n; {
		i += copy(p[i:n], patternBlock[(off+int64(i))%int64(len(patternBlock)):])
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// peakMemory samples the runtime's total mapped memory while a benchmark
// runs and reports the highest value seen, in MiB.
func peakMemory(b *testing.B) (stop func()) {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(samples)
			peak = max(peak, samples[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	}
}

func benchFileServer(b *testing.B) *httptest.Server {
	b.Helper()
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			n, err := io.Copy(io.Discard, r.Body)
			if err != nil || n != benchFileSize {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, attachmentJSON)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Length", strconv.Itoa(benchFileSize))
		_, _ = io.Copy(w, io.NewSectionReader(pattern{}, 0, benchFileSize))
	}))
}

// BenchmarkAttachmentUpload sends 1 GiB through Attachments.Upload and,
// as the baseline, through a bare net/http POST of the same bytes.
func BenchmarkAttachmentUpload(b *testing.B) {
	srv := benchFileServer(b)
	defer srv.Close()
	b.Run("baseline", func(b *testing.B) {
		hc := srv.Client()
		b.SetBytes(benchFileSize)
		stop := peakMemory(b)
		for b.Loop() {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/now/attachment/file?table_name=incident&table_sys_id=abc&file_name=dump.bin",
				io.NewSectionReader(pattern{}, 0, benchFileSize))
			req.ContentLength = benchFileSize
			req.Header.Set("Content-Type", "application/octet-stream")
			req.SetBasicAuth("admin", "secret")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusCreated {
				b.Fatal(resp.Status)
			}
		}
		stop()
	})
	b.Run("servicenow", func(b *testing.B) {
		c, err := NewClient(srv.URL, WithBasicAuth("admin", "secret"), WithHTTPClient(srv.Client()))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(benchFileSize)
		stop := peakMemory(b)
		for b.Loop() {
			_, err := c.Attachments.Upload(context.Background(), "incident", "abc", Upload{
				ReaderAt: pattern{}, Size: benchFileSize, FileName: "dump.bin", ContentType: "application/octet-stream"})
			if err != nil {
				b.Fatal(err)
			}
		}
		stop()
	})
}

// BenchmarkAttachmentDownload streams 1 GiB through Attachments.Download
// and, as the baseline, through a bare GET copied with io.Copy.
func BenchmarkAttachmentDownload(b *testing.B) {
	srv := benchFileServer(b)
	defer srv.Close()
	b.Run("baseline", func(b *testing.B) {
		hc := srv.Client()
		b.SetBytes(benchFileSize)
		stop := peakMemory(b)
		for b.Loop() {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/now/attachment/att1/file", nil)
			req.SetBasicAuth("admin", "secret")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			n, err := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || n != benchFileSize {
				b.Fatal(n, err)
			}
		}
		stop()
	})
	b.Run("servicenow", func(b *testing.B) {
		c, err := NewClient(srv.URL, WithBasicAuth("admin", "secret"), WithHTTPClient(srv.Client()))
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(benchFileSize)
		stop := peakMemory(b)
		for b.Loop() {
			a, err := c.Attachments.Download(context.Background(), "att1", io.Discard, nil)
			if err != nil || a.SizeBytes != benchFileSize {
				b.Fatal(a, err)
			}
		}
		stop()
	})
}
