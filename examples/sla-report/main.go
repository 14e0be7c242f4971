// Command sla-report lists the open ServiceNow incidents by priority with
// the state of their response and resolution SLAs, who holds them, and how
// the SLAs went week by week.
//
// With no environment set it starts an in-memory instance seeded with a
// realistic morning of SOC work and seven weeks of resolved incidents. To
// report on a real instance set
//
//	SERVICENOW_INSTANCE   https://<name>.service-now.com
//	SERVICENOW_USER       and SERVICENOW_PASSWORD (basic auth), or
//	SERVICENOW_TOKEN      an OAuth access token
//
// Targets are the default policy (P1 15 min / 4 h … P4 8 h / 72 h, 24×7).
// The response clock stops at the first work note or comment (or at the
// resolution, for an incident resolved without either); an incident on
// hold pauses its resolution clock from its last update. Pauses of
// incidents that are already resolved are not known to the report: their
// resolution clock runs from opening to resolution.
//
// Each SLA is in one of these states, spelled the same in every format:
// met, breached, at risk (running or paused with 75 % of the target used),
// paused, running; an incident whose priority has no target (P5) shows
// "no target".
//
// The weekly met rates count each SLA in the ISO week (in the -tz zone) in
// which it was settled: when it was met, or when its due time passed
// without it being met.
//
// Formats: table (the default) for a terminal; json and csv for other
// programs; html for a self-contained page with charts to share.
//
//	go run ./examples/sla-report
//	go run ./examples/sla-report -now 2026-11-23T12:00:00Z -tz Europe/Berlin
//	go run ./examples/sla-report -format html > sla-report.html
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	// Ctrl-C cancels ctx; every call takes its deadline from ctx, so a
	// server that accepts the connection and never answers cannot hang
	// the program.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli(ctx, os.Args[1:], os.Stdout, os.Stderr, configFromEnv())
	stop()
	os.Exit(code)
}

// cli runs the program with the command-line arguments args and returns
// its exit code: 0 on success (and for -h), 1 when the report failed, 2
// for bad arguments. Errors are written to stderr, the report to stdout.
func cli(ctx context.Context, args []string, stdout, stderr io.Writer, cfg config) int {
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // the flag set has printed the error and the usage
	}
	ctx, cancel := context.WithTimeout(ctx, opts.timeout)
	defer cancel()
	if err := run(ctx, stdout, stderr, cfg, opts); err != nil {
		fmt.Fprintln(stderr, "sla-report:", err)
		return 1
	}
	return 0
}

// run writes the report as of opts.now to stdout in opts.format. With no
// instance configured it reports on an in-memory one, and says so on
// stderr so that stdout holds only the report.
func run(ctx context.Context, stdout, stderr io.Writer, cfg config, opts options) error {
	source := instanceLabel(cfg.instance)
	if cfg.instance == "" {
		srv, fake := startFake(opts.now)
		defer srv.Close()
		cfg = fake
		source = "in-memory instance"
		fmt.Fprintln(stderr, "(SERVICENOW_INSTANCE is not set: reporting on an in-memory instance)")
	}
	c, err := newClient(cfg)
	if err != nil {
		return err
	}
	rep, err := collect(ctx, c, opts.now, opts.loc)
	if err != nil {
		return err
	}
	rep.source = source
	return write(stdout, rep, opts.format)
}

// config says where the incidents come from.
type config struct {
	instance, user, password, token string
}

// configFromEnv reads the instance and credentials from the environment.
func configFromEnv() config {
	return config{
		instance: os.Getenv("SERVICENOW_INSTANCE"),
		user:     os.Getenv("SERVICENOW_USER"),
		password: os.Getenv("SERVICENOW_PASSWORD"),
		token:    os.Getenv("SERVICENOW_TOKEN"),
	}
}
