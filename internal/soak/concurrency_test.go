package soak

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TestSharedClients shares one client of each kind between 64 goroutines
// doing reads and writes at once; run under -race it checks the clients
// hold no unsynchronised state, and the fakes' counts check that every
// write landed exactly once.
func TestSharedClients(t *testing.T) {
	w := newTestWorld(t)
	ticket := w.cy.AddTicket(cyderestest.Ticket{Escalated: true})
	const workers, each = 64, 6
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*3)
	for g := range workers {
		wg.Go(func() {
			for i := range each {
				token := fmt.Sprintf("g%02d-%d", g, i)
				inc, err := w.snc.Incidents.Create(ctx, &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr(token)})
				if err == nil {
					_, err = w.snc.Incidents.AddWorkNote(ctx, inc.SysID, token)
				}
				if err == nil {
					_, err = w.snc.Incidents.List(ctx, &servicenow.ListOptions{Query: encodedquery.Field("short_description").Eq(token)})
				}
				errs <- err
				c, err := w.thc.Cases.Create(ctx, &thehive.CaseInput{Title: token, Description: "concurrent"})
				if err == nil {
					_, err = w.thc.Comments.Create(ctx, c.ID, &thehive.CommentInput{Message: token})
				}
				if err == nil {
					_, err = w.thc.Cases.Count(ctx, filter.Eq("title", token))
				}
				errs <- err
				err = w.cyc.Comments.Create(ctx, ticket, &cyderes.CommentInput{Author: "worker", Body: token})
				if err == nil {
					_, err = w.cyc.Tickets.List(ctx, &cyderes.ListOptions{PageSize: 10})
				}
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	tk, _ := w.cy.Ticket(ticket)
	cases, caseComments := w.th.Cases(), 0
	for _, c := range cases {
		caseComments += len(w.th.Comments(fmt.Sprint(c["_id"])))
	}
	got := [5]int{len(w.sn.Records("incident")), len(w.sn.Records("sys_journal_field")), len(cases), caseComments, len(tk.Comments)}
	if want := [5]int{workers * each, workers * each, workers * each, workers * each, workers * each}; got != want {
		t.Fatalf("incidents, work notes, cases, case comments, ticket comments = %v, want %v", got, want)
	}
}
