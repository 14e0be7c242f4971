package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/sla"
)

// assessment is one incident with both SLA clocks as of the report, and
// when each SLA was settled.
type assessment struct {
	row  incidentRow
	open bool // not resolved or closed: the incident is a row of the report
	// responseSettled and resolutionSettled are the instants each SLA was
	// settled: the stop of a clock that met its target, the due time of
	// one that breached. They are zero while the clock runs, and for an
	// incident without a target.
	responseSettled, resolutionSettled time.Time
}

// assess computes both SLA clocks of an incident as of now, given when it
// was first answered (zero: not yet). The response clock stops at that
// first work note or comment, or at the resolution of an incident resolved
// without one. The resolution clock stops at the resolution; an open
// incident on hold pauses it from its last update. An incident whose
// priority has no target is returned with
// row.hasTarget false and no clock figures.
func assess(inc *servicenow.Incident, firstNote time.Time, policy sla.Policy,
	priorities sla.ServiceNowPriorities, now time.Time) (assessment, error) {
	a := assessment{
		row: incidentRow{
			number: inc.Number, desc: inc.ShortDescription, state: inc.State.String(),
			group: inc.AssignmentGroup.DisplayValue, assignee: inc.AssignedTo.DisplayValue,
			opened: inc.OpenedAt.Time,
		},
		open: inc.State != servicenow.StateResolved && inc.State != servicenow.StateClosed,
	}
	var n int
	_, _ = fmt.Sscan(string(inc.Priority), &n)
	p, ok := priorities.Priority(n)
	if !ok {
		return a, fmt.Errorf("priority %q has no SLA mapping", inc.Priority)
	}
	a.row.prio = p
	response, resolution, err := policy.Clocks(p, inc.OpenedAt.Time)
	if errors.Is(err, sla.ErrNoTarget) {
		return a, nil
	}
	if err != nil {
		return a, err
	}
	a.row.hasTarget = true
	resolved := resolvedAt(inc)
	responded := resolved
	if !firstNote.IsZero() && (resolved.IsZero() || firstNote.Before(resolved)) {
		responded = firstNote
	}
	if !responded.IsZero() {
		if err := response.Stop(responded); err != nil {
			return a, err
		}
	}
	switch {
	case !resolved.IsZero():
		if err := resolution.Stop(resolved); err != nil {
			return a, err
		}
	case inc.State == servicenow.StateOnHold:
		if err := resolution.Pause(inc.UpdatedOn.Time); err != nil {
			return a, err
		}
	}
	if a.row.response, err = response.Status(now); err != nil {
		return a, err
	}
	if a.row.resolution, err = resolution.Status(now); err != nil {
		return a, err
	}
	a.responseSettled = settledAt(a.row.response, responded)
	a.resolutionSettled = settledAt(a.row.resolution, resolved)
	return a, nil
}

// resolvedAt is when a resolved or closed incident was resolved (its
// closing time, or last update, when the instance left resolved_at
// empty); zero for an open incident.
func resolvedAt(inc *servicenow.Incident) time.Time {
	if inc.State != servicenow.StateResolved && inc.State != servicenow.StateClosed {
		return time.Time{}
	}
	for _, t := range []servicenow.Time{inc.ResolvedAt, inc.ClosedAt, inc.UpdatedOn} {
		if !t.IsZero() {
			return t.Time
		}
	}
	return time.Time{}
}

// settledAt is when a clock in status s was settled, given the instant it
// stopped (zero if it has not): the stop when it met its target, the due
// time when it breached, zero while it runs.
func settledAt(s sla.Status, stopped time.Time) time.Time {
	switch s.Stage {
	case sla.Met:
		return stopped
	case sla.Breached:
		return s.Due
	}
	return time.Time{}
}
