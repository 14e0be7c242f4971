package servicenow

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
)

const attachmentJSON = `{"result":{"sys_id":"att1","file_name":"mail.eml","content_type":"message/rfc822","size_bytes":"11",
"compressed":"true","size_compressed":"9","table_name":"incident","table_sys_id":"abc","hash":"h1",
"download_link":"https://dev1.service-now.com/api/now/attachment/att1/file","sys_created_on":"2026-11-23 08:00:00"}}`

func TestAttachmentRequestShapes(t *testing.T) {
	ctx := context.Background()
	c, mock := newMock(t)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 201, attachmentJSON))
	a, err := c.Attachments.Upload(ctx, "incident", "abc", Upload{Reader: strings.NewReader("hello world"), FileName: "mail.eml"})
	if err != nil {
		t.Fatal(err)
	}
	if a.SysID != "att1" || a.SizeBytes != 11 || !a.Compressed || a.SizeCompressed != 9 || a.CreatedOn.IsZero() || a.TableSysID != "abc" {
		t.Fatalf("metadata %+v", a)
	}
	g := got[0]
	q, _ := url.ParseQuery(g.query)
	if g.method != "POST" || g.path != "/api/now/attachment/file" || g.body != "hello world" ||
		q.Get("table_name") != "incident" || q.Get("table_sys_id") != "abc" || q.Get("file_name") != "mail.eml" ||
		g.header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("raw upload sent %s %s ?%s %q type %q", g.method, g.path, g.query, g.body, g.header.Get("Content-Type"))
	}

	got = nil
	if _, err := c.Attachments.UploadMultipart(ctx, "incident", "abc",
		Upload{Reader: strings.NewReader("%PDF-1.7 x"), FileName: "r\"e\np\u00f6rt.pdf"}); err != nil {
		t.Fatal(err)
	}
	g = got[0]
	_, params, err := mime.ParseMediaType(g.header.Get("Content-Type"))
	if err != nil || g.path != "/api/now/attachment/upload" {
		t.Fatalf("multipart sent %s %s (%v)", g.path, g.header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(strings.NewReader(g.body+"\r\n"), params["boundary"])
	var names []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		names = append(names, p.FormName())
		if p.FormName() == "uploadFile" {
			if p.Header.Get("Content-Type") != "application/pdf" || string(b) != "%PDF-1.7 x" || strings.ContainsAny(p.FileName(), "\r\n") {
				t.Fatalf("file part %v %q name %q", p.Header, b, p.FileName())
			}
		}
	}
	if strings.Join(names, ",") != "table_name,table_sys_id,uploadFile" {
		t.Fatalf("parts %v, want the file last", names)
	}

	got = nil
	mock.RegisterNoResponder(recorder(&got, 200, `{"result":[{"sys_id":"att1","file_name":"a"},{"sys_id":"att2","file_name":"b"}]}`, "X-Total-Count", "2"))
	var ids []string
	for a, err := range c.Incidents.Attachments(ctx, "abc") {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.SysID)
	}
	q, _ = url.ParseQuery(got[0].query)
	if len(ids) != 2 || got[0].path != "/api/now/attachment" || q.Get("sysparm_query") != "table_name=incident^table_sys_id=abc^ORDERBYsys_id" {
		t.Fatalf("listed %v with %s ?%s", ids, got[0].path, got[0].query)
	}

	got = nil
	mock.RegisterNoResponder(recorder(&got, 204, ""))
	if err := c.Attachments.Delete(ctx, "att1"); err != nil || got[0].method != "DELETE" || got[0].path != "/api/now/attachment/att1" {
		t.Fatalf("delete: %v %+v", err, got)
	}
}

func TestAttachmentDownload(t *testing.T) {
	c, mock := newMock(t)
	var got []seen
	content := strings.Repeat("pcap", 1000)
	mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		got = append(got, seen{method: r.Method, path: r.URL.Path, header: r.Header.Clone()})
		resp := httpmock.NewStringResponse(200, content)
		resp.Header.Set("Content-Type", "application/vnd.tcpdump.pcap")
		resp.Header.Set("X-Attachment-Metadata", `{"sys_id":"att9","file_name":"dump.pcap","size_bytes":"4000","table_name":"incident","table_sys_id":"abc"}`)
		return resp, nil
	})
	var buf bytes.Buffer
	var last int64
	a, err := c.Attachments.Download(context.Background(), "att9", &buf, func(done, total int64) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != content || a.FileName != "dump.pcap" || a.SizeBytes != 4000 || last != 4000 {
		t.Fatalf("downloaded %d bytes, meta %+v, progress %d", buf.Len(), a, last)
	}
	if got[0].path != "/api/now/attachment/att9/file" || got[0].header.Get("Accept") != "*/*" {
		t.Fatalf("request %+v", got[0])
	}
}

func TestAttachmentErrors(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		status int
		body   string
		is     error
	}{
		{400, `{"error":{"message":"Invalid file type","detail":"exe not allowed"},"status":"failure"}`, nil},
		{404, `{"error":{"message":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}`, ErrNotFound},
		{413, `<html><head><title>413 Request Entity Too Large</title></head></html>`, nil},
	} {
		c, mock := newMock(t, WithoutRetries())
		var got []seen
		mock.RegisterNoResponder(recorder(&got, tt.status, tt.body))
		_, err := c.Attachments.Upload(ctx, "incident", "abc", Upload{Reader: strings.NewReader("x"), FileName: "a.txt"})
		var e *Error
		if !errors.As(err, &e) || e.StatusCode != tt.status || (tt.is != nil && !errors.Is(err, tt.is)) || e.Message == "" {
			t.Errorf("%d: %v (%#v)", tt.status, err, e)
		}
	}
	c, mock := newMock(t)
	bad := []func() error{
		func() error {
			_, err := c.Attachments.Upload(ctx, "", "abc", Upload{Reader: strings.NewReader("x"), FileName: "a"})
			return err
		},
		func() error {
			_, err := c.Attachments.Upload(ctx, "incident", "", Upload{Reader: strings.NewReader("x"), FileName: "a"})
			return err
		},
		func() error {
			_, err := c.Attachments.Upload(ctx, "incident", "abc", Upload{Reader: strings.NewReader("x"), FileName: " "})
			return err
		},
		func() error {
			_, err := c.Attachments.Upload(ctx, "incident", "abc", Upload{FileName: "a"})
			return err
		},
		func() error {
			_, err := c.Attachments.UploadMultipart(ctx, "incident", "abc", Upload{Reader: strings.NewReader("x"), FileName: "a", Size: -1})
			return err
		},
		func() error { _, err := c.Attachments.Download(ctx, "att", nil, nil); return err },
		func() error { _, err := c.Attachments.Get(ctx, ""); return err },
		func() error { return c.Attachments.Delete(ctx, " ") },
		func() error {
			_, err := c.Attachments.UploadFile(ctx, "incident", "abc", filepath.Join(t.TempDir(), "missing"), nil)
			return err
		},
	}
	for i, call := range bad {
		if err := call(); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("bad input %d: %v", i, err)
		}
	}
	if n := mock.GetTotalCallCount(); n != 0 {
		t.Fatalf("bad input sent %d requests", n)
	}
}

// TestUploadRetriedWithSameBytes answers the first attempt 503 with
// Retry-After on a real socket; the retry must deliver exactly the bytes
// of the first.
func TestUploadRetriedWithSameBytes(t *testing.T) {
	var mu sync.Mutex
	var sums [][32]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := sha256.New()
		_, _ = io.Copy(h, r.Body)
		mu.Lock()
		sums = append(sums, [32]byte(h.Sum(nil)))
		n := len(sums)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(503)
			_, _ = w.Write([]byte(`{"error":{"message":"busy"},"status":"failure"}`))
			return
		}
		w.WriteHeader(201)
		_, _ = w.Write([]byte(attachmentJSON))
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL, WithBasicAuth("admin", testSecret), WithRetryWait(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "evidence.bin")
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Attachments.UploadFile(context.Background(), "incident", "abc", path, nil); err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(data)
	if len(sums) != 2 || sums[0] != want || sums[1] != want {
		t.Fatalf("attempts %d, hashes match: %v", len(sums), len(sums) == 2 && sums[0] == sums[1])
	}
	// A plain reader cannot be read again: the 503 is final.
	sums = nil
	_, err = c.Attachments.Upload(context.Background(), "incident", "abc", Upload{Reader: io.MultiReader(bytes.NewReader(data)), FileName: "x.bin"})
	if !errors.Is(err, ErrServer) || len(sums) != 1 {
		t.Fatalf("plain reader: %v after %d attempts", err, len(sums))
	}
}
