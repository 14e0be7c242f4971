// Command sla-report prints the open ServiceNow incidents by priority with
// their SLA state: response and resolution due times, time left, percent
// used, at-risk and breached.
//
// With no environment set it starts an in-memory instance seeded with a
// realistic morning of SOC work. To report on a real instance set
//
//	SERVICENOW_INSTANCE   https://<name>.service-now.com
//	SERVICENOW_USER       and SERVICENOW_PASSWORD (basic auth), or
//	SERVICENOW_TOKEN      an OAuth access token
//
// Targets are the default policy (P1 15 min / 4 h … P4 8 h / 72 h, 24×7).
// The response clock stops at the first work note or comment; an incident
// on hold pauses its resolution clock from its last update.
//
//	go run ./examples/sla-report
//	go run ./examples/sla-report -now 2026-11-23T12:00:00Z
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
	flag.Func("now", "report as of this RFC 3339 `instant` (default: the current time)", func(s string) error {
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
	cfg := configFromEnv()
	if err := run(ctx, os.Stdout, cfg, now); err != nil {
		fmt.Fprintln(os.Stderr, "sla-report:", err)
		os.Exit(1)
	}
}

// config says where the incidents come from.
type config struct {
	instance, user, password, token string
}

func configFromEnv() config {
	return config{
		instance: os.Getenv("SERVICENOW_INSTANCE"),
		user:     os.Getenv("SERVICENOW_USER"),
		password: os.Getenv("SERVICENOW_PASSWORD"),
		token:    os.Getenv("SERVICENOW_TOKEN"),
	}
}
