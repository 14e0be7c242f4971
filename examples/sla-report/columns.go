package main

import (
	"fmt"
	"time"
)

// column is one column of the incident rows. The table, CSV, JSON and
// HTML formats all take their columns from incidentColumns, so they hold
// the same data: the table and HTML as text for people, CSV and JSON as
// values for programs.
type column struct {
	head string // the table's and the HTML's heading
	key  string // the CSV header and the JSON member name
	// text is the cell for people; value the cell for programs: a string,
	// an int64, a float64 or nil (JSON null, an empty CSV cell).
	text  func(r incidentRow, rep *report) string
	value func(r incidentRow, rep *report) any
	// state, when set, is the SLA state the cell shows (the HTML colours
	// it).
	state func(r incidentRow) slaState
	// full, when set, is the cell for the HTML, which has room for what
	// text shortens.
	full func(r incidentRow) string
	// numeric columns are aligned right.
	numeric bool
	// tip introduces the exact value in the HTML cell's tooltip, where
	// the text shows it shortened or relative ("opened ").
	tip string
}

// descWidth is how many characters of the short description the table
// shows.
const descWidth = 38

// incidentColumns returns the columns of the incident rows, in order.
func incidentColumns() []column {
	str := func(f func(r incidentRow) string) func(incidentRow, *report) any {
		return func(r incidentRow, _ *report) any { return f(r) }
	}
	// target returns v for a row with a target, nil for one without.
	target := func(f func(r incidentRow, rep *report) any) func(incidentRow, *report) any {
		return func(r incidentRow, rep *report) any {
			if !r.hasTarget {
				return nil
			}
			return f(r, rep)
		}
	}
	dash := func(f func(r incidentRow, rep *report) string) func(incidentRow, *report) string {
		return func(r incidentRow, rep *report) string {
			if !r.hasTarget {
				return "-"
			}
			return f(r, rep)
		}
	}
	return []column{
		{head: "NUMBER", key: "number",
			text:  func(r incidentRow, _ *report) string { return r.number },
			value: str(func(r incidentRow) string { return r.number })},
		{head: "P", key: "priority",
			text:  func(r incidentRow, _ *report) string { return r.prio.String() },
			value: str(func(r incidentRow) string { return r.prio.String() })},
		{head: "STATE", key: "state",
			text:  func(r incidentRow, _ *report) string { return r.state },
			value: str(func(r incidentRow) string { return r.state })},
		{head: "GROUP", key: "assignment_group",
			text:  func(r incidentRow, _ *report) string { return orDash(r.group) },
			value: str(func(r incidentRow) string { return r.group })},
		{head: "ASSIGNEE", key: "assigned_to",
			text:  func(r incidentRow, _ *report) string { return orDash(r.assignee) },
			value: str(func(r incidentRow) string { return r.assignee })},
		{head: "AGE", key: "opened_at", numeric: true, tip: "opened ",
			text:  func(r incidentRow, rep *report) string { return span(r.age(rep.asOf)) },
			value: func(r incidentRow, rep *report) any { return instant(r.opened, rep.loc) }},
		{head: "RESPONSE", key: "response",
			text:  func(r incidentRow, _ *report) string { return string(r.responseState()) },
			value: str(func(r incidentRow) string { return string(r.responseState()) }),
			state: incidentRow.responseState},
		{head: "RESOLUTION", key: "resolution",
			text:  func(r incidentRow, _ *report) string { return string(r.resolutionState()) },
			value: str(func(r incidentRow) string { return string(r.resolutionState()) }),
			state: incidentRow.resolutionState},
		{head: "RESOLVE BY", key: "resolve_by", tip: "due ",
			text:  dash(func(r incidentRow, rep *report) string { return shortTime(r.resolution.Due, rep.loc) }),
			value: target(func(r incidentRow, rep *report) any { return instant(r.resolution.Due, rep.loc) })},
		{head: "LEFT", key: "left_seconds", numeric: true,
			text:  dash(func(r incidentRow, _ *report) string { return left(r.resolution.Remaining) }),
			value: target(func(r incidentRow, _ *report) any { return int64(r.resolution.Remaining / time.Second) })},
		{head: "USED", key: "used_percent", numeric: true,
			text:  dash(func(r incidentRow, _ *report) string { return fmt.Sprintf("%.0f%%", r.resolution.Percent) }),
			value: target(func(r incidentRow, _ *report) any { return round1(r.resolution.Percent) })},
		{head: "SHORT DESCRIPTION", key: "short_description",
			text:  func(r incidentRow, _ *report) string { return clip(r.desc, descWidth) },
			value: str(func(r incidentRow) string { return r.desc }),
			full:  func(r incidentRow) string { return r.desc }},
	}
}
