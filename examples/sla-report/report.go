package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
)

// row is one incident's line of the report.
type row struct {
	number, desc, state string
	prio                sla.Priority
	response, resolve   sla.Status
	hasTarget           bool
}

// run prints the report as of now.
func run(ctx context.Context, w io.Writer, cfg config, now time.Time) error {
	if cfg.instance == "" {
		srv, fake := startFake(now)
		defer srv.Close()
		cfg = fake
		fmt.Fprintln(w, "(SERVICENOW_INSTANCE is not set: reporting on an in-memory instance)")
		fmt.Fprintln(w)
	}
	opts := []servicenow.Option{servicenow.WithTimeout(30 * time.Second)}
	switch {
	case cfg.token != "":
		opts = append(opts, servicenow.WithBearerToken(cfg.token))
	default:
		opts = append(opts, servicenow.WithBasicAuth(cfg.user, cfg.password))
	}
	c, err := servicenow.NewClient(cfg.instance, opts...)
	if err != nil {
		return err
	}
	open := encodedquery.And(
		encodedquery.Field("active").Eq(true),
		encodedquery.Field("state").NotIn(servicenow.StateResolved, servicenow.StateClosed, servicenow.StateCanceled),
	).OrderBy("priority", "opened_at")
	policy := sla.DefaultPolicy()
	priorities := sla.DefaultServiceNowPriorities()
	var rows []row
	for inc, err := range c.Incidents.All(ctx, &servicenow.ListOptions{Query: open}) {
		if err != nil {
			return err
		}
		r, err := assess(ctx, c, inc, policy, priorities, now)
		if err != nil {
			return fmt.Errorf("%s: %w", inc.Number, err)
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].prio != rows[j].prio {
			return rows[i].prio < rows[j].prio
		}
		return rows[i].resolve.Due.Before(rows[j].resolve.Due)
	})
	print(w, rows, now)
	return nil
}

// assess computes both SLA clocks of an incident.
func assess(ctx context.Context, c *servicenow.Client, inc *servicenow.Incident, policy sla.Policy,
	priorities sla.ServiceNowPriorities, now time.Time) (row, error) {
	r := row{number: inc.Number, desc: inc.ShortDescription, state: inc.State.String()}
	var n int
	_, _ = fmt.Sscan(string(inc.Priority), &n)
	p, ok := priorities.Priority(n)
	if !ok {
		return r, fmt.Errorf("priority %q has no SLA mapping", inc.Priority)
	}
	r.prio = p
	response, resolve, err := policy.Clocks(p, inc.OpenedAt.Time)
	if err != nil {
		return r, nil // no target (P5): listed without SLA figures
	}
	r.hasTarget = true
	journal, err := c.Incidents.Journal(ctx, inc.SysID)
	if err != nil {
		return r, err
	}
	if len(journal) > 0 {
		if err := response.Stop(journal[0].CreatedOn.Time); err != nil {
			return r, err
		}
	}
	if inc.State == servicenow.StateOnHold {
		if err := resolve.Pause(inc.UpdatedOn.Time); err != nil {
			return r, err
		}
	}
	if r.response, err = response.Status(now); err != nil {
		return r, err
	}
	if r.resolve, err = resolve.Status(now); err != nil {
		return r, err
	}
	return r, nil
}

func print(w io.Writer, rows []row, now time.Time) {
	fmt.Fprintf(w, "Open incidents as of %s UTC\n\n", now.Format("2006-01-02 15:04"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tP\tSTATE\tRESPONSE\tRESOLVE BY\tLEFT\tUSED\tRESOLUTION\tFLAG\tSHORT DESCRIPTION")
	type tally struct{ open, risk, breached int }
	counts := map[sla.Priority]*tally{}
	for _, r := range rows {
		t := counts[r.prio]
		if t == nil {
			t = &tally{}
			counts[r.prio] = t
		}
		t.open++
		if !r.hasTarget {
			fmt.Fprintf(tw, "%s\t%v\t%s\t-\t-\t-\t-\tno target\t\t%s\n", r.number, r.prio, r.state, clip(r.desc))
			continue
		}
		flag := ""
		switch {
		case r.resolve.Stage == sla.Breached || r.response.Stage == sla.Breached:
			flag = "BREACHED"
			t.breached++
		case r.resolve.AtRisk || r.response.AtRisk:
			flag = "AT RISK"
			t.risk++
		}
		fmt.Fprintf(tw, "%s\t%v\t%s\t%s\t%s\t%s\t%.0f%%\t%s\t%s\t%s\n", r.number, r.prio, r.state, responseText(r.response),
			r.resolve.Due.Format("Jan 02 15:04"), left(r.resolve.Remaining), r.resolve.Percent, r.resolve.Stage, flag, clip(r.desc))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, p := range []sla.Priority{sla.P1, sla.P2, sla.P3, sla.P4, sla.P5} {
		if t := counts[p]; t != nil {
			fmt.Fprintf(w, "%v: %d open, %d at risk, %d breached\n", p, t.open, t.risk, t.breached)
		}
	}
}

// responseText says how the first response went.
func responseText(s sla.Status) string {
	switch s.Stage {
	case sla.Met:
		return "met"
	case sla.Breached:
		return "late"
	}
	return "due " + s.Due.Format("15:04")
}

// left writes a remaining duration as "1h05m", or "-20m" when overdue.
func left(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	if h >= 24 {
		return fmt.Sprintf("%s%dd%02dh", sign, h/24, h%24)
	}
	if h > 0 {
		return fmt.Sprintf("%s%dh%02dm", sign, h, m)
	}
	return fmt.Sprintf("%s%dm", sign, m)
}

func clip(s string) string {
	if len([]rune(s)) > 38 {
		return strings.TrimSpace(string([]rune(s)[:37])) + "…"
	}
	return s
}
