package cyderes

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
)

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2024-05-01T10:20:30Z", "2024-05-01 10:20:30", "2024-05-01T10:20:30.123+02:00", "2024-05-01", "", "x", "0000-01-01 0:00:00+0100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s)
		if err != nil {
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("ParseTime(%q) not UTC: %v", s, got)
		}
		// Written back in RFC 3339 it must parse to the same instant.
		again, err := ParseTime(got.Format(time.RFC3339Nano))
		if err != nil || !again.Equal(got) {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
	})
}

func FuzzTicketDecode(f *testing.F) {
	for _, s := range []string{
		`{"ticket_id":"a","escalated":"True","created":"2024-05-01 10:20:30","priority":"P1"}`,
		`{"escalated":true,"comments":[{"id":1,"created":null}]}`,
		`{"escalated":"false","number":12,"soar_case_id":{"x":1}}`,
		`{"escalated":null}`, `[]`, `null`, `{"comments":{}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tk Ticket
		if err := json.Unmarshal([]byte(s), &tk); err != nil {
			return
		}
		if tk.Escalated != nil {
			var probe struct {
				Escalated json.RawMessage `json:"escalated"`
			}
			_ = json.Unmarshal([]byte(s), &probe)
			if len(probe.Escalated) == 0 {
				t.Fatalf("escalated set from nothing in %q", s)
			}
		}
		if !tk.Created.IsZero() && tk.Created.Location() != time.UTC {
			t.Fatalf("created not UTC: %v", tk.Created)
		}
		if !json.Valid(tk.Raw) {
			t.Fatalf("raw %q is not JSON", tk.Raw)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"True", "true", "FALSE", "1", "", "maybe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseBool(s)
		if !ok && v {
			t.Fatal("true without ok")
		}
		if ok {
			if v2, ok2 := ParseBool(strings.ToUpper(" " + s + "\t")); !ok2 || v2 != v {
				t.Fatalf("case or spacing changed %q", s)
			}
		}
	})
}

func FuzzDecodeBase64(f *testing.F) {
	for _, b := range [][]byte{nil, []byte("hello"), {0xff, 0xfe, 0xfd}, []byte("a longer payload\x00\x01")} {
		f.Add(b, 0)
	}
	f.Fuzz(func(t *testing.T, data []byte, form int) {
		encs := []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding}
		enc := encs[uint(form)%uint(len(encs))]
		s := enc.EncodeToString(data)
		if form < 0 && len(s) > 4 {
			s = s[:4] + "\r\n" + s[4:]
		}
		got, err := DecodeBase64(s)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("DecodeBase64(%q) = %x, %v; want %x", s, got, err, data)
		}
		// Arbitrary text must never panic.
		_, _ = DecodeBase64(string(data))
		_, _ = ParseAttachment([]byte(`{"id":"x","bytes_data":` + strconvQuote(string(data)) + `}`))
	})
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func FuzzMISPAttribute(f *testing.F) {
	f.Add(mispSample)
	for _, s := range []string{
		`{"id":"1","timestamp":"1714557600","first_seen":"2024-05-01T10:00:00.000000+00:00","type":"a|b","value":"x|y"}`,
		`{"id":1.5,"distribution":"x","to_ids":"True","object_relation":null,"Event":null}`,
		`{"timestamp":"99999999999999999999","last_seen":1714557600000000}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a MISPAttribute
		if err := json.Unmarshal([]byte(s), &a); err != nil {
			return
		}
		for _, p := range []*time.Time{&a.Timestamp, a.FirstSeen, a.LastSeen} {
			if p != nil && !p.IsZero() && p.Location() != time.UTC {
				t.Fatalf("time not UTC: %v", p)
			}
		}
		parts := SplitComposite(a.Type, a.Value)
		if len(parts) == 0 {
			t.Fatal("no parts")
		}
		if len(parts) > 1 && len(parts) != strings.Count(a.Type, "|")+1 {
			t.Fatalf("split %q into %d parts", a.Type, len(parts))
		}
		for _, o := range a.Observables() {
			if o.DataType == "" {
				t.Fatal("empty data type")
			}
		}
	})
}

func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{
		`{"detail":"x"}`, `{"detail":[{"loc":["query",1],"msg":"m","type":"t"}]}`, `{"message":"m","detail":"d"}`,
		`{"detail":[1,"a",null,{}]}`, `{"detail":{"msg":1}}`, `[]`, `"x"`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var e incidentkit.Error
		if decodeError(&e, []byte(s)) && e.Message == "" {
			t.Fatalf("recognised %q without a message", s)
		}
	})
}
