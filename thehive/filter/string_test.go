package filter

import (
	"fmt"
	"testing"
)

func TestFilterString(t *testing.T) {
	tests := []struct {
		f    Filter
		want string
	}{
		{f: Filter{}, want: "Filter{}"},
		{f: Eq("status", "New"), want: `Eq("status", "New")`},
		{f: Gte("severity", severity(3)), want: `Gte("severity", 3)`},
		{f: Lt("_createdAt", t0), want: `Lt("_createdAt", 2024-12-17T08:47:04.596Z)`},
		{f: Gt("_createdAt", &t0), want: `Gt("_createdAt", 2024-12-17T08:47:04.596Z)`},
		{f: Eq("a", nil), want: `Eq("a", nil)`},
		{f: Gt("d", Ago(2, Days).StartOfDay()), want: `Gt("d", RelativeDate(2 days behind, startOfDay))`},
		{f: In("tags", "a", 2, true), want: `In("tags", "a", 2, true)`},
		{f: Between("n", 1, 2.5), want: `Between("n", 1, 2.5)`},
		{f: Has("assignee"), want: `Has("assignee")`},
		{f: ID("~1"), want: `ID("~1")`},
		{f: And(Eq("a", 1), And(Or(ID("~1"), ID("~2")), Not(Has("b")))),
			want: `And(Eq("a", 1), Or(ID("~1"), ID("~2")), Not(Has("b")))`},
		{f: And(), want: "And()"},
		{f: Not(Filter{}), want: "Not(Filter{})"},
		{f: StartsWith("title", `say "hi"`), want: `StartsWith("title", "say \"hi\"")`},
		{f: ParentID("case", "AW1"), want: `ParentID("case", "AW1")`},
		{f: Child("case_artifact", Eq("data", "x")), want: `Child("case_artifact", Eq("data", "x"))`},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("String() = %s, want %s", got, tt.want)
		}
	}
	if got := fmt.Sprint(Eq("a", "b")); got != `Eq("a", "b")` {
		t.Errorf("fmt.Sprint = %s", got)
	}
}
