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
// holiday rules from github.com/rickar/cal/v2 (and, with
// WithActualDatesClosed, on their actual dates too, for calendars that work
// the weekend a holiday falls on) and on added dates. Hours are
// wall-clock: 09:00 is 09:00 on a day the clocks change, so such a day may
// hold an hour more or less of business time.
//
// A BusinessCalendar evaluates its holiday rules once per year and sums
// its business time once per week, on first use, and keeps both: Add and
// Between then cost a few days at each end and one step per whole week
// crossed, so a duration of any length finishes (ten years of office hours
// in microseconds). Only a search through closed time is bounded: after
// MaxSearchDays in a row without working time it returns
// ErrNoWorkingTime instead of looping.
//
// # Outcome rules
//
//   - A clock started outside working time begins counting at the next
//     opening; a start in the past (retroactive) is allowed. Add(t, 0) is
//     that opening too, where Add(t, ε) begins to count.
//   - A zero target is due at that opening and breached as soon as business
//     time passes: ServiceNow's SLACalculatorNG divides the elapsed time by
//     the duration, so its percentage reaches 100 with the first elapsed
//     second. Percent reads 0 until then and 100 after.
//   - A pause that begins before the start counts from the start, and one
//     opened before it makes the clock start paused: the clock was not
//     running before its start (ServiceNow's retroactive SLAs subtract
//     only the pauses after their start time, TaskSLA's retroactive_pause).
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
// # SLAs from a record's history
//
// A Definition drives an SLA by conditions on the record, as ServiceNow's
// SLA definitions do: start, stop, pause (and resume), cancel and reset
// conditions written as encodedquery queries, a fixed or relative target
// (EndOfNextBusinessDay, ByTimeOfDay), a calendar, a retroactive start at
// a field's time and thresholds. Replay runs a History (the record's
// changes in time order, as the clients' history loaders build it) through
// the definitions and returns every Instance with the fields of a
// ServiceNow task_sla row: start, end and pause times, pause durations
// (wall-clock and business), planned end and original breach time, 24×7
// and business elapsed time, percentage and time left, stage and its
// changes over time, has breached, and the instants its thresholds are
// crossed (NextCrossing for alerting). A bad definition or history is a
// *ReplayError naming the definition and the event.
//
// # Policies and errors
//
// DefaultPolicy holds the response and resolve targets per priority, each
// naming its calendar; Policy.Clocks starts both clocks for an incident.
// Every error caused by bad input matches ErrInvalid with errors.Is; a
// priority without a target matches ErrNoTarget.
package sla
