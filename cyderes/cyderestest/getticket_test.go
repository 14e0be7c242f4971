package cyderestest_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
)

// TestGetTicketSendsEveryListedField gets an alert ticket, whose list form
// leaves escalated out, and checks that every member the Cyderes page
// lists for "get ticket" of an alert is there.
func TestGetTicketSendsEveryListedField(t *testing.T) {
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Priority: "P2", Escalated: true, Created: now, ShortDescription: "beacon"})
	tk, err := c.Tickets.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(tk.Raw, &members); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"number", "ticket_id", "priority", "state", "created", "updated", "ticket_type", "short_description",
		"alert_description", "alert_investigation", "soar_case_id", "soar_alert_ticket_id", "analyst_notes", "recommendations",
		"escalated", "comments"} {
		if _, ok := members[f]; !ok {
			t.Errorf("get ticket lacks %q", f)
		}
	}
	if tk.Escalated == nil || !*tk.Escalated {
		t.Errorf("escalated %v", tk.Escalated)
	}
}
