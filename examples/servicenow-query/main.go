// Command servicenow-query finds incidents with the encoded-query builder
// and counts them per priority with the Aggregate API.
//
// With no environment set it runs against an in-memory instance seeded
// with sample incidents. Set SERVICENOW_INSTANCE and SERVICENOW_USER /
// SERVICENOW_PASSWORD (or SERVICENOW_TOKEN) to query a real instance.
//
//	go run ./examples/servicenow-query
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

func main() {
	timeout := flag.Duration("timeout", 2*time.Minute, "give up after this `duration`")
	flag.Parse()
	// Every call takes the deadline from ctx: a server that accepts the
	// connection and never answers cannot hang the program.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	err := run(ctx, os.Stdout, os.Getenv)
	cancel()
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "servicenow-query:", err)
		os.Exit(1)
	}
}

type F = encodedquery.Field

func run(ctx context.Context, w io.Writer, env func(string) string) error {
	instance := env("SERVICENOW_INSTANCE")
	opts := []servicenow.Option{servicenow.WithBasicAuth(env("SERVICENOW_USER"), env("SERVICENOW_PASSWORD"))}
	if tok := env("SERVICENOW_TOKEN"); tok != "" {
		opts = []servicenow.Option{servicenow.WithBearerToken(tok)}
	}
	if instance == "" {
		srv := seeded()
		defer srv.Close()
		instance = srv.URL()
		opts = []servicenow.Option{servicenow.WithBasicAuth("admin", "admin")}
		fmt.Fprintln(w, "(SERVICENOW_INSTANCE is not set: querying an in-memory instance)")
	}
	c, err := servicenow.NewClient(instance, opts...)
	if err != nil {
		return err
	}
	// Active security incidents that are critical or high, or that mention
	// ransomware, newest first. The grouping survives: the builder writes
	// ServiceNow's ^OR / ^NQ form, and escapes what users typed.
	q := encodedquery.And(
		F("active").Eq(true),
		F("category").Eq("security"),
		encodedquery.Or(F("priority").Lte(2), F("short_description").Like("ransomware")),
	).OrderByDesc("opened_at")
	s, err := q.Encode()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "query: %s\n", s)
	for inc, err := range c.Incidents.All(ctx, &servicenow.ListOptions{Query: q, PageSize: 2,
		Fields: []string{"sys_id", "number", "short_description", "priority", "opened_at"}}) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s  %-8s  %s\n", inc.Number, inc.Priority, inc.ShortDescription)
	}
	groups, err := c.Stats.Get(ctx, "incident", &servicenow.StatsOptions{
		Query: F("active").Eq(true), Count: true, GroupBy: []string{"priority"}, DisplayValue: servicenow.DisplayValueTrue})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "active incidents per priority:")
	for _, g := range groups {
		p, _ := g.Value("priority")
		fmt.Fprintf(w, "  %-14s %d\n", p.DisplayValue, g.Count)
	}
	return nil
}

// seeded starts a fake instance with sample incidents.
func seeded() *servicenowtest.Server {
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	srv := servicenowtest.New(servicenowtest.WithClock(func() time.Time { return now }))
	for i, s := range []struct{ desc, cat, impact, urgency, state string }{
		{"Ransomware note on file server", "security", "2", "2", "2"},
		{"Domain admin login from unknown host", "security", "1", "1", "1"},
		{"Phishing wave against finance", "security", "1", "2", "2"},
		{"Printer offline on floor 3", "hardware", "1", "1", "2"},
		{"Suspicious PowerShell on HR laptop", "security", "2", "3", "2"},
		{"Old ransomware sample re-detected", "security", "3", "3", "7"},
	} {
		opened := now.Add(-time.Duration(6-i) * time.Hour).Format("2006-01-02 15:04:05")
		rec := servicenowtest.Record{"short_description": s.desc, "category": s.cat, "impact": s.impact,
			"urgency": s.urgency, "state": s.state, "opened_at": opened}
		if s.state == "7" {
			rec["close_code"], rec["close_notes"] = "Duplicate", "Known sample"
		}
		srv.Seed("incident", rec)
	}
	return srv
}
