package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // -tz works where the system has no zone database
)

// options are the parsed command-line flags.
type options struct {
	now     time.Time      // the instant the report is as of, UTC
	timeout time.Duration  // the whole run's deadline
	format  format         // how the report is written
	loc     *time.Location // the zone times are shown in and weeks counted in
}

// format is an output format of the report.
type format string

// The output formats.
const (
	formatTable format = "table"
	formatJSON  format = "json"
	formatCSV   format = "csv"
	formatHTML  format = "html"
)

// formats lists the output formats in the order the usage names them.
func formats() []format { return []format{formatTable, formatJSON, formatCSV, formatHTML} }

// parseFormat returns the format named s.
func parseFormat(s string) (format, error) {
	for _, f := range formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: want table, json, csv or html", s)
}

// parseZone returns the IANA time zone named s ("UTC", "Europe/Berlin").
func parseZone(s string) (*time.Location, error) {
	if s == "" {
		return nil, fmt.Errorf("empty time zone: want an IANA name such as UTC, Europe/Berlin or America/New_York")
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: want an IANA name such as UTC, Europe/Berlin or America/New_York", s)
	}
	return loc, nil
}

// parseFlags parses the command line. Errors and -h output go to stderr;
// a bad value is reported with the flag's name and the values it takes.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	opts := options{now: time.Now().UTC(), format: formatTable, loc: time.UTC}
	fs := flag.NewFlagSet("sla-report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: sla-report [flags]

Lists the open ServiceNow incidents with the state of their response and
resolution SLAs (met, breached, at risk, paused, running), and the share of
SLAs met per ISO week. Set SERVICENOW_INSTANCE and SERVICENOW_USER with
SERVICENOW_PASSWORD, or SERVICENOW_TOKEN, to report on an instance; without
them the report runs against an in-memory one.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.Func("now", "report as of this RFC 3339 `instant` (default: the current time)", func(s string) error {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return fmt.Errorf("want an RFC 3339 instant such as 2026-11-23T12:00:00Z")
		}
		opts.now = t.UTC()
		return nil
	})
	fs.DurationVar(&opts.timeout, "timeout", 2*time.Minute, "give up after this `duration`")
	fs.Func("format", strings.Join([]string{
		"output `format`: table, json, csv or html (default table).",
		"json and csv carry the table's columns: times in RFC 3339 in the -tz zone,",
		"time left in whole seconds (left_seconds, negative once overdue), time used in percent;",
		"json adds the per-priority counts and the weekly met rates; csv holds the incident rows.",
		"html is one self-contained page with charts and the table",
	}, "\n"), func(s string) error {
		f, err := parseFormat(s)
		opts.format = f
		return err
	})
	fs.Func("tz", "show times in this IANA time `zone`, and count ISO weeks in it (default UTC)", func(s string) error {
		loc, err := parseZone(s)
		opts.loc = loc
		return err
	})
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(stderr, err)
		fs.Usage()
		return options{}, err
	}
	return opts, nil
}
