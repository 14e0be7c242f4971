package testkit

import (
	"bytes"
	"mime/multipart"
	"net/textproto"
	"reflect"
	"testing"
)

func TestMultipartRecordedBody(t *testing.T) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := w.WriteField("table_name", "incident"); err != nil {
		t.Fatal(err)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="uploadFile"; filename="report.pdf"`)
	h.Set("Content-Type", "application/pdf")
	fw, err := w.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write([]byte("%PDF-1.7\n"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	m := New()
	m.On("POST", "https://x.test/upload")
	resp, err := m.HTTPClient().Post("https://x.test/upload", w.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()

	parts := m.Last(t).Parts(t) // the recorded body is trimmed
	if got := Names(parts); !reflect.DeepEqual(got, []string{"table_name", "uploadFile"}) {
		t.Fatalf("names = %v", got)
	}
	if p := parts[0]; p.Data != "incident" || p.FileName != "" {
		t.Errorf("field part = %+v", p)
	}
	if p := parts[1]; p.Data != "%PDF-1.7\n" || p.FileName != "report.pdf" || p.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("file part = %+v", p)
	}
	if again := Multipart(t, w.FormDataContentType(), m.Last(t).Body+"\r\n"); !reflect.DeepEqual(again, parts) {
		t.Errorf("a body with its closing line break reads differently: %+v", again)
	}
}

func TestMultipartFailsTheTest(t *testing.T) {
	cutShort := "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"
	// The first type is not multipart; under the second the body ends
	// inside its only part.
	for _, contentType := range []string{"application/json", "multipart/form-data; boundary=b"} {
		t.Run(contentType, func(t *testing.T) {
			if !fails(t, func(tb testing.TB) { Multipart(tb, contentType, cutShort) }) {
				t.Error("Multipart did not fail the test")
			}
		})
	}
}
