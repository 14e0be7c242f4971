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
// It finds its earlier work through correlation fields (the TheHive alert's
// sourceRef, the incident's correlation_id), so running it again escalates
// nothing twice.
//
// With no environment set, each system is an in-memory fake seeded with a
// realistic morning. Each system talks to a real server instead when its
// variables are set:
//
//	CYDERES_TOKEN [CYDERES_URL]
//	THEHIVE_URL THEHIVE_API_KEY [THEHIVE_ORG]
//	SERVICENOW_INSTANCE and SERVICENOW_USER/SERVICENOW_PASSWORD or SERVICENOW_TOKEN
//
//	go run ./examples/escalate
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	now := time.Now().UTC()
	flag.Func("now", "run as of this RFC 3339 `instant` (default: the current time)", func(s string) error {
		t, err := time.Parse(time.RFC3339, s)
		now = t.UTC()
		return err
	})
	timeout := flag.Duration("timeout", 2*time.Minute, "give up after this `duration`")
	flag.Parse()
	// Every call takes the deadline from ctx: a server that accepts the
	// connection and never answers cannot hang the program.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	sys, err := connect(os.Getenv, now)
	if err != nil {
		fmt.Fprintln(os.Stderr, "escalate:", err)
		os.Exit(1)
	}
	defer sys.close()
	if _, err := sys.bridge(now).run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "escalate:", err)
		os.Exit(1)
	}
}
