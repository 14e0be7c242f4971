package encodedquery

import (
	"strconv"
	"strings"
)

// Period is a named date range of ServiceNow's ON and NOTON operators,
// evaluated by the server in the session user's time zone.
type Period string

// Periods the platform names.
const (
	Today       Period = "Today"
	Yesterday   Period = "Yesterday"
	Tomorrow    Period = "Tomorrow"
	ThisWeek    Period = "This week"
	LastWeek    Period = "Last week"
	NextWeek    Period = "Next week"
	ThisMonth   Period = "This month"
	LastMonth   Period = "Last month"
	NextMonth   Period = "Next month"
	ThisQuarter Period = "This quarter"
	LastQuarter Period = "Last quarter"
	ThisYear    Period = "This year"
	LastYear    Period = "Last year"
	Last7Days   Period = "Last 7 days"
	Last30Days  Period = "Last 30 days"
	Last90Days  Period = "Last 90 days"
)

// periodFunc names the GlideSystem beginningOf/endOf function of p: its
// name without spaces ("Last 7 days": Last7Days).
func periodFunc(p Period) (string, bool) {
	switch p {
	case Today, Yesterday, Tomorrow, ThisWeek, LastWeek, NextWeek, ThisMonth, LastMonth, NextMonth,
		ThisQuarter, LastQuarter, ThisYear, LastYear, Last7Days, Last30Days, Last90Days:
		var b strings.Builder
		for _, word := range strings.Fields(string(p)) {
			b.WriteString(strings.ToUpper(word[:1]) + word[1:])
		}
		return b.String(), true
	}
	return "", false
}

// String returns the period's name.
func (p Period) String() string { return string(p) }

// bounds returns the GlideSystem functions that start and end p.
func (p Period) bounds() (string, bool) {
	fn, ok := periodFunc(p)
	if !ok {
		return "", false
	}
	return string(p) + "@javascript:gs.beginningOf" + fn + "()@javascript:gs.endOf" + fn + "()", true
}

// On matches dates and times within the period.
func (f Field) On(p Period) Query { return f.period(opOn, p) }

// NotOn matches dates and times outside the period.
func (f Field) NotOn(p Period) Query { return f.period(opNotOn, p) }

func (f Field) period(op string, p Period) Query {
	v, ok := p.bounds()
	if !ok {
		return fail(string(f), "unknown period "+strconv.Quote(string(p)))
	}
	return f.cond(op, v)
}

// Unit is a unit of RelativeAfter and RelativeBefore.
type Unit string

// Units of relative date conditions, spelled as the platform's condition
// builder writes them (days are "dayofweek").
const (
	Minute Unit = "minute"
	Hour   Unit = "hour"
	Day    Unit = "dayofweek"
	Month  Unit = "month"
	Year   Unit = "year"
)

// String returns the unit as the platform spells it.
func (u Unit) String() string { return string(u) }

// valid reports whether u is a unit the platform documents: minute, hour,
// dayofweek, month and year. Weeks and quarters are left out: no
// documented encoded query uses them.
func (u Unit) valid() bool {
	switch u {
	case Minute, Hour, Day, Month, Year:
		return true
	}
	return false
}

// RelativeAfter matches dates after n units before now (n < 0: after |n|
// units from now): "opened in the last 2 hours" is
// Field("opened_at").RelativeAfter(2, Hour). It encodes RELATIVEGT.
func (f Field) RelativeAfter(n int, u Unit) Query { return f.relative(opRelativeGt, n, u) }

// RelativeBefore matches dates before n units before now (n < 0: before
// |n| units from now). It encodes RELATIVELT.
func (f Field) RelativeBefore(n int, u Unit) Query { return f.relative(opRelativeLt, n, u) }

// RelativeOnOrAfter is RelativeAfter including the boundary. It encodes
// RELATIVEGE.
func (f Field) RelativeOnOrAfter(n int, u Unit) Query { return f.relative(opRelativeGe, n, u) }

// RelativeOnOrBefore is RelativeBefore including the boundary. It encodes
// RELATIVELE.
func (f Field) RelativeOnOrBefore(n int, u Unit) Query { return f.relative(opRelativeLe, n, u) }

// RelativeOn matches dates in the same unit as the instant n units before
// now (n < 0: from now), the condition builder's relative "on":
// Field("opened_at").RelativeOn(1, Day) is "opened yesterday". It encodes
// RELATIVEEE.
func (f Field) RelativeOn(n int, u Unit) Query { return f.relative(opRelativeEe, n, u) }

func (f Field) relative(op string, n int, u Unit) Query {
	if !u.valid() {
		return fail(string(f), "unknown unit "+strconv.Quote(string(u)))
	}
	dir := "ago"
	if n < 0 {
		dir, n = "ahead", -n
	}
	return f.cond(op, "@"+string(u)+"@"+dir+"@"+strconv.Itoa(n))
}
