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
		{Filter{}, "Filter{}"},
		{Eq("status", "New"), `Eq("status", "New")`},
		{Gte("severity", severity(3)), `Gte("severity", 3)`},
		{Lt("_createdAt", t0), `Lt("_createdAt", 2024-12-17T08:47:04.596Z)`},
		{Gt("_createdAt", &t0), `Gt("_createdAt", 2024-12-17T08:47:04.596Z)`},
		{Eq("a", nil), `Eq("a", nil)`},
		{Gt("d", Ago(2, Days).StartOfDay()), `Gt("d", RelativeDate(2 days behind, startOfDay))`},
		{In("tags", "a", 2, true), `In("tags", "a", 2, true)`},
		{Between("n", 1, 2.5), `Between("n", 1, 2.5)`},
		{Has("assignee"), `Has("assignee")`},
		{ID("~1"), `ID("~1")`},
		{And(Eq("a", 1), And(Or(ID("~1"), ID("~2")), Not(Has("b")))),
			`And(Eq("a", 1), Or(ID("~1"), ID("~2")), Not(Has("b")))`},
		{And(), "And()"},
		{Not(Filter{}), "Not(Filter{})"},
		{StartsWith("title", `say "hi"`), `StartsWith("title", "say \"hi\"")`},
		{ParentID("case", "AW1"), `ParentID("case", "AW1")`},
		{Child("case_artifact", Eq("data", "x")), `Child("case_artifact", Eq("data", "x"))`},
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
