package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeTable writes the report as aligned text for a terminal: the
// incident rows, the counts per priority and the weekly met rates.
func writeTable(w io.Writer, rep *report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Open incidents as of %s\n\n", asOfText(rep.asOf))
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	cols := incidentColumns()
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	fmt.Fprintln(tw, strings.Join(heads, "\t"))
	cells := make([]string, len(cols))
	for _, r := range rep.rows {
		for i, c := range cols {
			cells[i] = c.text(r, rep)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if len(rep.rows) == 0 {
		fmt.Fprintln(tw, "(none)")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(bw)
	for _, p := range rep.priorities {
		fmt.Fprintf(bw, "%v: %d open, %d at risk, %d breached\n", p.prio, p.open, p.atRisk, p.breached)
	}
	fmt.Fprintf(bw, "\nSLAs met per ISO week (%s)\n", rep.loc)
	tw = tabwriter.NewWriter(bw, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "WEEK\tRESPONSE\tRESOLUTION")
	for i, wk := range rep.weeks {
		fmt.Fprintf(tw, "%s\t%s\t%s", wk.label(), metText(wk.response), metText(wk.resolution))
		if i == len(rep.weeks)-1 {
			fmt.Fprint(tw, "\t(so far)")
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// metText writes an outcome as " 71%  5 of 7", or "   -" when nothing
// was settled.
func metText(o outcome) string {
	pct, ok := o.rate()
	if !ok {
		return "   -"
	}
	return fmt.Sprintf("%3.0f%%  %d of %d", pct, o.met, o.settled())
}
