package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/outbox"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// TestFailedCommentIsSentByALaterRun makes the comment back to one ticket
// fail, then runs the bridge again three days later, when the ticket is
// out of the sweep's window: the outbox still sends the comment, once.
func TestFailedCommentIsSentByALaterRun(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	comments := func() map[string]int { // the escalation comments on each ticket
		n := map[string]int{}
		for _, tk := range sys.cyderesFake.Tickets() {
			for _, c := range tk.Comments {
				if strings.Contains(c.Body, "[incidentkit:escalated:") {
					n[tk.TicketID]++
				}
			}
		}
		return n
	}

	sys.cyderesFake.Fail(100, http.StatusBadRequest, 0, cyderestest.Path(http.MethodPost, "/v2/tickets/TSI-100002/comment"))
	var first bytes.Buffer
	if _, err := sys.bridge(testNow, box).run(ctx, &first); err == nil || !strings.Contains(err.Error(), "outbox") {
		t.Fatalf("first run: %v, want an error naming the outbox", err)
	}
	if !strings.Contains(first.String(), "not done, kept for the next run") {
		t.Errorf("first run does not say the comment failed:\n%s", first.String())
	}
	if pending, _ := box.Pending(); len(pending) != 1 || pending[0].Effect.Ticket != "TSI-100002" || pending[0].Attempts != 1 {
		t.Fatalf("outbox after the first run: %+v", pending)
	}
	if n := comments(); n["TSI-100001"] != 1 || n["TSI-100002"] != 0 {
		t.Fatalf("comments after the first run: %v", n)
	}

	sys.cyderesFake.ClearFaults()
	var later bytes.Buffer
	if _, err := sys.bridge(testNow.Add(72*time.Hour), box).run(ctx, &later); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(later.String(), "outbox: comment/TSI-100002/escalated done") ||
		!strings.Contains(later.String(), "0 escalated ticket(s) swept") {
		t.Errorf("later run:\n%s", later.String())
	}
	if pending, _ := box.Pending(); len(pending) != 0 {
		t.Errorf("outbox after the later run: %+v", pending)
	}
	want := comments()
	for id, n := range want {
		if strings.HasPrefix(id, "TSI-10000") && n > 1 {
			t.Errorf("%s has %d comments", id, n)
		}
	}
	if want["TSI-100002"] != 1 {
		t.Errorf("TSI-100002 has %d comments after the later run, want 1", want["TSI-100002"])
	}
	if _, err := sys.bridge(testNow.Add(10*time.Minute), box).run(ctx, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if again := comments(); again["TSI-100002"] != 1 || again["TSI-100001"] != 1 {
		t.Errorf("a third run changed the comments: %v", again)
	}
}

// TestOutboxErrorsSayWhatToDo checks the bridge's words on the two
// outbox files it cannot use (package outbox tests the detection).
func TestOutboxErrorsSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	if err := os.WriteFile(junk, bytes.Repeat([]byte("not a bbolt file "), 512), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := openBox(junk, time.Second); !errors.Is(err, outbox.ErrCorrupt) || !strings.Contains(err.Error(), "move it aside") {
		t.Errorf("a corrupt file: %v", err)
	}
	path := filepath.Join(dir, "held.db")
	held, err := openBox(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := openBox(path, 100*time.Millisecond); !errors.Is(err, outbox.ErrLocked) || !strings.Contains(err.Error(), "-state") {
		t.Errorf("a held file: %v", err)
	}
}

// TestFailedWorkNoteIsWrittenByALaterRun makes every work note fail in
// the first run: the incidents are opened, the notes wait in the outbox,
// and the next run writes each once.
func TestFailedWorkNoteIsWrittenByALaterRun(t *testing.T) {
	sys, box := testSystems(t)
	ctx := context.Background()
	sys.servicenowFake.Fail(100, http.StatusBadRequest, 0, servicenowtest.Path(http.MethodPatch, "/api/now/table/incident/"))
	if _, err := sys.bridge(testNow, box).run(ctx, &bytes.Buffer{}); err == nil {
		t.Fatal("a run whose work notes failed reported no error")
	}
	notes := func() (n int) {
		for _, inc := range sys.servicenowFake.Records("incident") {
			n += len(sys.servicenowFake.Journal(inc["sys_id"]))
		}
		return n
	}
	// Three work notes, and the copy of TSI-100003's comment from Cyderes.
	if pending, _ := box.Pending(); len(pending) != 4 || notes() != 0 {
		t.Fatalf("after the first run: %d notes, outbox %+v", notes(), pending)
	}
	sys.servicenowFake.ClearFaults()
	for range 2 {
		if _, err := sys.bridge(testNow.Add(10*time.Minute), box).run(ctx, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	}
	if pending, _ := box.Pending(); len(pending) != 0 || notes() != 4 {
		t.Errorf("after two more runs: %d notes, outbox %+v", notes(), pending)
	}
}
