// Command cyderes-sweep lists the Cyderes tickets of a time window, of
// every type and escalated or not, with their SLA priority.
//
// escalated_only defaults to true on the API: a sweep that does not say
// otherwise silently misses every ticket that was not escalated. The
// client always sends the caller's choice.
//
// With no environment set it runs against an in-memory TSI API. Set
// CYDERES_TOKEN (and CYDERES_URL) to sweep the real one.
//
//	go run ./examples/cyderes-sweep
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
)

func main() {
	timeout := flag.Duration("timeout", 2*time.Minute, "give up after this `duration`")
	flag.Parse()
	// Every call takes the deadline from ctx: a server that accepts the
	// connection and never answers cannot hang the program.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	err := run(ctx, os.Stdout, os.Getenv, time.Now())
	cancel()
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cyderes-sweep:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, env func(string) string, now time.Time) error {
	base := cyderes.DefaultBaseURL
	if u := env("CYDERES_URL"); u != "" {
		base = u
	}
	opts := []cyderes.Option{cyderes.WithToken(env("CYDERES_TOKEN"))}
	if env("CYDERES_TOKEN") == "" {
		srv := cyderestest.New(cyderestest.WithClock(func() time.Time { return now }))
		defer srv.Close()
		for i, s := range []struct {
			typ, prio, desc string
			escalated       bool
			age             time.Duration
		}{
			{"alert", "P1", "Ransomware behaviour on FS-02", true, 20 * time.Minute},
			{"phishing", "High", "Reported phish: shared invoice", false, 2 * time.Hour},
			{"alert", "3 - Moderate", "Impossible travel for j.doe", false, 5 * time.Hour},
			{"service_request", "P4", "Allow-list vendor domain", false, 9 * time.Hour},
			{"alert", "P2", "Beaconing from kiosk-3", true, 30 * time.Hour},
		} {
			srv.AddTicket(cyderestest.Ticket{TicketType: s.typ, Priority: s.prio, ShortDescription: s.desc,
				Escalated: s.escalated, Created: now.Add(-s.age - time.Duration(i)*time.Second)})
		}
		base, opts = srv.URL(), []cyderes.Option{cyderes.WithToken(cyderestest.Token)}
		fmt.Fprintln(w, "(CYDERES_TOKEN is not set: sweeping an in-memory TSI API)")
	}
	c, err := cyderes.NewClient(base, opts...)
	if err != nil {
		return err
	}
	from := now.Add(-24 * time.Hour)
	fmt.Fprintf(w, "tickets created since %s:\n", from.UTC().Format("Jan 02 15:04 MST"))
	// Tickets.Between widens the window to whole UTC days for the API and
	// keeps exactly the tickets inside it.
	list := &cyderes.ListOptions{TicketType: cyderes.TicketTypeAll, EscalatedOnly: false, PageSize: 2}
	for t, err := range c.Tickets.Between(ctx, from, now, list) {
		if err != nil {
			return err
		}
		esc := ""
		if t.Escalated != nil && *t.Escalated {
			esc = "escalated"
		}
		fmt.Fprintf(w, "  %s  %-15s %-3v %-9s %s\n", t.TicketID, t.TicketType, t.SLAPriority, esc, t.ShortDescription)
	}
	return nil
}
