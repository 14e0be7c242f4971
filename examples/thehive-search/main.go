// Command thehive-search searches TheHive cases with the filter DSL, in
// either dialect, paging through every match.
//
// With no THEHIVE_URL it runs against an in-memory TheHive (which speaks
// both dialects, so THEHIVE_DIALECT=v0 works there too). Set
// THEHIVE_URL and THEHIVE_API_KEY (and THEHIVE_ORG, THEHIVE_DIALECT=v0
// for TheHive 3/4) to search a real one.
//
//	go run ./examples/thehive-search
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/incidentkit/incidentkit/thehive"
	"github.com/incidentkit/incidentkit/thehive/filter"
	"github.com/incidentkit/incidentkit/thehive/thehivetest"
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
		fmt.Fprintln(os.Stderr, "thehive-search:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, env func(string) string) error {
	url, key := env("THEHIVE_URL"), env("THEHIVE_API_KEY")
	var opts []thehive.Option
	if org := env("THEHIVE_ORG"); org != "" {
		opts = append(opts, thehive.WithOrganisation(org))
	}
	if env("THEHIVE_DIALECT") == "v0" {
		opts = append(opts, thehive.WithDialect(thehive.V0))
	}
	if url == "" {
		srv := thehivetest.New()
		defer srv.Close()
		for i, title := range []string{"Phishing: payroll update", "Malware on HR-LT-07", "Phishing: shared invoice",
			"Brute force on VPN", "Phishing: MFA fatigue", "Data exfiltration alert", "Phishing: fake CEO"} {
			srv.AddCase(thehivetest.Case{Title: title, Description: "seeded", Severity: []int{2, 3, 4, 1, 3, 2, 4}[i],
				Tags: []string{map[bool]string{true: "phishing", false: "other"}[i%2 == 0]}})
		}
		url, key = srv.URL(), thehivetest.APIKey
		fmt.Fprintln(w, "(THEHIVE_URL is not set: searching an in-memory TheHive)")
	}
	c, err := thehive.NewClient(url, append(opts, thehive.WithAPIKey(key))...)
	if err != nil {
		return err
	}
	// Phishing cases of medium severity or above, highest first. The same
	// filter is encoded for TheHive 5 or 3/4 as the client's dialect says.
	f := filter.And(filter.Eq("tags", "phishing"), filter.Gte("severity", 2))
	total, err := c.Cases.Count(ctx, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d matching cases\n", total)
	opts2 := &thehive.ListOptions{Filter: f, Sort: []filter.Sort{filter.Desc("severity"), filter.Asc("title")}, PageSize: 2}
	for cs, err := range c.Cases.All(ctx, opts2) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  #%-3d %-8v %s\n", cs.Number, cs.Severity, cs.Title)
	}
	return nil
}
