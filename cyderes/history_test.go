package cyderes

import (
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
)

// TestTicketHistory replays a response SLA over a closed ticket's opening
// and closing, and checks an open ticket and one without times.
func TestTicketHistory(t *testing.T) {
	opened := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	closed := &Ticket{TicketID: "T1", Priority: "P1", State: "Closed", Created: opened, Updated: opened.Add(90 * time.Minute), TicketType: TicketTypeAlert}
	h := closed.History()
	if len(h) != 2 || h[0].Fields["state"] != "Open" || h[0].Fields["priority"] != "P1" || h[1].Fields["state"] != "Closed" || !h[1].At.Equal(opened.Add(90*time.Minute)) {
		t.Fatalf("history %+v", h)
	}
	F := func(name string) encodedquery.Field { return encodedquery.Field(name) }
	def := sla.Definition{Name: "P1 tickets", Target: time.Hour, Start: F("priority").Eq("P1"), Stop: F("state").Eq("Closed")}
	ins, err := sla.Replay([]sla.Definition{def}, h, time.Time{})
	if err != nil || len(ins) != 1 || ins[0].Stage != sla.Breached {
		t.Fatalf("replay %+v, %v", ins, err)
	}
	if h := (&Ticket{State: "Open", Created: opened, Updated: opened.Add(time.Hour)}).History(); len(h) != 1 {
		t.Errorf("an open ticket: %+v", h)
	}
	if h := (&Ticket{State: "Closed"}).History(); h != nil {
		t.Errorf("a ticket without times: %+v", h)
	}
}
