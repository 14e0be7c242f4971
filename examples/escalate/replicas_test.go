package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/incidentkittest"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
)

var replicaTickets = flag.Int("escalate.tickets", 200, "tickets TestTwoReplicas escalates (CI runs 1,000)")

// TestTwoReplicas runs two replicas of the bridge at once, shards 0/2 and
// 1/2, each with its own outbox, against the same systems, three rounds,
// the first two with answers lost on every write path (acted on and
// answered 502, cut short, dropped before acting, 504, case comments
// acted on and answered 502): every ticket ends with exactly one alert,
// one case, one incident with one work note, and one comment, a tenth of
// them also with the note they came with copied once to the incident and
// the case, and both outboxes are empty. With 1,000 tickets (as CI runs
// it) that is some 37,000 requests.
func TestTwoReplicas(t *testing.T) {
	sys, _ := testSystems(t)
	n := *replicaTickets
	// seeded counts the notes a ticket comes with (TSI-100003 from the
	// example's morning, and every tenth one here): each is copied to the
	// ticket's incident and case, once.
	seeded := map[string]int{"TSI-100003": 1}
	for i := range n {
		tk := cyderestest.Ticket{TicketType: "alert", Escalated: true, Priority: fmt.Sprint("P", 1+i%4), State: "Escalated",
			Created: testNow.Add(-time.Duration(i+1) * time.Minute % (23 * time.Hour)), Category: "Malware", Type: "EDR",
			ShortDescription: fmt.Sprint("Beacon from host ", i), AlertDescription: fmt.Sprintf("Host 10.30.%d.%d beaconing.", i/250, i%250)}
		if i%10 == 0 {
			tk.Comments = []cyderestest.Comment{{ID: fmt.Sprint("c-", i), Author: "Cyderes SOC", Created: tk.Created, Body: fmt.Sprint("Host ", i, " isolated.")}}
		}
		if id := sys.cyderesFake.AddTicket(tk); i%10 == 0 {
			seeded[id] = 1
		}
	}
	// Each round but the last loses the answers of some writes on every
	// write path: acted on and answered 502, cut short, dropped before
	// acting, or refused with 504 before acting.
	lose := func(k int) {
		sys.thehiveFake.Inject(k, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: thehivetest.Path(http.MethodPost, "/api/v1/alert")})
		sys.thehiveFake.Truncate(k, thehivetest.Path(http.MethodPost, "/api/v1/alert/"))
		sys.thehiveFake.Inject(k, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: thehivetest.Path(http.MethodPost, "/api/v1/case/")})
		sys.servicenowFake.Truncate(k, servicenowtest.Path(http.MethodPost, "/api/now/table/incident"))
		sys.servicenowFake.Drop(k, servicenowtest.Path(http.MethodPatch, "/api/now/table/incident/"))
		sys.cyderesFake.Drop(k, cyderestest.Path(http.MethodPost, "/v2/tickets/"))
		sys.cyderesFake.Inject(k, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: cyderestest.Path(http.MethodPost, "/v2/tickets/")})
		sys.cyderesFake.Fail(k, http.StatusGatewayTimeout, 0, cyderestest.Path(http.MethodPost, "/v2/tickets/"))
	}

	ctx := context.Background()
	boxes := []*box{testOutbox(t), testOutbox(t)}
	const rounds = 3
	for round := range rounds {
		if round < rounds-1 {
			lose(n/20 + 1)
		}
		errs := make(chan error, len(boxes))
		for i, box := range boxes {
			go func() {
				b := sys.bridge(testNow.Add(time.Duration(round)*time.Minute), box)
				b.shard = shard{i, len(boxes)}
				_, err := b.run(ctx, &bytes.Buffer{})
				errs <- err
			}()
		}
		for range boxes {
			// A write whose every attempt was lost waits in the outbox
			// for the next round; anything else is a failure, and so is
			// anything left after the last, fault-free round.
			if err := <-errs; err != nil && (round == rounds-1 || !strings.Contains(err.Error(), "wait in the outbox")) {
				t.Fatalf("round %d: %v", round, err)
			}
		}
	}
	ops := sys.cyderesFake.CountRequests("", "") + sys.thehiveFake.CountRequests("", "") + sys.servicenowFake.CountRequests("", "")
	t.Logf("%d tickets, %d requests", n, ops)

	want := n + 3
	if a, c, in := len(sys.thehiveFake.Alerts()), len(sys.thehiveFake.Cases()), len(sys.servicenowFake.Records("incident")); a != want || c != want || in != want {
		t.Errorf("alerts, cases, incidents = %d, %d, %d; want %d of each", a, c, in, want)
	}
	// Each incident has its work note, and the copy of the note its ticket
	// came with, if any, which its case has too.
	for _, inc := range sys.servicenowFake.Records("incident") {
		if notes := len(sys.servicenowFake.Journal(inc["sys_id"])); notes != 1+seeded[inc["correlation_id"]] {
			t.Errorf("incident %s of %s has %d work notes", inc["number"], inc["correlation_id"], notes)
		}
	}
	for _, c := range sys.thehiveFake.Cases() {
		ticket := ticketOf(&thehive.Case{Tags: tagsOf(c["tags"])})
		if got := len(sys.thehiveFake.Comments(c["_id"].(string))); got != seeded[ticket] {
			t.Errorf("the case of %s has %d comments, want %d", ticket, got, seeded[ticket])
		}
	}
	commented := 0
	for _, tk := range sys.cyderesFake.Tickets() {
		if !tk.Escalated || testNow.Sub(tk.Created) > 24*time.Hour {
			continue
		}
		commented++
		if len(tk.Comments) != 1+seeded[tk.TicketID] {
			t.Errorf("ticket %s has %d comments", tk.TicketID, len(tk.Comments))
		}
	}
	if commented != want || len(seeded) != 1+(n+9)/10 {
		t.Errorf("%d escalated tickets, want %d", commented, want)
	}
	for i, box := range boxes {
		if pending, _ := box.Pending(); len(pending) != 0 {
			t.Errorf("replica %d's outbox: %+v", i, pending)
		}
	}
}

// TestParseShard checks the -shard flag's values.
func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want shard
		ok   bool
	}{
		{"0/1", shard{0, 1}, true}, {"1/2", shard{1, 2}, true}, {"2/2", shard{}, false}, {"-1/2", shard{}, false},
		{"0/0", shard{}, false}, {"1", shard{}, false}, {"a/b", shard{}, false},
	} {
		got, err := parseShard(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseShard(%q) = %v, %v", tt.in, got, err)
		}
	}
	owners := [3]int{}
	for i := range 3000 {
		for s := range 3 {
			if (shard{s, 3}).owns(fmt.Sprint("TSI-", i)) {
				owners[s]++
			}
		}
	}
	if owners[0]+owners[1]+owners[2] != 3000 || owners[0] < 900 || owners[1] < 900 || owners[2] < 900 {
		t.Errorf("3,000 tickets split %v over three shards", owners)
	}
}

// tagsOf reads a fake's stored tags.
func tagsOf(v any) []string {
	switch tags := v.(type) {
	case []string:
		return tags
	case []any:
		out := make([]string, len(tags))
		for i, t := range tags {
			out[i] = fmt.Sprint(t)
		}
		return out
	}
	return nil
}
