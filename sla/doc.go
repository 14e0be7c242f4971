// Package sla computes incident priorities from impact and urgency, response
// and resolution targets, business-hours calendars and SLA clocks. It makes
// no network calls.
//
// # Priorities and mappings
//
// Priority runs from P1 (critical) to P5 (planning). DefaultMatrix returns
// ServiceNow's impact × urgency lookup; it is a plain value that can be
// copied and changed. DefaultServiceNowPriorities, DefaultTheHiveSeverities
// and DefaultMISPThreatLevels return fresh, replaceable tables.
// ParsePriority accepts "P1", "1", "1 - Critical", "critical", "High" and
// similar spellings.
//
// # Calendars
//
// AlwaysOpen is the 24×7 calendar. A BusinessCalendar holds working
// intervals per weekday in a time.Location, closed on the observed dates of
// holiday rules from github.com/rickar/cal/v2 and on added dates. Hours are
// wall-clock: 09:00 is 09:00 on a day the clocks change, so such a day may
// hold an hour more or less of business time. Every search is bounded to
// MaxSearchDays; a calendar with no working time within that bound returns
// ErrNoWorkingTime instead of looping.
//
// # Outcome rules
//
//   - A clock started outside working time begins counting at the next
//     opening; a start in the past (retroactive) is allowed.
//   - A due time that lands exactly on a close is that close, not the next
//     opening.
//   - Pauses subtract only their business (in-schedule) part, and move the
//     due time by that amount when they begin before it. An open pause keeps
//     moving the due time until it is resumed or the clock stops.
//   - Stopped at or before the due time is Met; stopped after it is
//     Breached. A running or paused clock whose instant is past the due time
//     is Breached; otherwise Paused inside an open pause, else Running.
//   - Percent is elapsed business time over the target and may pass 100;
//     Remaining goes negative on overrun.
//   - AtRisk is set for a running or paused clock at or above the threshold
//     (DefaultAtRisk, 75 %, changeable with Clock.SetAtRisk).
//
// # Policies and errors
//
// DefaultPolicy holds the response and resolve targets per priority, each
// naming its calendar; Policy.Clocks starts both clocks for an incident.
// Every error caused by bad input matches ErrInvalid with errors.Is; a
// priority without a target matches ErrNoTarget.
package sla
