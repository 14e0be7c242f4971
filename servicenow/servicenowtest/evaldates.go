package servicenowtest

import (
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// evalRelative decides RELATIVE{GT,LT,GE,LE,EE}@unit@ago|ahead@n against
// the fake's clock, in UTC. EE matches the same unit (minute, hour, day,
// month or year) as the instant named.
func (s *Server) evalRelative(op, v, value string) bool {
	at, ok := s.relative(value)
	if !ok || v == "" {
		return false
	}
	edge := at.Format(timeLayout)
	switch op {
	case "RELATIVEGT":
		return v > edge
	case "RELATIVELT":
		return v < edge
	case "RELATIVEGE":
		return v >= edge
	case "RELATIVELE":
		return v <= edge
	}
	unit, _, _ := strings.Cut(strings.TrimPrefix(value, "@"), "@")
	from := truncate(at.UTC(), unit)
	to := map[string]time.Time{
		"minute": from.Add(time.Minute), "hour": from.Add(time.Hour), "dayofweek": from.AddDate(0, 0, 1),
		"month": from.AddDate(0, 1, 0), "year": from.AddDate(1, 0, 0),
	}[unit]
	return v >= from.Format(timeLayout) && v < to.Format(timeLayout)
}

// truncate returns the start of the unit holding t.
func truncate(t time.Time, unit string) time.Time {
	y, m, d := t.Date()
	switch unit {
	case "minute":
		return t.Truncate(time.Minute)
	case "hour":
		return t.Truncate(time.Hour)
	case "month":
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case "year":
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// fieldOf returns the other field of a MORETHAN/LESSTHAN value
// ("other@day@before@1").
func fieldOf(value string) string {
	f, _, _ := strings.Cut(value, "@")
	return f
}

// evalDayDiff decides MORETHAN/LESSTHAN other@day@before|after@n: the
// field lies more (or less) than n whole days before (or after) other.
func evalDayDiff(op, v, other, value string) bool {
	parts := strings.Split(value, "@")
	if len(parts) != 4 || parts[1] != "day" {
		return false
	}
	n, err := strconv.Atoi(parts[3])
	a, errA := time.Parse(timeLayout, v)
	b, errB := time.Parse(timeLayout, other)
	if err != nil || errA != nil || errB != nil {
		return false
	}
	gap := b.Sub(a) // how far v lies before other
	if parts[2] == "after" {
		gap = -gap
	}
	limit := time.Duration(n) * 24 * time.Hour
	if op == "MORETHAN" {
		return gap > limit
	}
	return gap >= 0 && gap < limit
}

// evalDatePart decides DATEPART<Day>@javascript:gs.datePart('dayofweek',
// '<day>','<EE|GT|GE|LT|LE>') on the UTC day of the week, Sunday first.
func evalDatePart(v, value string) bool {
	t, err := time.Parse(timeLayout, v)
	if err != nil {
		return false
	}
	args := strings.Split(strings.TrimSuffix(value[strings.Index(value, "(")+1:], ")"), ",")
	if len(args) != 3 || strings.Trim(args[0], "'") != "dayofweek" {
		return false
	}
	want := -1
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), strings.Trim(args[1], "'")) {
			want = int(d)
		}
	}
	got := int(t.Weekday())
	switch strings.Trim(args[2], "'") {
	case "EE":
		return got == want
	case "GT":
		return want >= 0 && got > want
	case "GE":
		return want >= 0 && got >= want
	case "LT":
		return got < want
	case "LE":
		return got <= want
	}
	return false
}

// evalJoin decides JOIN<table>.<field>=<joinTable>.<joinField>!<condition>:
// some record of joinTable whose joinField equals rec's field matches the
// condition. Callers hold s.mu.
func (s *Server) evalJoin(tableName string, rec Record, left, right string) bool {
	_, field, ok := strings.Cut(left, ".")
	target, cond, ok2 := strings.Cut(right, "!")
	joinTable, joinField, ok3 := strings.Cut(target, ".")
	if !ok || !ok2 || !ok3 {
		return false
	}
	t, exists := s.tables[joinTable]
	if !exists {
		return false
	}
	q, err := encodedquery.Parse(cond)
	if err != nil {
		return false
	}
	v := s.lookup(tableName, rec, field)
	for _, other := range t.rows {
		if other[joinField] == v && q.Match(func(c encodedquery.Condition) bool { return s.eval(joinTable, other, c) }) {
			return true
		}
	}
	return false
}
