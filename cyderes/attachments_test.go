package cyderes

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestListAttachments(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	body := `[{"id":"a1","file_name":"a.txt","file_type":"text/plain","attachment_byte_data":"aGVsbG8="},
		{"id":"a2","file_name":"b.bin","file_type":"application/octet-stream","bytes_data":"AAEC"},
		{"id":"a3","file_name":"empty","file_type":"text/plain","attachment_byte_data":""}]`
	mock.RegisterNoResponder(rec.respond(200, body))
	got, err := c.ListAttachments(context.Background(), "T 1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d attachments", len(got))
	}
	if got[0].ID != "a1" || got[0].FileName != "a.txt" || got[0].ContentType != "text/plain" || string(got[0].Data) != "hello" {
		t.Errorf("first %+v", got[0])
	}
	if !bytes.Equal(got[1].Data, []byte{0, 1, 2}) || len(got[2].Data) != 0 {
		t.Errorf("data %v %v", got[1].Data, got[2].Data)
	}
	s := rec.one(t)
	checkAuth(t, s)
	if s.method != "GET" || s.rawPath != "/v2/tickets/T%201/attachments" || s.query != "" {
		t.Errorf("sent %s %s?%s", s.method, s.rawPath, s.query)
	}
}

func TestListAttachmentsBadBase64(t *testing.T) {
	c, mock := newMock(t)
	var rec recorder
	mock.RegisterNoResponder(rec.respond(200, `[{"id":"a9","file_name":"evil.pdf","attachment_byte_data":"!!notbase64"}]`))
	_, err := c.ListAttachments(context.Background(), "T1")
	var de *AttachmentDataError
	if !errors.As(err, &de) || de.ID != "a9" || !strings.Contains(err.Error(), `"evil.pdf"`) || !strings.Contains(err.Error(), `"a9"`) {
		t.Errorf("error %v", err)
	}
}

func TestGetAttachment(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	mock.RegisterNoResponder(rec.respond(200, `{"id":"a1","ticket_id":"T1","file_name":"r.pdf","created_at":"2024-05-01 10:00:00","mime_type":"application/pdf","bytes_data":"JVBERi0="}`))
	a, err := c.GetAttachment(context.Background(), "T1", "a1")
	if err != nil {
		t.Fatal(err)
	}
	if a.TicketID != "T1" || a.ContentType != "application/pdf" || string(a.Data) != "%PDF-" || a.Created.IsZero() {
		t.Errorf("attachment %+v", a)
	}
	s := rec.one(t)
	if s.method != "GET" || s.path != "/v2/tickets/T1/attachments/a1" || s.query != "string_byte_data=true" {
		t.Errorf("sent %s %s?%s", s.method, s.path, s.query)
	}
	for _, ids := range [][2]string{{"", "a"}, {"t", ""}, {"t", " "}} {
		if _, err := c.GetAttachment(context.Background(), ids[0], ids[1]); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("ids %q: error %v", ids, err)
		}
	}
	if len(rec.requests()) != 1 {
		t.Error("bad ids were sent")
	}
}

func TestDownloadAttachment(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	content := strings.Repeat("binary\x00data", 1000)
	mock.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
		rec.record(req)
		resp := httpmock.NewStringResponse(200, content)
		resp.Header.Set("Content-Type", "application/octet-stream")
		resp.Header.Set("Content-Disposition", `attachment; filename="../report.bin"`)
		return resp, nil
	})
	var buf bytes.Buffer
	info, err := c.DownloadAttachment(context.Background(), "T1", "a1", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != content || info.Size != int64(len(content)) || info.FileName != "report.bin" || info.ContentType != "application/octet-stream" {
		t.Errorf("info %+v, %d bytes", info, buf.Len())
	}
	s := rec.one(t)
	checkAuth(t, s)
	if s.method != "GET" || s.path != "/v2/tickets/T1/attachments/a1" || s.query != "" {
		t.Errorf("sent %s %s?%s", s.method, s.path, s.query)
	}
	if _, err := c.DownloadAttachment(context.Background(), "T1", "a1", nil); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("nil writer: %v", err)
	}
}

// uploadSeen is a parsed multipart upload.
type uploadSeen struct {
	field, fileName, contentType, content string
}

func parseUpload(t *testing.T, s seen) uploadSeen {
	t.Helper()
	mt, params, err := mime.ParseMediaType(s.header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type %q", s.header.Get("Content-Type"))
	}
	r := multipart.NewReader(strings.NewReader(s.body), params["boundary"])
	p, err := r.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(p)
	if _, err := r.NextPart(); err != io.EOF {
		t.Errorf("more than one part: %v", err)
	}
	return uploadSeen{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)}
}

func TestUploadAttachment(t *testing.T) {
	var rec recorder
	c, mock := newMock(t)
	mock.RegisterNoResponder(rec.respond(200, `{"status":200}`))
	err := c.UploadAttachment(context.Background(), "T1", Upload{Reader: strings.NewReader("col1,col2\n"), FileName: "report.csv", ContentType: "text/csv"})
	if err != nil {
		t.Fatal(err)
	}
	s := rec.one(t)
	checkAuth(t, s)
	if s.method != "POST" || s.path != "/v2/tickets/T1/attachment" {
		t.Errorf("sent %s %s", s.method, s.path)
	}
	got := parseUpload(t, s)
	if got != (uploadSeen{"file", "report.csv", "text/csv", "col1,col2\n"}) {
		t.Errorf("upload %+v", got)
	}
}

// plainReader hides any Seek or ReadAt method of the reader it wraps.
type plainReader struct{ r io.Reader }

func (p plainReader) Read(b []byte) (int, error) { return p.r.Read(b) }

func TestUploadAttachmentRetry(t *testing.T) {
	tests := []struct {
		name      string
		file      Upload
		first     int
		header    []string
		wantCalls int
		wantErr   bool
	}{
		{"seekable retried after 429", Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, 429, []string{"Retry-After", "0"}, 2, false},
		{"reader-at retried after 503 with Retry-After", Upload{ReaderAt: strings.NewReader("data"), Size: 4, FileName: "a.txt"}, 503, []string{"Retry-After", "0"}, 2, false},
		{"plain reader not retried", Upload{Reader: plainReader{strings.NewReader("data")}, FileName: "a.txt"}, 429, []string{"Retry-After", "0"}, 1, true},
		{"500 never retried", Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, 500, nil, 1, true},
		{"502 never retried", Upload{Reader: strings.NewReader("data"), FileName: "a.txt"}, 502, nil, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			c, mock := newMock(t)
			mock.RegisterNoResponder(func(req *http.Request) (*http.Response, error) {
				if len(rec.requests()) == 0 {
					return rec.respond(tt.first, `{"detail":"busy"}`, tt.header...)(req)
				}
				return rec.respond(200, `{}`)(req)
			})
			err := c.UploadAttachment(context.Background(), "T1", tt.file)
			if (err != nil) != tt.wantErr {
				t.Errorf("error %v, want error %v", err, tt.wantErr)
			}
			got := rec.requests()
			if len(got) != tt.wantCalls {
				t.Fatalf("%d attempts, want %d", len(got), tt.wantCalls)
			}
			for _, s := range got {
				if u := parseUpload(t, s); u.content != "data" {
					t.Errorf("attempt sent %q", u.content)
				}
			}
		})
	}
}

func TestUploadAttachmentBadInput(t *testing.T) {
	c, mock := newMock(t)
	for name, tc := range map[string]struct {
		id   string
		file Upload
	}{
		"empty id":    {"", Upload{Reader: strings.NewReader("x"), FileName: "a"}},
		"no name":     {"T1", Upload{Reader: strings.NewReader("x")}},
		"no source":   {"T1", Upload{FileName: "a"}},
		"two sources": {"T1", Upload{Reader: strings.NewReader("x"), ReaderAt: strings.NewReader("x"), FileName: "a"}},
	} {
		if err := c.UploadAttachment(context.Background(), tc.id, tc.file); !errors.Is(err, ErrInvalidInput) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if mock.GetTotalCallCount() != 0 {
		t.Error("request sent")
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

func TestGetAttachmentBadBase64(t *testing.T) {
	c, mock := newMock(t)
	var rec recorder
	mock.RegisterNoResponder(rec.respond(200, `{"id":"a1","file_name":"x.zip","bytes_data":"@@@"}`))
	_, err := c.GetAttachment(context.Background(), "T1", "a1")
	var de *AttachmentDataError
	if !errors.As(err, &de) || de.FileName != "x.zip" {
		t.Errorf("error %v", err)
	}
}
