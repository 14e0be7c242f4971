// Command escalate is a SOC escalation bridge. It sweeps the escalated
// Cyderes alert tickets of the last day and, for each one not handled yet:
//
//  1. raises a TheHive alert carrying the ticket's observables and the
//     related MISP IOCs, and promotes it to a case;
//  2. opens a ServiceNow incident whose impact and urgency come from the
//     ticket's priority through the sla mappings, with a work note linking
//     the case;
//  3. comments on the Cyderes ticket with both references;
//
// and prints the escalation with its SLA response and resolution due times.
// Every create goes through an Ensure call keyed by what ties it to the
// ticket (the TheHive alert's type, source and sourceRef, the incident's
// correlation_id, a marker line in the comment), so running it again
// escalates nothing twice, and a create whose answer was lost is neither
// doubled nor reported as failed (for several bridges at once, see -shard
// below).
//
// After the sweep, it follows the TheHive cases and ServiceNow incidents
// changed since its last run (change feeds, their cursors kept in the
// outbox file) and mirrors their state:
//
//	TheHive case closed (TheHive 5: a closing status; 3/4: Resolved)
//	    ⇒ ServiceNow incident resolved: close code Duplicate for a duplicate,
//	      No resolution provided for a false positive, else Solution
//	      provided; the case's summary as close notes
//	    ⇒ Cyderes ticket closed, after a marked comment naming the case
//	ServiceNow incident resolved or closed while its case is open
//	    ⇒ TheHive case closed: Duplicated for Duplicate, Indeterminate for
//	      No resolution provided or Resolved by caller, else TruePositive;
//	      the close notes as its summary
//	    ⇒ Cyderes ticket closed, after a marked comment naming the incident
//	ServiceNow incident open again (New, In Progress, On Hold) while its
//	case is closed
//	    ⇒ TheHive case reopened (InProgress; Open in TheHive 3/4); the
//	      Cyderes ticket stays closed, as the API cannot reopen one
//
// When the two sides disagree, the newer change wins: an open incident
// that was never resolved (reopen_count 0) gets its case's close; one
// reopened while a resolution of it waits in the outbox is resolved, not
// mirrored as reopened; and the bridge's own close of a case, read back
// from the case feed, is passed over (its version is kept in the outbox
// file), so it cannot undo a reopening made before it was read.
//
// Nothing else is mirrored: a case reopened in TheHive does not reopen the
// incident (reopen it in ServiceNow, and the case follows), a canceled
// incident is reported and left alone (the table has no counterpart for
// it), and a ticket Cyderes closes itself changes nothing. Each mirrored
// effect checks its target first (an incident resolved already, a ticket
// closed already, a case open already is left alone), so a state the
// bridge set never echoes back, and an effect tried twice acts once.
//
// Notes are mirrored too, while the case is open: a comment on the TheHive
// case, a work note or additional comment on the ServiceNow incident, and a
// comment on the Cyderes ticket are each copied to the two other systems
// (to ServiceNow as a work note), introduced by their author and origin;
// with TheHive 3/4, whose cases have no comments, between ServiceNow and
// Cyderes alone.
// Each copy carries a marker naming its original,
// [incidentkit:from-<system>:<id>]: a copy is looked for by it before it is sent, so each
// note is copied once, and a note carrying any bridge marker is never
// copied, so nothing echoes. Each run reads the notes of every open
// escalation in the three systems (four requests each): neither TheHive
// nor Cyderes documents that a comment moves its record's change time,
// so the change feeds cannot be trusted to show new notes.
//
// Side effects that must not be forgotten (the incident's work note, the
// comment back to Cyderes, every mirrored change and note) go through an
// outbox, a bbolt file (package outbox) under $XDG_STATE_HOME/incidentkit
// (or ~/.local/state/incidentkit, or -state): an effect is stored before
// it is attempted and removed once done, and each run first retries what
// earlier runs left undone, even for tickets it no longer sweeps. A file
// another bridge holds, or one that is not an outbox, stops the run with
// an error saying what to do; the outbox can always be moved aside, since
// every effect is checked against its target before it is sent. With every
// system in memory, the outbox is a temporary file.
//
// With no environment set, each system is an in-memory fake seeded with a
// realistic morning. Each system talks to a real server instead when its
// variables are set:
//
//	CYDERES_TOKEN [CYDERES_URL]
//	THEHIVE_URL THEHIVE_API_KEY [THEHIVE_ORG] [THEHIVE_VERSION: 5, 4 or 3]
//	SERVICENOW_INSTANCE and SERVICENOW_USER/SERVICENOW_PASSWORD or SERVICENOW_TOKEN
//
// THEHIVE_VERSION (5 by default) picks TheHive 3/4's API with 3 or 4, for
// the real server and the fake alike.
//
// Several replicas may run against the same systems: give each a shard of
// the tickets with -shard i/n (replica i of n). No two then handle one
// ticket, which matters because ServiceNow and Cyderes keep no unique key
// that would refuse a second incident or comment; within a shard, the
// natural keys above make every step safe to repeat, and a replica's own
// outbox finishes what it began. Replicas on one host need their own
// -state files (the outbox is locked while a bridge runs).
//
// -dry-run reads everything a run reads and writes nothing — no record in
// any system, no effect or cursor in the outbox — and prints what the run
// would do, found by the same lookups its Ensure calls and effects make.
//
// -json prints one JSON object a line instead of text: each ticket's
// report (its TheHive case and ServiceNow incident with links to them, the
// incident's impact, urgency, priority and assignment group, the comment
// sent back or why it was not, the SLA state) and notes. -watch keeps
// running, every -interval.
//
//	go run ./examples/escalate
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/incidentkit/incidentkit/outbox"
)

func main() {
	now := time.Now().UTC()
	flag.Func("now", "run as of this RFC 3339 `instant` (default: the current time)", func(s string) error {
		t, err := time.Parse(time.RFC3339, s)
		now = t.UTC()
		return err
	})
	timeout := flag.Duration("timeout", 2*time.Minute, "give up on a run after this `duration`")
	jsonOut := flag.Bool("json", false, "print one JSON object a line: each ticket's report (case and incident with links, "+
		"the comment sent back, SLA state) and notes")
	part := shard{0, 1}
	flag.Func("shard", "handle only the tickets of shard `i/n` (replica i of n; default 0/1, every ticket)", func(s string) (err error) {
		part, err = parseShard(s)
		return err
	})
	dryRun := flag.Bool("dry-run", false, "read everything and write nothing: print what a run would do")
	watch := flag.Bool("watch", false, "keep running: sweep and mirror again every -interval until interrupted")
	interval := flag.Duration("interval", time.Minute, "with -watch, wait this `duration` between runs")
	state := flag.String("state", "", "keep the outbox in this `file` (default: under $XDG_STATE_HOME or ~/.local/state; "+
		"a temporary file when every system is in memory)")
	flag.Parse()
	// Every call takes the deadline from ctx: a server that accepts the
	// connection and never answers cannot hang the program.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sys, err := connect(os.Getenv, now)
	if err != nil {
		fmt.Fprintln(os.Stderr, "escalate:", err)
		os.Exit(1)
	}
	box, err := sys.openOutbox(*state)
	if err == nil {
		err = errors.Join(runs(ctx, sys, box, now, runOptions{json: *jsonOut, dry: *dryRun, shard: part, watch: *watch, interval: *interval, timeout: *timeout}), box.Close())
	}
	sys.close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "escalate:", err)
		os.Exit(1)
	}
}

// runOptions are the command line's settings of runs.
type runOptions struct {
	json, dry, watch  bool
	shard             shard
	interval, timeout time.Duration
}

// runs runs the bridge once, or with o.watch every o.interval until ctx
// ends, each run bounded by o.timeout. With watch, a failed run is
// reported and the next one tries again (the outbox keeps what it left
// undone); now moves on with the clock.
func runs(ctx context.Context, sys *systems, box *box, now time.Time, o runOptions) error {
	start := time.Now()
	for at := now; ; at = now.Add(time.Since(start)) {
		runCtx, cancel := context.WithTimeout(ctx, o.timeout)
		b := sys.bridge(at, box)
		b.json, b.dry, b.shard = o.json, o.dry, o.shard
		_, err := b.run(runCtx, os.Stdout)
		cancel()
		if !o.watch {
			return err
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "escalate:", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(o.interval):
		}
	}
}

// openOutbox opens the outbox at path, or by default in the user's state
// directory; with every system in memory, a temporary one that close
// removes (the fakes' tickets end with the run).
func (s *systems) openOutbox(path string) (*box, error) {
	if path == "" && len(s.fakes) == 3 {
		dir, err := os.MkdirTemp("", "escalate-")
		if err != nil {
			return nil, err
		}
		s.closers = append(s.closers, func() { os.RemoveAll(dir) })
		path = filepath.Join(dir, "escalate.db")
	}
	if path == "" {
		var err error
		if path, err = outbox.DefaultPath("escalate"); err != nil {
			return nil, err
		}
	}
	return openBox(path, 5*time.Second)
}
