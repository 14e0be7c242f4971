package outbox

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// note is the effect type of these tests.
type note struct {
	Ticket string `json:"ticket"`
	Body   string `json:"body"`
}

func openTest(t *testing.T, path string, opts ...Option) *Box[note] {
	t.Helper()
	b, err := Open[note](path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestEntriesOutliveTheProcessThatAddedThem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "box.db")
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	b, err := Open[note](path, WithClock(func() time.Time { return at }))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"comment/T-2", "comment/T-1", "comment/T-2"} {
		if _, err := b.Add(k, note{Ticket: k[8:], Body: "first " + k}); err != nil {
			t.Fatal(err)
		}
	}
	if added, err := b.Add("comment/T-1", note{Body: "second"}); added || err != nil {
		t.Errorf("adding a pending key again: added %v, %v", added, err)
	}
	if err := b.Failed("comment/T-2", errors.New("502 Bad Gateway")); err != nil {
		t.Fatal(err)
	}
	if err := b.Failed("comment/none", errors.New("x")); err != nil {
		t.Errorf("Failed of an effect not pending: %v", err)
	}
	b.Close()

	again := openTest(t, path)
	got, err := again.Pending()
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry[note]{
		{Key: "comment/T-1", Effect: note{Ticket: "T-1", Body: "first comment/T-1"}, Added: at},
		{Key: "comment/T-2", Effect: note{Ticket: "T-2", Body: "first comment/T-2"}, Added: at, Attempts: 1, LastError: "502 Bad Gateway"},
	}
	if len(got) != len(want) {
		t.Fatalf("pending after reopening: %+v", got)
	}
	for i := range want {
		if got[i].Key != want[i].Key || got[i].Effect != want[i].Effect || !got[i].Added.Equal(want[i].Added) ||
			got[i].Attempts != want[i].Attempts || got[i].LastError != want[i].LastError {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if err := again.Done("comment/T-1"); err != nil {
		t.Fatal(err)
	}
	if n, err := again.Len(); n != 1 || err != nil {
		t.Errorf("Len after Done = %d, %v", n, err)
	}
	if _, found, err := again.Get("comment/T-1"); found || err != nil {
		t.Errorf("Get of a done effect: found %v, %v", found, err)
	}
}

func TestOpenRefusesWhatIsNotAnOutbox(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, bytes.Repeat([]byte("not a bbolt file "), 512), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.db")
	db, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("sessions")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	future := filepath.Join(dir, "future.db")
	openTest(t, future).Close()
	db, err = bolt.Open(future, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(metaBucket).Put(formatKey, []byte("9")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for _, tc := range []struct {
		name, path string
		want       string
	}{
		{name: "junk", path: junk, want: "move it aside"},
		{name: "another program's bbolt file", path: other, want: "something else"},
		{name: "a later format", path: future, want: `format "9"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Open[note](tc.path, WithLockWait(time.Second))
			if err == nil {
				b.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want ErrCorrupt saying %q", err, tc.want)
			}
		})
	}
}

func TestABoxHeldElsewhereIsLockedUntilReleased(t *testing.T) {
	path := filepath.Join(t.TempDir(), "box.db")
	held := openTest(t, path)
	if b, err := Open[note](path, WithLockWait(100*time.Millisecond)); !errors.Is(err, ErrLocked) {
		if err == nil {
			b.Close()
		}
		t.Fatalf("a held file: %v, want ErrLocked", err)
	}
	held.Close()
	openTest(t, path, WithLockWait(time.Second))
}

func TestAnUnreadableEntryIsNamed(t *testing.T) {
	b := openTest(t, filepath.Join(t.TempDir(), "box.db"))
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(entriesBucket).Put([]byte("k/1"), []byte("{")) }); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Pending(); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), `"k/1"`) {
		t.Errorf("Pending: %v", err)
	}
	if err := b.Failed("k/1", errors.New("x")); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Failed: %v", err)
	}
	if err := b.Done("k/1"); err != nil {
		t.Fatal(err)
	}
	if p, err := b.Pending(); len(p) != 0 || err != nil {
		t.Errorf("after removing it: %v, %v", p, err)
	}
}

func TestBadInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		path string
		opts []Option
	}{
		{name: "empty path"},
		{name: "negative wait", path: filepath.Join(dir, "a.db"), opts: []Option{WithLockWait(-time.Second)}},
		{name: "nil clock", path: filepath.Join(dir, "b.db"), opts: []Option{WithClock(nil)}},
		{name: "nil option", path: filepath.Join(dir, "c.db"), opts: []Option{nil}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if b, err := Open[note](tc.path, tc.opts...); err == nil {
				b.Close()
				t.Error("opened")
			}
		})
	}
	b := openTest(t, filepath.Join(dir, "d.db"))
	if _, err := b.Add("", note{}); err == nil {
		t.Error("Add with an empty key")
	}
	if err := b.SaveCursor("", stamp("x")); err == nil {
		t.Error("SaveCursor with an empty name")
	}
	for _, name := range []string{"", "../escape", "a/b"} {
		if _, err := DefaultPath(name); err == nil {
			t.Errorf("DefaultPath(%q) is no error", name)
		}
	}
}

func TestDefaultPathIsInTheStateDirectory(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/var/lib/soc")
	if p, err := DefaultPath("escalate"); p != "/var/lib/soc/incidentkit/escalate.db" || err != nil {
		t.Errorf("with XDG_STATE_HOME: %q, %v", p, err)
	}
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", "/home/analyst")
	if p, err := DefaultPath("escalate"); p != "/home/analyst/.local/state/incidentkit/escalate.db" || err != nil {
		t.Errorf("with HOME: %q, %v", p, err)
	}
}
