package feedcursor

import (
	"strings"
	"testing"
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
