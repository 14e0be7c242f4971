package servicenow

import (
	"encoding/json"
	"testing"
	"time"
)

func TestReferenceShapes(t *testing.T) {
	tests := []struct {
		in   string
		want Reference
	}{
		{in: `"u1"`, want: Reference{Value: "u1"}},
		{in: `""`, want: Reference{}},
		{in: `null`, want: Reference{}},
		{in: `{"link":"https://x/api/now/table/sys_user/u1","value":"u1"}`, want: Reference{Value: "u1", Link: "https://x/api/now/table/sys_user/u1"}},
		{in: `{"display_value":"Ann","link":"L"}`, want: Reference{DisplayValue: "Ann", Link: "L"}},
		{in: `{"display_value":"Ann","value":"u1","link":"L"}`, want: Reference{Value: "u1", DisplayValue: "Ann", Link: "L"}},
		{in: `{"display_value":3,"value":true}`, want: Reference{Value: "true", DisplayValue: "3"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var r Reference
			if err := json.Unmarshal([]byte(tt.in), &r); err != nil {
				t.Fatal(err)
			}
			if r != tt.want {
				t.Fatalf("got %+v, want %+v", r, tt.want)
			}
		})
	}
}

func TestIncidentDisplayAll(t *testing.T) {
	var in Incident
	body := `{"state":{"display_value":"In Progress","value":"2"},"opened_at":{"display_value":"01/02/2026 04:04:05","value":"2026-01-02 03:04:05"},
"assigned_to":{"display_value":"Ann","value":"u1","link":"L"},"close_code":"Solved (Permanently)","state2":"x"}`
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		t.Fatal(err)
	}
	want := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if in.State != StateInProgress || !in.OpenedAt.Equal(want) || in.OpenedAt.Display == "" || in.AssignedTo.String() != "Ann" ||
		in.CloseCode.String() != "Solved (Permanently)" {
		t.Fatalf("decoded %+v", in)
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct{ got, want string }{
		{got: StateNew.String(), want: "New"}, {got: StateCanceled.String(), want: "Canceled"}, {got: State("99").String(), want: "unknown(99)"},
		{got: ImpactLow.String(), want: "Low"}, {got: UrgencyHigh.String(), want: "High"}, {got: PriorityPlanning.String(), want: "Planning"},
		{got: HoldAwaitingVendor.String(), want: "Awaiting Vendor"}, {got: CloseKnownError.String(), want: "Known error"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func FuzzReference(f *testing.F) {
	for _, s := range []string{`"a"`, `{"value":"a","link":"b"}`, `{"display_value":"x"}`, `null`, `1`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r Reference
		if json.Unmarshal([]byte(s), &r) != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Reference
		if err := json.Unmarshal(b, &back); err != nil || back.Value != r.Value {
			t.Fatalf("round trip %q -> %s -> %+v", s, b, back)
		}
	})
}

func FuzzIncident(f *testing.F) {
	f.Add(oneIncident[len(`{"result":`) : len(oneIncident)-1])
	f.Add(`{"opened_at":"bad","state":{"value":7}}`)
	f.Fuzz(func(t *testing.T, s string) {
		var in Incident
		_ = json.Unmarshal([]byte(s), &in)
		var v any
		_, _ = in.Extra("x", &v)
	})
}
