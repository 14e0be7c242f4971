package thehive

import (
	"errors"
	"reflect"
	"testing"

	"github.com/incidentkit/incidentkit/thehive/filter"
)

// TestSemanticValuesInFilters checks that TLP, PAP and severity values in
// a filter are encoded for the dialect exactly as in request bodies.
func TestSemanticValuesInFilters(t *testing.T) {
	tests := []struct {
		name        string
		f           filter.Filter
		dialect     Dialect
		want        map[string]any
		unsupported bool
		invalid     bool
	}{
		{name: "red v1", f: filter.Eq("tlp", TLPRed), dialect: V1, want: map[string]any{"_eq": map[string]any{"_field": "tlp", "_value": 4}}},
		{name: "red v0", f: filter.Eq("tlp", TLPRed), dialect: V0, want: map[string]any{"_field": "tlp", "_value": 3}},
		{name: "clear v0", f: filter.Gte("tlp", TLPClear), dialect: V0, want: map[string]any{"_gte": map[string]any{"tlp": 0}}},
		{name: "in mixes levels v0", f: filter.In("tlp", TLPAmber, TLPRed), dialect: V0,
			want: map[string]any{"_in": map[string]any{"_field": "tlp", "_values": []any{2, 3}}}},
		{name: "amber strict v0", f: filter.Eq("tlp", TLPAmberStrict), dialect: V0, unsupported: true},
		{name: "tlp out of range", f: filter.Eq("tlp", TLP(9)), dialect: V1, invalid: true},
		{name: "pap", f: filter.Eq("pap", PAPRed), dialect: V0, want: map[string]any{"_field": "pap", "_value": 3}},
		{name: "pap out of range", f: filter.Eq("pap", PAP(4)), dialect: V1, invalid: true},
		{name: "severity", f: filter.Gte("severity", SeverityHigh), dialect: V1, want: map[string]any{"_gte": map[string]any{"_field": "severity", "_value": 3}}},
		{name: "severity out of range", f: filter.Eq("severity", Severity(0)), dialect: V0, invalid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := filter.Encode(tt.f, tt.dialect)
			switch {
			case tt.unsupported:
				if !errors.Is(err, ErrUnsupported) || !errors.Is(err, filter.ErrInvalid) {
					t.Fatalf("error = %v, want one matching ErrUnsupported and filter.ErrInvalid", err)
				}
			case tt.invalid:
				if !errors.Is(err, ErrInvalidInput) || errors.Is(err, ErrUnsupported) {
					t.Fatalf("error = %v, want an input error", err)
				}
			case err != nil || !reflect.DeepEqual(got, tt.want):
				t.Fatalf("Encode = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
