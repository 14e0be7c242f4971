package cyderes

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

const attachmentsBody = `[{"id":"a1","file_name":"a.txt","file_type":"text/plain","attachment_byte_data":"aGVsbG8="},
	{"id":"a2","file_name":"b.bin","file_type":"application/octet-stream","bytes_data":"AAEC"},
	null,
	{"id":"a3","file_name":"empty","file_type":"text/plain","attachment_byte_data":""}]`

func TestAttachmentsList(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: attachmentsBody})
	p, err := c.Attachments.List(context.Background(), "T 1")
	if err != nil {
		t.Fatal(err)
	}
	got := p.Items
	if len(got) != 3 || p.Total != 3 || !p.TotalKnown || p.NextOffset != -1 || p.HasNext() {
		t.Fatalf("page of %d: total %d known %v next %d", len(got), p.Total, p.TotalKnown, p.NextOffset)
	}
	if got[0].ID != "a1" || got[0].TicketID != "T 1" || got[0].FileName != "a.txt" || got[0].ContentType != "text/plain" || string(got[0].Data) != "hello" {
		t.Errorf("first %+v", got[0])
	}
	if !bytes.Equal(got[1].Data, []byte{0, 1, 2}) || got[2].Data == nil || len(got[2].Data) != 0 {
		t.Errorf("data %v %v", got[1].Data, got[2].Data)
	}
	if want := `{"id":"a2","file_name":"b.bin","file_type":"application/octet-stream","bytes_data":"AAEC"}`; string(got[1].Raw) != want {
		t.Errorf("raw %s", got[1].Raw)
	}
	sentTo(t, m, "GET", "/v2/tickets/T%201/attachments", "")
}

func TestAttachmentsAll(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: attachmentsBody})
	seq := c.Attachments.All(context.Background(), "T1")
	if len(m.Requests()) != 0 {
		t.Fatal("request sent before ranging")
	}
	for range 2 { // ranging again starts over
		var names []string
		for a, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, a.FileName)
		}
		if strings.Join(names, ",") != "a.txt,b.bin,empty" {
			t.Errorf("names %v", names)
		}
	}
	for range seq {
		break
	}
	if n := len(m.Requests()); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestAttachmentsBadBase64(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		get    bool
		wantID string
		wantFN string
	}{
		{name: "list", body: `[{"id":"a9","file_name":"evil.pdf","attachment_byte_data":"!!notbase64"}]`, wantID: "a9", wantFN: "evil.pdf"},
		{name: "get", body: `{"id":"a1","file_name":"x.zip","bytes_data":"@@@"}`, get: true, wantID: "a1", wantFN: "x.zip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: tt.body})
			var err error
			if tt.get {
				_, err = c.Attachments.Get(context.Background(), "T1", "a1")
			} else {
				_, err = c.Attachments.List(context.Background(), "T1")
			}
			var de *AttachmentDataError
			if !errors.As(err, &de) || de.ID != tt.wantID || de.FileName != tt.wantFN ||
				!strings.Contains(err.Error(), `"`+tt.wantFN+`"`) || !strings.Contains(err.Error(), `"`+tt.wantID+`"`) {
				t.Errorf("error %v", err)
			}
		})
	}
}

func TestAttachmentsGet(t *testing.T) {
	c, m := newTestClient(t)
	body := `{"id":"a1","ticket_id":"T1","file_name":"r.pdf","created_at":"2024-05-01 10:00:00","mime_type":"application/pdf","bytes_data":"JVBERi0="}`
	m.On("GET", anyURL, testkit.Answer{Body: body})
	a, err := c.Attachments.Get(context.Background(), "T1", "a1")
	if err != nil {
		t.Fatal(err)
	}
	if a.TicketID != "T1" || a.ContentType != "application/pdf" || string(a.Data) != "%PDF-" || a.Created.IsZero() || string(a.Raw) != body {
		t.Errorf("attachment %+v", a)
	}
	sentTo(t, m, "GET", "/v2/tickets/T1/attachments/a1", "string_byte_data=true")
}

func TestAttachmentsGetFillsIDs(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: `{"file_name":"r.txt","bytes_data":"aGk="}`})
	a, err := c.Attachments.Get(context.Background(), "T1", "a1")
	if err != nil || a.ID != "a1" || a.TicketID != "T1" || string(a.Data) != "hi" {
		t.Errorf("attachment %+v, %v", a, err)
	}
}

func TestAttachmentsDownload(t *testing.T) {
	content := strings.Repeat("binary\x00data", 1000)
	tests := []struct {
		name      string
		length    bool
		wantTotal int64
	}{
		{name: "length unknown", wantTotal: -1},
		{name: "length known", length: true, wantTotal: int64(len(content))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.RegisterResponder("GET", anyURL, func(req *http.Request) (*http.Response, error) {
				resp, err := m.Record(func(*http.Request) testkit.Answer {
					return testkit.Answer{Body: content, Header: testkit.Headers(
						"Content-Type", "application/octet-stream",
						"Content-Disposition", `attachment; filename="../report.bin"`)}
				})(req)
				if tt.length {
					resp.ContentLength = int64(len(content))
				}
				return resp, err
			})
			var buf bytes.Buffer
			var mu sync.Mutex
			var calls int
			var last, total int64
			info, err := c.Attachments.Download(context.Background(), "T1", "a1", &buf, func(done, tot int64) {
				mu.Lock()
				defer mu.Unlock()
				calls++
				last, total = done, tot
			})
			if err != nil {
				t.Fatal(err)
			}
			want := incidentkit.FileInfo{Name: "report.bin", ContentType: "application/octet-stream", Size: int64(len(content))}
			if buf.String() != content || *info != want {
				t.Errorf("info %+v, %d bytes; want %+v", info, buf.Len(), want)
			}
			if calls == 0 || last != int64(len(content)) || total != tt.wantTotal {
				t.Errorf("progress: %d calls, last %d of %d; want %d of %d", calls, last, total, len(content), tt.wantTotal)
			}
			sentTo(t, m, "GET", "/v2/tickets/T1/attachments/a1", "")
		})
	}
}

// uploadSeen is a parsed multipart upload.
type uploadSeen struct {
	field, fileName, contentType, content string
}

// parseUpload reads the single file part of a recorded multipart request.
func parseUpload(t *testing.T, r testkit.Request) uploadSeen {
	t.Helper()
	parts := r.Parts(t)
	if len(parts) != 1 {
		t.Fatalf("%d parts, want 1: %v", len(parts), testkit.Names(parts))
	}
	p := parts[0]
	return uploadSeen{field: p.Name, fileName: p.FileName, contentType: p.Header.Get("Content-Type"), content: p.Data}
}

func TestAttachmentsUpload(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("plain text notes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fromPath, err := incidentkit.FileUpload(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file incidentkit.Upload
		want uploadSeen
	}{
		{
			name: "reader with type",
			file: incidentkit.Upload{Reader: strings.NewReader("col1,col2\n"), FileName: "report.csv", ContentType: "text/csv"},
			want: uploadSeen{field: "file", fileName: "report.csv", contentType: "text/csv", content: "col1,col2\n"},
		},
		{
			name: "path, type sniffed",
			file: fromPath,
			want: uploadSeen{field: "file", fileName: "notes.txt", contentType: "text/plain; charset=utf-8", content: "plain text notes\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("POST", anyURL, testkit.Answer{Body: `{"status":200}`})
			var sent int64
			tt.file.Progress = func(done, _ int64) { sent = done }
			if err := c.Attachments.Upload(context.Background(), "T1", tt.file); err != nil {
				t.Fatal(err)
			}
			r := sentTo(t, m, "POST", "/v2/tickets/T1/attachment", "")
			if got := parseUpload(t, r); got != tt.want {
				t.Errorf("upload %+v, want %+v", got, tt.want)
			}
			if sent != int64(len(tt.want.content)) {
				t.Errorf("progress reported %d bytes, want %d", sent, len(tt.want.content))
			}
		})
	}
}

// plainReader hides any Seek or ReadAt method of the reader it wraps.
type plainReader struct{ r io.Reader }

func (p plainReader) Read(b []byte) (int, error) { return p.r.Read(b) }

func TestAttachmentsUploadRetry(t *testing.T) {
	busy := func(status int, header ...string) testkit.Answer {
		return testkit.Answer{Status: status, Body: `{"detail":"busy"}`, Header: testkit.Headers(header...)}
	}
	tests := []struct {
		name      string
		file      incidentkit.Upload
		first     testkit.Answer
		wantCalls int
		wantErr   bool
	}{
		{name: "seekable retried after 429", file: incidentkit.Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, first: busy(429, "Retry-After", "0"), wantCalls: 2},
		{name: "reader-at retried after 503 with Retry-After", file: incidentkit.Upload{ReaderAt: strings.NewReader("data"), Size: 4, FileName: "a.txt"}, first: busy(503, "Retry-After", "0"), wantCalls: 2},
		{name: "plain reader not retried", file: incidentkit.Upload{Reader: plainReader{strings.NewReader("data")}, FileName: "a.txt"}, first: busy(429, "Retry-After", "0"), wantCalls: 1, wantErr: true},
		{name: "500 never retried", file: incidentkit.Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, first: busy(500), wantCalls: 1, wantErr: true},
		{name: "502 never retried", file: incidentkit.Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, first: busy(502), wantCalls: 1, wantErr: true},
		{name: "503 without Retry-After never retried", file: incidentkit.Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, first: busy(503), wantCalls: 1, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("POST", anyURL, tt.first, testkit.Answer{Body: `{}`})
			err := c.Attachments.Upload(context.Background(), "T1", tt.file)
			if (err != nil) != tt.wantErr {
				t.Errorf("error %v, want error %v", err, tt.wantErr)
			}
			got := m.Requests()
			if len(got) != tt.wantCalls {
				t.Fatalf("%d attempts, want %d", len(got), tt.wantCalls)
			}
			for _, r := range got {
				if u := parseUpload(t, r); u.content != "data" {
					t.Errorf("attempt sent %q", u.content)
				}
			}
		})
	}
}

func TestDecodeBase64(t *testing.T) {
	want := []byte("hello world?>")
	std := base64.StdEncoding.EncodeToString(want)
	for _, in := range []string{
		std,
		base64.RawStdEncoding.EncodeToString(want),
		base64.URLEncoding.EncodeToString(want),
		base64.RawURLEncoding.EncodeToString(want),
		std[:8] + "\r\n" + std[8:] + "\n",
		"data:text/plain;base64," + std,
	} {
		got, err := DecodeBase64(in)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("DecodeBase64(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"a", "!!!!", "aGVsbG8=x", "ab+_"} {
		if _, err := DecodeBase64(bad); err == nil {
			t.Errorf("DecodeBase64(%q) succeeded", bad)
		}
	}
}

func TestParseAttachment(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantData string
		wantType string
	}{
		{name: "list shape", in: `{"id":"1","file_name":"a","file_type":"text/plain","attachment_byte_data":"aGk="}`, wantData: "hi", wantType: "text/plain"},
		{name: "single shape", in: `{"id":"1","mime_type":"image/png","file_type":"x/y","bytes_data":"aGk="}`, wantData: "hi", wantType: "image/png"},
		{name: "both names, bytes_data empty", in: `{"id":"1","bytes_data":"","attachment_byte_data":"aGk="}`, wantData: "hi"},
		{name: "number id", in: `{"id":7,"bytes_data":null}`, wantData: ""},
	}
	for _, tt := range tests {
		a, err := ParseAttachment([]byte(tt.in))
		if err != nil || string(a.Data) != tt.wantData || a.ContentType != tt.wantType || string(a.Raw) != tt.in || a.Data == nil {
			t.Errorf("%s: %+v, %v", tt.name, a, err)
		}
	}
}
