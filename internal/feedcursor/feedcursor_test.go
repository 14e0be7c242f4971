package feedcursor

import (
	"strings"
	"testing"
	"time"
)

type doc struct {
	Version int    `json:"v"`
	Scope   string `json:"scope"`
}

func (d *doc) FormatVersion() int { return d.Version }

func TestDecode(t *testing.T) {
	for _, tt := range []struct {
		text, problem string
	}{
		{text: `{"v":2,"scope":"incident"}`},
		{text: `{"v":1,"scope":"incident"}`, problem: "has format version 1, not 2"},
		{text: `{}`, problem: "has format version 0, not 2"},
		{text: `not json`, problem: "is not a cursor: "},
		{text: `[1]`, problem: "is not a cursor: "},
	} {
		var d doc
		got := Decode([]byte(tt.text), 2, &d)
		if (tt.problem == "") != (got == "") || !strings.HasPrefix(got, tt.problem) {
			t.Errorf("Decode(%s) = %q, want %q", tt.text, got, tt.problem)
		}
		if got == "" && d.Scope != "incident" {
			t.Errorf("Decode(%s) left %+v", tt.text, d)
		}
	}
}

// TestSingleRoundTrip writes and reads cursors in each grain the clients
// use: the time comes back truncated to the grain, the zero time as zero.
func TestSingleRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 23, 10, 0, 1, 123456789, time.UTC)
	for _, grain := range []time.Duration{time.Second, time.Millisecond, time.Microsecond} {
		for _, high := range []time.Time{at, {}} {
			b, err := EncodeSingle(3, "incident", high, grain, map[string]int{"a": 1})
			if err != nil {
				t.Fatal(err)
			}
			scope, got, seen, problem := DecodeSingle[int](b, 3, grain)
			if problem != "" || scope != "incident" || !got.Equal(high.Truncate(grain)) || seen["a"] != 1 {
				t.Errorf("grain %v, %v: %s read back as %q, %v, %v, %q", grain, high, b, scope, got, seen, problem)
			}
		}
	}
	if _, _, _, problem := DecodeSingle[int]([]byte(`{"v":2,"scope":"x"}`), 3, time.Second); problem == "" {
		t.Error("a cursor of format 2 was read as format 3")
	}
}
