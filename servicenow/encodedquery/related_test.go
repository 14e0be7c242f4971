package encodedquery

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestOperatorCoverage checks the operators the builder now writes itself:
// INSTANCEOF, a text search, a related-list sub-query kept as one node
// (the encoded query documentation's RLQUERY…^ENDRLQUERY and PySNC's
// form), and Between's bounds.
func TestOperatorCoverage(t *testing.T) {
	breached := Related("task_sla", "task", ">=1", false, Field("has_breached").Eq(true))
	tests := []struct {
		name string
		q    Query
		want string
	}{
		{name: "instanceof", q: Field("sys_class_name").InstanceOf("cmdb_ci_server"), want: "sys_class_nameINSTANCEOFcmdb_ci_server"},
		{name: "text search", q: TextSearch("mimikatz ^ lsass"), want: "123TEXTQUERY321=mimikatz ^^ lsass"},
		{name: "related", q: breached, want: "RLQUERYtask_sla.task,>=1^has_breached=true^ENDRLQUERY"},
		{name: "related m2m without conditions", q: Related("sys_group_has_role", "group", ">0", true, Query{}),
			want: "RLQUERYsys_group_has_role.group,>0,m2m^ENDRLQUERY"},
		{name: "related stays whole in a distribution", q: And(Or(Field("a").Eq(1), Raw("b=2^NQc=3")), breached),
			want: "a=1^RLQUERYtask_sla.task,>=1^has_breached=true^ENDRLQUERY^NQb=2^RLQUERYtask_sla.task,>=1^has_breached=true^ENDRLQUERY" +
				"^NQc=3^RLQUERYtask_sla.task,>=1^has_breached=true^ENDRLQUERY"},
		{name: "between ordered", q: Field("priority").Between(1, 3), want: "priorityBETWEEN1@3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { encodeAndParse(t, tt.q, tt.want) })
	}
	parsed, err := Parse("active=true^RLQUERYtask_sla.task,>=1^stage=breached^NQstage=paused^ENDRLQUERY")
	if err != nil || len(parsed.groups) != 1 || parsed.Len() != 2 {
		t.Errorf("a parsed related-list query is one node whatever it holds: %+v, %v", parsed, err)
	}
	t0 := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for name, q := range map[string]Query{
		"inverted numbers":    Field("priority").Between(4, 2),
		"inverted times":      Field("opened_at").Between(t0, t0.Add(-time.Hour)),
		"related table":       Related("task_sla.x", "task", ">=1", false, Query{}),
		"related count":       Related("task_sla", "task", "many", false, Query{}),
		"related alternative": Related("task_sla", "task", ">=1", false, Raw("a=1^NQb=2")),
		"empty text search":   TextSearch(" "),
		"instanceof field":    Field("sys_class_name").InstanceOf("Bad Name"),
	} {
		if _, err := q.Encode(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v, want an input error", name, err)
		} else if name == "inverted numbers" && !strings.Contains(err.Error(), "above its high bound") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
