package servicenow

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

const attachmentJSON = `{"result":{"sys_id":"att1","file_name":"mail.eml","content_type":"message/rfc822","size_bytes":"11",
"compressed":"true","size_compressed":"9","table_name":"incident","table_sys_id":"abc","hash":"h1",
"download_link":"https://dev1.service-now.com/api/now/attachment/att1/file","sys_created_on":"2026-11-23 08:00:00"}}`

func TestAttachmentRequestShapes(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Status: 201, Body: attachmentJSON})
	var progress []int64
	a, err := c.Attachments.Upload(ctx, "incident", "abc", incidentkit.Upload{Reader: strings.NewReader("hello world"), FileName: "mail.eml",
		Progress: func(done, total int64) { progress = append(progress, done) }})
	if err != nil {
		t.Fatal(err)
	}
	if a.SysID != "att1" || a.SizeBytes != 11 || !a.Compressed || a.SizeCompressed != 9 || a.CreatedOn.IsZero() || a.TableSysID != "abc" ||
		!strings.Contains(string(a.Raw), `"hash":"h1"`) {
		t.Fatalf("metadata %+v", a)
	}
	g := m.Last(t)
	if g.Method != "POST" || g.Path != "/api/now/attachment/file" || g.Body != "hello world" ||
		g.Query.Get("table_name") != "incident" || g.Query.Get("table_sys_id") != "abc" || g.Query.Get("file_name") != "mail.eml" ||
		g.Header.Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Fatalf("raw upload sent %s %s ?%s %q type %q", g.Method, g.Path, g.RawQuery, g.Body, g.Header.Get("Content-Type"))
	}
	if len(progress) == 0 || progress[len(progress)-1] != 11 {
		t.Fatalf("progress %v", progress)
	}

	m.Reset()
	if _, err := c.Attachments.UploadMultipart(ctx, "incident", "abc",
		incidentkit.Upload{Reader: strings.NewReader("%PDF-1.7 x"), FileName: "r\"ep\u00f6rt.pdf"}); err != nil {
		t.Fatal(err)
	}
	g = m.Last(t)
	if g.Path != "/api/now/attachment/upload" {
		t.Fatalf("multipart sent to %s", g.Path)
	}
	parts := g.Parts(t)
	if names := strings.Join(testkit.Names(parts), ","); names != "table_name,table_sys_id,uploadFile" {
		t.Fatalf("parts %v, want the file last", names)
	}
	if f := parts[2]; f.Header.Get("Content-Type") != "application/pdf" || f.Data != "%PDF-1.7 x" || f.FileName != "r%22ep\u00f6rt.pdf" {
		t.Fatalf("file part %v %q name %q", f.Header, f.Data, f.FileName)
	}

	m.Reset()
	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"att1","file_name":"a"},{"sys_id":"att2","file_name":"b"}]}`, Header: testkit.Headers("X-Total-Count", "2")})
	ids := testkit.Collect(t, c.Incidents.Attachments(ctx, "abc"), func(a *Attachment) string { return a.SysID })
	g = m.Last(t)
	if len(ids) != 2 || g.Path != "/api/now/attachment" || g.Query.Get("sysparm_query") != "table_name=incident^table_sys_id=abc^ORDERBYsys_id" {
		t.Fatalf("listed %v with %s ?%s", ids, g.Path, g.RawQuery)
	}
	p, err := c.Attachments.List(ctx, "incident", "abc", &ListOptions{PageSize: 5})
	if err != nil || len(p.Items) != 2 || p.Items[1].FileName != "b" || p.Total != 2 || p.NextOffset != -1 || m.Last(t).Query.Get("sysparm_limit") != "5" {
		t.Fatalf("page %+v, %v", p, err)
	}

	m.Reset()
	answerAll(m, testkit.Answer{Status: 204})
	if err := c.Attachments.Delete(ctx, "att1"); err != nil || m.Last(t).Method != "DELETE" || m.Last(t).Path != "/api/now/attachment/att1" {
		t.Fatalf("delete: %v %+v", err, m.Requests())
	}
}

func TestAttachmentDownload(t *testing.T) {
	content := strings.Repeat("pcap", 1000)
	tests := []struct {
		name   string
		header http.Header
		want   incidentkit.FileInfo
	}{
		{name: "metadata header", header: testkit.Headers("Content-Type", "application/vnd.tcpdump.pcap",
			"X-Attachment-Metadata", `{"sys_id":"att9","file_name":"dump.pcap","content_type":"application/octet-stream","size_bytes":"4000"}`),
			want: incidentkit.FileInfo{Name: "dump.pcap", ContentType: "application/octet-stream", Size: 4000}},
		{name: "content disposition", header: testkit.Headers("Content-Type", "application/vnd.tcpdump.pcap",
			"Content-Disposition", `attachment; filename="cap.pcap"`),
			want: incidentkit.FileInfo{Name: "cap.pcap", ContentType: "application/vnd.tcpdump.pcap", Size: 4000}},
		{name: "stored name reduced to its base", header: testkit.Headers("Content-Type", "text/plain",
			"X-Attachment-Metadata", `{"file_name":"..\\..\\etc/passwd"}`),
			want: incidentkit.FileInfo{Name: "passwd", ContentType: "text/plain", Size: 4000}},
		{name: "unusable stored name", header: testkit.Headers("Content-Type", "text/plain",
			"Content-Disposition", `attachment; filename="x.txt"`, "X-Attachment-Metadata", `{"file_name":"a/.."}`),
			want: incidentkit.FileInfo{Name: "x.txt", ContentType: "text/plain", Size: 4000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, testkit.Answer{Body: content, Header: tt.header})
			var buf bytes.Buffer
			var last int64
			info, err := c.Attachments.Download(context.Background(), "att9", &buf, func(done, _ int64) { last = done })
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != content || *info != tt.want || last != 4000 {
				t.Fatalf("downloaded %d bytes, info %+v, progress %d", buf.Len(), info, last)
			}
			if g := m.Last(t); g.Path != "/api/now/attachment/att9/file" || g.Header.Get("Accept") != "*/*" {
				t.Fatalf("request %+v", g)
			}
		})
	}
}

func TestAttachmentErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		status int
		body   string
		is     error
	}{
		{name: "bad type", status: 400, body: `{"error":{"message":"Invalid file type","detail":"exe not allowed"},"status":"failure"}`},
		{name: "no record", status: 404, body: `{"error":{"message":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}`, is: ErrNotFound},
		{name: "too large", status: 413, body: `<html><head><title>413 Request Entity Too Large</title></head></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t, WithoutRetries())
			answerAll(m, testkit.Answer{Status: tt.status, Body: tt.body})
			_, err := c.Attachments.Upload(ctx, "incident", "abc", incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a.txt"})
			e := testkit.APIError(t, err, "servicenow")
			if e.StatusCode != tt.status || (tt.is != nil && !errors.Is(err, tt.is)) || e.Message == "" {
				t.Errorf("%v (%#v)", err, e)
			}
		})
	}
}

func TestAttachmentBadInput(t *testing.T) {
	ctx := context.Background()
	x := func() io.Reader { return strings.NewReader("x") }
	upload := func(table, sysID string, file incidentkit.Upload) func(c *Client) error {
		return func(c *Client) error {
			_, err := c.Attachments.Upload(ctx, table, sysID, file)
			return err
		}
	}
	tests := []struct {
		name string
		call func(c *Client) error
	}{
		{name: "no table", call: upload("", "abc", incidentkit.Upload{Reader: x(), FileName: "a"})},
		{name: "bad table", call: upload("incident^x", "abc", incidentkit.Upload{Reader: x(), FileName: "a"})},
		{name: "no record", call: upload("incident", "", incidentkit.Upload{Reader: x(), FileName: "a"})},
		{name: "blank file name", call: upload("incident", "abc", incidentkit.Upload{Reader: x(), FileName: " "})},
		{name: "no content", call: upload("incident", "abc", incidentkit.Upload{FileName: "a"})},
		{name: "two sources", call: upload("incident", "abc", incidentkit.Upload{Reader: x(), ReaderAt: strings.NewReader("y"), Size: 1, FileName: "a"})},
		{name: "negative size", call: func(c *Client) error {
			_, err := c.Attachments.UploadMultipart(ctx, "incident", "abc", incidentkit.Upload{Reader: x(), FileName: "a", Size: -1})
			return err
		}},
		{name: "nil writer", call: func(c *Client) error { _, err := c.Attachments.Download(ctx, "att", nil, nil); return err }},
		{name: "download no id", call: func(c *Client) error { _, err := c.Attachments.Download(ctx, "", io.Discard, nil); return err }},
		{name: "get no id", call: func(c *Client) error { _, err := c.Attachments.Get(ctx, ""); return err }},
		{name: "delete no id", call: func(c *Client) error { return c.Attachments.Delete(ctx, " ") }},
		{name: "list no record", call: func(c *Client) error { _, err := c.Attachments.List(ctx, "incident", "", nil); return err }},
		{name: "all no table", call: func(c *Client) error {
			for _, err := range c.Attachments.All(ctx, "", "abc", nil) {
				return err
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			testkit.InputError(t, tt.call(c), "servicenow")
			if n := len(m.Requests()); n != 0 {
				t.Fatalf("bad input sent %d requests", n)
			}
		})
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
	c := clientFor(t, srv.URL, WithBasicAuth("admin", testSecret), WithRetryWait(time.Millisecond, 10*time.Millisecond))
	path := filepath.Join(t.TempDir(), "evidence.bin")
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	file, err := incidentkit.FileUpload(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Attachments.Upload(context.Background(), "incident", "abc", file); err != nil {
		t.Fatal(err)
	}
	want := sha256.Sum256(data)
	if len(sums) != 2 || sums[0] != want || sums[1] != want {
		t.Fatalf("attempts %d, hashes match: %v", len(sums), len(sums) == 2 && sums[0] == sums[1])
	}
	// A plain reader cannot be read again: the 503 is final.
	sums = nil
	_, err = c.Attachments.Upload(context.Background(), "incident", "abc", incidentkit.Upload{Reader: io.MultiReader(bytes.NewReader(data)), FileName: "x.bin"})
	if !errors.Is(err, ErrServer) || len(sums) != 1 {
		t.Fatalf("plain reader: %v after %d attempts", err, len(sums))
	}
}
