package cyderestest_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
)

// newClient points a cyderes client at the fake, with short retry waits so
// that a test with faults stays fast.
func newClient(srv *cyderestest.Server) *cyderes.Client {
	c, err := cyderes.NewClient(srv.URL(),
		cyderes.WithToken(cyderestest.Token),
		cyderes.WithRetryWait(time.Millisecond, 10*time.Millisecond))
	if err != nil {
		panic(err)
	}
	return c
}

// Two busy answers in a row: a read is safe to repeat, so the client tries
// a third time and gets the ticket.
func ExampleServer_Fail() {
	srv := cyderestest.New()
	defer srv.Close()
	c := newClient(srv)
	id := srv.AddTicket(cyderestest.Ticket{ShortDescription: "Suspicious PowerShell", Escalated: true})

	srv.Fail(2, http.StatusServiceUnavailable, time.Second, cyderestest.Path("GET", "/v2/tickets/"))
	t, err := c.Tickets.Get(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(t.ShortDescription)
	fmt.Println("attempts:", srv.CountRequests("GET", "/v2/tickets/"+id))
	// Output:
	// Suspicious PowerShell
	// attempts: 3
}

// A connection closed without an answer is a connection error; a read is
// sent again.
func ExampleServer_Drop() {
	srv := cyderestest.New()
	defer srv.Close()
	c := newClient(srv)
	id := srv.AddTicket(cyderestest.Ticket{ShortDescription: "Impossible travel", Escalated: true})

	srv.Drop(1, nil)
	t, err := c.Tickets.Get(context.Background(), id)
	if err != nil {
		panic(err)
	}
	fmt.Println(t.ShortDescription)
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Header.Get("Authorization") == "Bearer "+cyderestest.Token)
	}
	// Output:
	// Impossible travel
	// GET /v2/tickets/TSI-100001 true
	// GET /v2/tickets/TSI-100001 true
}
