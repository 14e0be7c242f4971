package outbox

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// stamp is a cursor that is its own text; "bad" does not read.
type stamp string

func (s stamp) MarshalText() ([]byte, error) { return []byte(s), nil }

func (s *stamp) UnmarshalText(b []byte) error {
	if string(b) == "bad" {
		return errors.New("not a cursor")
	}
	*s = stamp(b)
	return nil
}

func TestCursorsAreKeptByName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "box.db")
	b := openTest(t, path)
	var c stamp = "start"
	if found, err := b.Cursor("cases", &c); found || err != nil || c != "start" {
		t.Fatalf("no saved cursor: found %v, %v, cursor %q", found, err, c)
	}
	for _, s := range []stamp{"v1", "v2"} {
		if err := b.SaveCursor("cases", s); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.SaveCursor("incidents", stamp("bad")); err != nil {
		t.Fatal(err)
	}
	b.Close()

	again := openTest(t, path)
	if found, err := again.Cursor("cases", &c); !found || err != nil || c != "v2" {
		t.Errorf("saved cursor: found %v, %v, cursor %q", found, err, c)
	}
	if _, err := again.Cursor("incidents", &c); err == nil || !strings.Contains(err.Error(), `"incidents"`) {
		t.Errorf("an unreadable cursor: %v", err)
	}
	for range 2 {
		if err := again.DeleteCursor("cases"); err != nil {
			t.Fatal(err)
		}
	}
	c = "start"
	if found, err := again.Cursor("cases", &c); found || err != nil || c != "start" {
		t.Errorf("a deleted cursor: found %v, %v, cursor %q", found, err, c)
	}
}
