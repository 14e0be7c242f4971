package transport

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestDispositionFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: `attachment; filename="evidence.pcap"`, want: "evidence.pcap"},
		{in: `attachment; filename=memory.dmp`, want: "memory.dmp"},
		{in: `attachment; filename*=UTF-8''rapport-%C3%A9t%C3%A9.pdf`, want: "rapport-été.pdf"},
		{in: `attachment; filename="fallback.pdf"; filename*=UTF-8''%E6%96%87%E4%BB%B6.pdf`, want: "文件.pdf"},
		{in: `attachment; filename="../../etc/passwd"`, want: "passwd"},
		{in: `attachment; filename="C:\\Windows\\system.ini"`, want: "system.ini"},
		{in: `attachment; filename=".."`, want: ""},
		{in: `attachment; filename="a%0Ab"`, want: "a%0Ab"},
		{in: `attachment`, want: ""},
		{in: ``, want: ""},
		{in: `;;;`, want: ""},
	}
	for _, tt := range tests {
		if got := dispositionFileName(tt.in); got != tt.want {
			t.Errorf("dispositionFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDispositionFileName(f *testing.F) {
	f.Add(`attachment; filename="../x"`)
	f.Add(`attachment; filename*=UTF-8''%2E%2E%2Fx`)
	f.Fuzz(func(t *testing.T, v string) {
		name := dispositionFileName(v)
		for _, r := range name {
			if r == '/' || r == '\\' || r < 0x20 {
				t.Fatalf("%q gave %q", v, name)
			}
		}
		if name == ".." || name == "." {
			t.Fatalf("%q gave %q", v, name)
		}
	})
}

func TestDownloadReportsNameTypeAndSize(t *testing.T) {
	c, mock, _ := newMockClient(t)
	var accept string
	mock.RegisterResponder("GET", mockURL, func(r *http.Request) (*http.Response, error) {
		accept = r.Header.Get("Accept")
		resp := httpmock.NewStringResponse(200, "PCAP-BYTES")
		resp.Header.Set("Content-Type", "application/vnd.tcpdump.pcap")
		resp.Header.Set("Content-Disposition", `attachment; filename="../capture.pcap"`)
		return resp, nil
	})
	var buf bytes.Buffer
	resp, err := c.Do(context.Background(), &Request{Path: "/api/thing", Download: &buf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if buf.String() != "PCAP-BYTES" || resp.Written != 10 || resp.FileName != "capture.pcap" ||
		resp.ContentType != "application/vnd.tcpdump.pcap" || accept != "*/*" {
		t.Fatalf("got %q, %+v, Accept %q", buf.String(), resp, accept)
	}
}
