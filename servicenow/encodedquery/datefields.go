package encodedquery

import (
	"strconv"
	"strings"
	"time"
)

// MoreThan matches when the date-time field is more than days days before
// (or, with before false, after) the date-time field other: ServiceNow's
// MORETHAN, written <field>MORETHAN<other>@day@<before|after>@<days>. The
// documentation reads sla_dueMORETHANactivity_due@day@before@1 as "two or
// more days before": the steps are whole days.
func (f Field) MoreThan(other Field, days int, before bool) Query {
	return f.dateDiff(opMoreThan, other, days, before)
}

// LessThan is MoreThan's opposite (LESSTHAN): no more than days days
// before (or after) other.
func (f Field) LessThan(other Field, days int, before bool) Query {
	return f.dateDiff(opLessThan, other, days, before)
}

func (f Field) dateDiff(op string, other Field, days int, before bool) Query {
	if err := checkField(string(other)); err != nil {
		return Query{err: err}
	}
	if days < 0 {
		return fail(string(f), op+" needs a number of days that is not negative")
	}
	dir := "after"
	if before {
		dir = "before"
	}
	return f.cond(op, string(other)+"@day@"+dir+"@"+strconv.Itoa(days))
}

// Comparison says how DATEPART compares a date's part: on, after, on or
// after, before, on or before.
type Comparison string

// Comparisons of DATEPART (the last argument of gs.datePart).
const (
	On         Comparison = "EE"
	After      Comparison = "GT"
	OnOrAfter  Comparison = "GE"
	Before     Comparison = "LT"
	OnOrBefore Comparison = "LE"
)

// OnWeekday matches date-times whose day of the week compares to day as
// cmp says (DATEPART with gs.datePart('dayofweek', ...)); the week starts
// on Sunday, so OnOrAfter Monday is every day but Sunday.
func (f Field) OnWeekday(day time.Weekday, cmp Comparison) Query {
	switch cmp {
	case On, After, OnOrAfter, Before, OnOrBefore:
	default:
		return fail(string(f), "DATEPART needs a comparison such as On or Before, not "+quote(string(cmp)))
	}
	if day < time.Sunday || day > time.Saturday {
		return fail(string(f), "DATEPART needs a day of the week")
	}
	name := day.String()
	return f.cond(opDatePart, name+"@javascript:gs.datePart('dayofweek','"+strings.ToLower(name)+"','"+string(cmp)+"')")
}

// OnDay matches date-times on the calendar day of day, in day's location:
// from its midnight (inclusive) to the next (exclusive), written as two
// UTC comparisons. ServiceNow's own ON with gs.dateGenerate would read the
// day in the session user's zone instead.
func (f Field) OnDay(day time.Time) Query {
	if day.IsZero() {
		return fail(string(f), "OnDay needs a day")
	}
	y, m, d := day.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, day.Location())
	return And(f.Gte(start), f.Lt(start.AddDate(0, 0, 1)))
}

// OnDate matches date-times on the calendar date of day (its year, month
// and day; its zone is not used) in the form the platform's list filters
// write: ON<date>@javascript:gs.dateGenerate('<date>','start')@…'end').
// The instance reads that date in the session user's time zone, so the
// day's bounds move with the user that runs the query; OnDay gives fixed
// bounds.
func (f Field) OnDate(day time.Time) Query {
	if day.IsZero() {
		return fail(string(f), "OnDate needs a day")
	}
	d := day.Format("2006-01-02")
	return f.cond(opOn, d+"@javascript:gs.dateGenerate('"+d+"','start')@javascript:gs.dateGenerate('"+d+"','end')")
}

// Join matches the records of table (the queried table) whose field
// equals joinField of some record of joinTable that matches conditions
// (one condition at most; the zero Query: any record). It writes
// JOIN<table>.<field>=<joinTable>.<joinField>!<condition>, the form
// ServiceNow's own ChangeCollisionHelper script include uses
// ("JOINcmdb_ci.sys_id=cmdb_rel_ci.parent!child=<sys_id>": the CIs that
// are a parent of the given child). It is one node: And and Or keep it
// whole.
func Join(table, field, joinTable, joinField string, conditions Query) Query {
	switch {
	case checkField(table) != nil || strings.Contains(table, "."):
		return fail("", "JOIN needs a table name, not "+quote(table))
	case checkField(field) != nil:
		return fail("", "JOIN needs a field name, not "+quote(field))
	case checkField(joinTable) != nil || strings.Contains(joinTable, "."):
		return fail("", "JOIN needs a table name, not "+quote(joinTable))
	case checkField(joinField) != nil:
		return fail("", "JOIN needs a field name, not "+quote(joinField))
	case conditions.err != nil:
		return Query{err: conditions.err}
	case conditions.Len() > 1 || len(conditions.orders) > 0:
		return fail("", "a JOIN takes one condition at most")
	}
	inner, err := conditions.Encode()
	if err != nil {
		return Query{err: err}
	}
	return Query{groups: []group{{{{value: "JOIN" + table + "." + field + "=" + joinTable + "." + joinField + "!" + inner, raw: true, nested: true}}}}}
}
