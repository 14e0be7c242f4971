package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/incidentkit/incidentkit/sla"
)

// reportTemplate is the HTML page: well-formed XHTML-compatible markup
// (every element closed, void ones as <x/>, no named entities), one file
// with its CSS inline and its charts as inline SVG.
//
//go:embed report.html.tmpl
var reportTemplate string

// htmlPage is what the template shows.
type htmlPage struct {
	Title, AsOf, Source string
	Cards               []htmlCard
	Charts              []svgChart
	Heads               []htmlHead
	Rows                []htmlRow
	Targets             []string
	AtRisk              string
}

// htmlCard is one headline figure above the charts.
type htmlCard struct{ Label, Value, Note, Class string }

// htmlHead is a column heading of the incident table; Class is "num"
// for a numeric column.
type htmlHead struct{ Text, Class string }

// htmlRow is one incident of the table; Class marks a row with an SLA
// breached or at risk.
type htmlRow struct {
	Class string
	Cells []htmlCell
}

// htmlCell is a table cell: its text, the state class of a state cell
// (shown as a badge), a tooltip with the exact value where the text is
// shortened, and its class: "num" for a number, "desc" for the free
// text.
type htmlCell struct{ Text, Badge, Tip, Class string }

// writeHTML writes the report as one self-contained HTML page.
func writeHTML(w io.Writer, rep *report) error {
	t, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, newHTMLPage(rep))
}

// newHTMLPage lays out the page for a report.
func newHTMLPage(rep *report) htmlPage {
	asOf := asOfText(rep.asOf)
	p := htmlPage{
		Title:  "SLA report — open incidents as of " + asOf,
		AsOf:   asOf,
		Source: rep.source,
		Cards:  headlineCards(rep),
		Charts: reportCharts(rep),
		AtRisk: fmt.Sprintf("%.0f %%", sla.DefaultAtRisk),
	}
	cols := incidentColumns()
	for _, c := range cols {
		p.Heads = append(p.Heads, htmlHead{Text: c.head, Class: cellClass(c)})
	}
	for _, r := range rep.rows {
		row := htmlRow{}
		for _, c := range cols {
			cell := htmlCell{Text: c.text(r, rep), Class: cellClass(c)}
			if c.full != nil {
				cell.Text, cell.Class = c.full(r), "desc"
			}
			if s, ok := c.value(r, rep).(string); ok && s != "" && s != cell.Text {
				cell.Tip = c.tip + s
			}
			if c.state != nil {
				st := c.state(r)
				cell.Badge = st.class()
				switch {
				case st == stateBreached:
					row.Class = "breached"
				case st == stateAtRisk && row.Class == "":
					row.Class = "at-risk"
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		p.Rows = append(p.Rows, row)
	}
	for _, pr := range []sla.Priority{sla.P1, sla.P2, sla.P3, sla.P4, sla.P5} {
		if t, ok := rep.policy.Target(pr); ok {
			hours := "business hours"
			switch t.Calendar.(type) {
			case nil, sla.AlwaysOpen, *sla.AlwaysOpen:
				hours = "24×7"
			}
			p.Targets = append(p.Targets, fmt.Sprintf("%v: respond within %s, resolve within %s (%s)", pr, span(t.Response), span(t.Resolve), hours))
		} else {
			p.Targets = append(p.Targets, fmt.Sprintf("%v: no target", pr))
		}
	}
	return p
}

// cellClass is the class of a column's cells: "num" for numbers.
func cellClass(c column) string {
	if c.numeric {
		return "num"
	}
	return ""
}

// headlineCards are the figures at the top of the page: open, breached
// and at risk incidents, and the met rates over the weeks of the report.
func headlineCards(rep *report) []htmlCard {
	var open, breached, atRisk int
	for _, p := range rep.priorities {
		open += p.open
		breached += p.breached
		atRisk += p.atRisk
	}
	var response, resolution outcome
	for _, w := range rep.weeks {
		response.met += w.response.met
		response.breached += w.response.breached
		resolution.met += w.resolution.met
		resolution.breached += w.resolution.breached
	}
	rate := func(label string, o outcome) htmlCard {
		pct, ok := o.rate()
		if !ok {
			return htmlCard{Label: label, Value: "–", Note: "nothing settled"}
		}
		return htmlCard{Label: label, Value: fmt.Sprintf("%.0f%%", pct),
			Note: fmt.Sprintf("%d of %d in %d weeks", o.met, o.settled(), len(rep.weeks))}
	}
	return []htmlCard{
		{Label: "Open incidents", Value: fmt.Sprint(open)},
		{Label: "SLA breached", Value: fmt.Sprint(breached), Note: "open incidents", Class: stateBreached.class()},
		{Label: "SLA at risk", Value: fmt.Sprint(atRisk), Note: "open incidents", Class: stateAtRisk.class()},
		rate("Response met", response),
		rate("Resolution met", resolution),
	}
}
