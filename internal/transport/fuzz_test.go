package transport

import (
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"0", "1", "120", " 5 ", "-1", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT",
		"Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "99999999999999999999999", "", "abc"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if d < 0 {
			t.Fatalf("negative wait %s for %q", d, v)
		}
		if !ok && d != 0 {
			t.Fatalf("wait %s reported for an invalid value %q", d, v)
		}
		trimmed := strings.TrimSpace(v)
		if ok && isDigits(trimmed) && len(trimmed) < 9 {
			secs := 0
			for _, c := range trimmed {
				secs = secs*10 + int(c-'0')
			}
			if d != time.Duration(secs)*time.Second {
				t.Fatalf("%q gave %s", v, d)
			}
		}
		if d > maxRetryAfterSeconds*time.Second && isDigits(trimmed) {
			t.Fatalf("%q not bounded: %s", v, d)
		}
	})
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{in: "120", want: 2 * time.Minute, ok: true},
		{in: " 3 ", want: 3 * time.Second, ok: true},
		{in: "0", want: 0, ok: true},
		{in: "Sun, 22 Nov 2026 12:00:30 GMT", want: 30 * time.Second, ok: true},
		{in: "Sun, 22 Nov 2026 11:00:00 GMT", want: 0, ok: true},
		{in: "-5", want: 0, ok: false},
		{in: "1.5", want: 0, ok: false},
		{in: "soon", want: 0, ok: false},
		{in: "", want: 0, ok: false},
		{in: "99999999999999999999", want: maxRetryAfterSeconds * time.Second, ok: true},
	}
	for _, tt := range tests {
		got, ok := ParseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRetryAfter(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzErrorBody(f *testing.F) {
	seeds := []struct{ ct, body string }{
		{ct: "application/json", body: `{"error":{"message":"No Record found","detail":"x"},"status":"failure"}`},
		{ct: "application/json", body: `{"type":"AttributeCheckingError","message":"m","errors":[{"name":"severity"}]}`},
		{ct: "application/json", body: `{"error":"invalid_grant","error_description":"bad"}`},
		{ct: "application/json", body: `{"detail":[{"msg":"x"}]}`},
		{ct: "text/html", body: `<html><head><title>Hibernating &amp; asleep</title></head><body>zz</body></html>`},
		{ct: "text/html", body: `<html><body><script>alert(1)</script><!-- c --><p>Gateway</p>`},
		{ct: "application/xml", body: `<?xml version="1.0"?><error><message><![CDATA[x < y]]></message></error>`},
		{ct: "", body: "<title"},
		{ct: "", body: "<![CDATA["},
		{ct: "text/plain", body: "\n\nline one\nline two"},
		{ct: "", body: "\xff\xfe invalid utf-8"},
		{ct: "", body: `{"error":`},
	}
	for _, s := range seeds {
		f.Add(s.ct, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		e := &Error{StatusCode: 400}
		decodeErrorBody(e, contentType, body, nil)
		if classify(contentType, body) != kindJSON {
			if !utf8.ValidString(e.Message) {
				t.Fatalf("summary is not valid UTF-8: %q", e.Message)
			}
			if utf8.RuneCountInString(e.Message) > maxSummary+1 {
				t.Fatalf("summary has %d runes", utf8.RuneCountInString(e.Message))
			}
		}
		_ = e.Error()
		sum := Summarize(contentType, body)
		if utf8.RuneCountInString(sum) > maxSummary+1 || !utf8.ValidString(sum) {
			t.Fatalf("bad summary %q", sum)
		}
	})
}

func FuzzExpandPath(f *testing.F) {
	for _, s := range []string{"abc", "../x", "a/b", "..", ".", "", "%2e%2e", "a?b#c", "~123", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		p, err := ExpandPath("/api/case/{}/task", arg)
		if err != nil {
			return
		}
		rest, ok := strings.CutPrefix(p, "/api/case/")
		if !ok || !strings.HasSuffix(rest, "/task") {
			t.Fatalf("%q escaped its segment: %q", arg, p)
		}
		seg := strings.TrimSuffix(rest, "/task")
		if strings.Contains(seg, "/") || seg == ".." || seg == "." || strings.ContainsAny(seg, "?#") {
			t.Fatalf("%q gave segment %q", arg, seg)
		}
		req, err := http.NewRequest("GET", "https://x.test"+p, nil)
		if err != nil {
			t.Fatalf("%q gave an unparsable path %q: %v", arg, p, err)
		}
		if req.URL.Path != "/api/case/"+arg+"/task" {
			t.Fatalf("%q did not round-trip: %q", arg, req.URL.Path)
		}
	})
}
