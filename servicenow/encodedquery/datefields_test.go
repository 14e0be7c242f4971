package encodedquery

import (
	"errors"
	"testing"
	"time"
)

// TestDateFieldOperators checks MORETHAN/LESSTHAN (the encoded query
// documentation's sla_dueMORETHANactivity_due@day@before@1), DATEPART
// with gs.datePart, a calendar day, and a JOIN in the form of ServiceNow's
// ChangeCollisionHelper.
func TestDateFieldOperators(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	day := time.Date(2026, 12, 2, 15, 4, 5, 0, paris)
	tests := []struct {
		name string
		q    Query
		want string
	}{
		{name: "more than before", q: Field("sla_due").MoreThan("activity_due", 1, true), want: "sla_dueMORETHANactivity_due@day@before@1"},
		{name: "less than after", q: Field("resolved_at").LessThan("opened_at", 3, false), want: "resolved_atLESSTHANopened_at@day@after@3"},
		{name: "weekday", q: Field("sla_due").OnWeekday(time.Monday, On),
			want: "sla_dueDATEPARTMonday@javascript:gs.datePart('dayofweek','monday','EE')"},
		{name: "weekday before", q: Field("opened_at").OnWeekday(time.Saturday, Before),
			want: "opened_atDATEPARTSaturday@javascript:gs.datePart('dayofweek','saturday','LT')"},
		{name: "calendar day in its zone", q: Field("opened_at").OnDay(day),
			want: "opened_at>=2026-12-01 23:00:00^opened_at<2026-12-02 23:00:00"},
		{name: "calendar date as the filters write it", q: Field("opened_at").OnDate(day),
			want: "opened_atON2026-12-02@javascript:gs.dateGenerate('2026-12-02','start')@javascript:gs.dateGenerate('2026-12-02','end')"},
		{name: "period with a number", q: Field("opened_at").On(Last7Days), want: "opened_atONLast 7 days@javascript:gs.beginningOfLast7Days()@javascript:gs.endOfLast7Days()"},
		{name: "period of two words", q: Field("opened_at").NotOn(ThisQuarter), want: "opened_atNOTONThis quarter@javascript:gs.beginningOfThisQuarter()@javascript:gs.endOfThisQuarter()"},
		{name: "join", q: Join("cmdb_ci", "sys_id", "cmdb_rel_ci", "parent", Field("child").Eq("27e52cc8c0a8000b0067d0b66b8a66de")),
			want: "JOINcmdb_ci.sys_id=cmdb_rel_ci.parent!child=27e52cc8c0a8000b0067d0b66b8a66de"},
		{name: "join without condition", q: Join("incident", "problem_id", "problem", "sys_id", Query{}),
			want: "JOINincident.problem_id=problem.sys_id!"},
		{name: "join stays whole in an or", q: Or(Field("active").Eq(true), Join("incident", "problem_id", "problem", "sys_id", Field("active").Eq(false))),
			want: "active=true^ORJOINincident.problem_id=problem.sys_id!active=false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { encodeAndParse(t, tt.q, tt.want) })
	}
	for name, q := range map[string]Query{
		"negative days":     Field("sla_due").MoreThan("activity_due", -1, true),
		"bad other field":   Field("sla_due").LessThan("activity due", 1, true),
		"bad comparison":    Field("sla_due").OnWeekday(time.Monday, Comparison("XX")),
		"bad weekday":       Field("sla_due").OnWeekday(time.Weekday(7), On),
		"zero day":          Field("opened_at").OnDay(time.Time{}),
		"zero date":         Field("opened_at").OnDate(time.Time{}),
		"join dotted table": Join("cmdb_ci.x", "sys_id", "cmdb_rel_ci", "parent", Query{}),
		"join bad field":    Join("cmdb_ci", "sys id", "cmdb_rel_ci", "parent", Query{}),
		"join two conds":    Join("cmdb_ci", "sys_id", "cmdb_rel_ci", "parent", And(Field("a").Eq(1), Field("b").Eq(2))),
		"join bad inner":    Join("cmdb_ci", "sys_id", "cmdb_rel_ci", "parent", Field("a").Between(3, 1)),
	} {
		if _, err := q.Encode(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want an input error", name, err)
		}
	}
}
