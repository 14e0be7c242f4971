package testkit

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
	"testing"
)

// Part is one part of a multipart/form-data body.
type Part struct {
	// Name is the part's form field name.
	Name string
	// FileName is the part's file name; empty for a plain field.
	FileName string
	// Header holds the part's own headers (Content-Type,
	// Content-Disposition as sent).
	Header textproto.MIMEHeader
	// Data is the part's content.
	Data string
}

// Multipart parses a multipart/form-data body sent with the Content-Type
// contentType and returns its parts in order. It fails the test when the
// type is not multipart/form-data or the body does not parse. A body
// without the line break after its closing boundary (a recorded
// Request.Body, trimmed) is read as sent.
func Multipart(t testing.TB, contentType, body string) []Part {
	t.Helper()
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("Content-Type %q is not multipart/form-data (%v)", contentType, err)
	}
	if !strings.HasSuffix(body, "\r\n") {
		body += "\r\n"
	}
	mr := multipart.NewReader(strings.NewReader(body), params["boundary"])
	var parts []Part
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return parts
		}
		if err != nil {
			t.Fatalf("multipart body, part %d: %v", len(parts)+1, err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			t.Fatalf("multipart body, part %d: %v", len(parts)+1, err)
		}
		parts = append(parts, Part{Name: p.FormName(), FileName: p.FileName(), Header: p.Header, Data: string(data)})
	}
}

// Parts parses the request's multipart/form-data body; see Multipart.
func (r Request) Parts(t testing.TB) []Part {
	t.Helper()
	return Multipart(t, r.Header.Get("Content-Type"), r.Body)
}

// Names returns the form field names of parts, in order.
func Names(parts []Part) []string {
	names := make([]string, len(parts))
	for i, p := range parts {
		names[i] = p.Name
	}
	return names
}
