package main

import (
	"sort"
	"time"

	"github.com/incidentkit/incidentkit/sla"
)

// report is everything the formats show: the open incidents, their counts
// per priority and the weekly met rates. Every format writes the same
// report; none computes figures of its own.
type report struct {
	asOf       time.Time      // the instant the report is as of, in loc
	loc        *time.Location // the zone times are shown in
	source     string         // the instance's URL, or a note that it is the in-memory one
	policy     sla.Policy     // the targets the clocks ran against
	rows       []incidentRow  // the open incidents, by priority then resolution due time
	priorities []priorityCount
	weeks      []weekRate // oldest first; the last is the current week
}

// incidentRow is one open incident with both SLA clocks as of the report.
type incidentRow struct {
	number, desc, state string
	prio                sla.Priority
	group, assignee     string    // display names; empty when unassigned
	opened              time.Time // UTC
	// hasTarget is false for a priority without a target (P5): the row is
	// listed without SLA figures.
	hasTarget            bool
	response, resolution sla.Status
}

// age is how long the incident has been open at instant now.
func (r incidentRow) age(now time.Time) time.Duration { return now.Sub(r.opened) }

// responseState and resolutionState name the clocks' states in the
// report's vocabulary.
func (r incidentRow) responseState() slaState   { return stateOf(r.response, r.hasTarget) }
func (r incidentRow) resolutionState() slaState { return stateOf(r.resolution, r.hasTarget) }

// priorityCount tallies the open incidents of one priority. An incident
// with either SLA breached counts as breached; one with an SLA at risk
// and none breached counts as at risk.
type priorityCount struct {
	prio                   sla.Priority
	open, atRisk, breached int
}

// newReport builds the report from the assessed incidents: the open ones
// become rows and counts, and every settled SLA of the last historyWeeks
// weeks goes into the weekly met rates.
func newReport(assessed []assessment, policy sla.Policy, now time.Time, loc *time.Location) *report {
	rep := &report{asOf: now.In(loc), loc: loc, policy: policy}
	weeks := newWeekTally(now, loc, historyWeeks)
	for _, a := range assessed {
		weeks.add(a)
		if a.open {
			rep.rows = append(rep.rows, a.row)
		}
	}
	sort.SliceStable(rep.rows, func(i, j int) bool {
		a, b := rep.rows[i], rep.rows[j]
		if a.prio != b.prio {
			return a.prio < b.prio
		}
		return a.resolution.Due.Before(b.resolution.Due)
	})
	rep.priorities = countByPriority(rep.rows)
	rep.weeks = weeks.rates()
	return rep
}

// countByPriority tallies rows, sorted by priority, per priority present,
// from P1 down.
func countByPriority(rows []incidentRow) []priorityCount {
	var out []priorityCount
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].prio != r.prio {
			out = append(out, priorityCount{prio: r.prio})
		}
		c := &out[len(out)-1]
		c.open++
		resp, res := r.responseState(), r.resolutionState()
		switch {
		case resp == stateBreached || res == stateBreached:
			c.breached++
		case resp == stateAtRisk || res == stateAtRisk:
			c.atRisk++
		}
	}
	return out
}
