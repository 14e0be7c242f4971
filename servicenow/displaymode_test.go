package servicenow

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestDisplayValuesBothWays reads an incident with display values only —
// a date-time in the user's zone, a reference by its display value — and
// writes one by display value.
func TestDisplayValuesBothWays(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"abc","number":"INC0010001","opened_at":"2026-11-23 10:00:00",
		"assignment_group":"Network","caller_id":{"link":"x","display_value":"Ann Lee"},"state":"In Progress","impact":"1 - High","priority":"2 - High",
		"hold_reason":"Awaiting Vendor"}]}`})
	p, err := c.Incidents.List(ctx, &ListOptions{DisplayValue: DisplayValueTrue})
	if err != nil {
		t.Fatal(err)
	}
	in := p.Items[0]
	if !in.OpenedAt.IsZero() || in.OpenedAt.Display != "2026-11-23 10:00:00" {
		t.Errorf("a display date-time must not read as UTC: %+v", in.OpenedAt)
	}
	if in.AssignmentGroup.Value != "" || in.AssignmentGroup.DisplayValue != "Network" || in.Caller.DisplayValue != "Ann Lee" {
		t.Errorf("a display reference must not read as a sys_id: %+v %+v", in.AssignmentGroup, in.Caller)
	}
	if in.State != StateInProgress || in.Impact != ImpactHigh || in.Priority != PriorityHigh || in.HoldReason != HoldAwaitingVendor {
		t.Errorf("choice labels: state %q, impact %q, priority %q, hold %q", in.State, in.Impact, in.Priority, in.HoldReason)
	}
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip(err)
	}
	at, err := in.OpenedAt.ParseDisplay("2006-01-02 15:04:05", paris)
	if err != nil || !at.Equal(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseDisplay = %v, %v", at, err)
	}

	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"abc","opened_at":"2026-11-23 10:00:00","assignment_group":"d625dccec0a8016700a222a0f7900d06"}]}`})
	p, err = c.Incidents.List(ctx, nil)
	if err != nil || p.Items[0].OpenedAt.IsZero() || p.Items[0].AssignmentGroup.Value == "" {
		t.Errorf("stored values stay stored: %+v, %v", p.Items[0], err)
	}

	dctx := WithInputDisplayValue(ctx)
	answerAll(m, testkit.Answer{Body: `{"result":{"sys_id":"abc","assignment_group":{"link":"x","value":"d625dccec0a8016700a222a0f7900d06"}}}`})
	if _, err := c.Incidents.Update(dctx, "abc", &IncidentInput{AssignmentGroup: incidentkit.Set("Network")}); err != nil {
		t.Fatal(err)
	}
	if q := m.Last(t).Query; q.Get("sysparm_input_display_value") != "true" {
		t.Errorf("query %v", q)
	}
}

// TestUnmatchedDisplayValues checks that a reference written by display
// value that the instance could not resolve (left empty, or kept as text)
// is reported with the stored record, and that a sys_id or a record read
// back without a body is not taken for one.
func TestUnmatchedDisplayValues(t *testing.T) {
	ctx := WithInputDisplayValue(context.Background())
	c, m := newClient(t)
	const group = "d625dccec0a8016700a222a0f7900d06"
	in := &IncidentInput{ShortDescription: incidentkit.Ptr("x"), AssignmentGroup: incidentkit.Set("Netwrk"),
		Caller: incidentkit.Set("Ann Lee"), AssignedTo: incidentkit.Set(group), ConfigurationItem: incidentkit.Clear[string]()}
	tests := []struct {
		name, answer string
		fields       []string
	}{
		{name: "left empty", answer: `{"result":{"sys_id":"abc","assignment_group":"","caller_id":{"link":"x","value":"` + group + `"},"assigned_to":{"value":"` + group + `"}}}`,
			fields: []string{"assignment_group"}},
		{name: "kept as text", answer: `{"result":{"sys_id":"abc","assignment_group":{"value":"Netwrk"},"caller_id":"` + group + `","assigned_to":"` + group + `"}}`,
			fields: []string{"assignment_group"}},
		{name: "both missing", answer: `{"result":{"sys_id":"abc","assigned_to":"` + group + `"}}`, fields: []string{"assignment_group", "caller_id"}},
		{name: "sys_id given and stored", answer: `{"result":{"sys_id":"abc","assignment_group":"` + group + `","caller_id":"` + group + `","assigned_to":"` + group + `"}}`},
		{name: "no body", answer: `{"result":{}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answerAll(m, testkit.Answer{Status: 201, Body: tt.answer})
			got, err := c.Incidents.Create(ctx, in)
			var dv *DisplayValueError
			switch {
			case tt.fields == nil && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tt.fields == nil:
			case !errors.As(err, &dv) || !errors.Is(err, ErrUnmatchedDisplayValue) || errors.Is(err, ErrInvalidInput):
				t.Fatalf("error %v, want a *DisplayValueError", err)
			case !reflect.DeepEqual(dv.Fields, tt.fields) || got == nil || got.SysID != "abc":
				t.Fatalf("fields %v, record %+v", dv.Fields, got)
			}
		})
	}
	answerAll(m, testkit.Answer{Status: 201, Body: `{"result":{"sys_id":"abc"}}`})
	if _, err := c.Incidents.Create(context.Background(), in); err != nil {
		t.Errorf("without display values nothing is checked: %v", err)
	}
}
