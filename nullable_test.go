package incidentkit

import "testing"

func TestNullableStates(t *testing.T) {
	tests := []struct {
		name             string
		n                Nullable[string]
		zero, set, clear bool
		value            string
	}{
		{name: "zero leaves the field", n: Nullable[string]{}, zero: true},
		{name: "set", n: Set("x"), set: true, value: "x"},
		{name: "set to the empty string is still a set", n: Set(""), set: true},
		{name: "clear", n: Clear[string](), clear: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.n.IsZero() != tt.zero || tt.n.IsSet() != tt.set || tt.n.IsClear() != tt.clear || tt.n.Value() != tt.value {
				t.Errorf("zero %v set %v clear %v value %q", tt.n.IsZero(), tt.n.IsSet(), tt.n.IsClear(), tt.n.Value())
			}
		})
	}
	if p := Ptr(false); p == nil || *p {
		t.Error("Ptr(false)")
	}
}

func TestPageHasNext(t *testing.T) {
	tests := []struct {
		name string
		p    *Page[int]
		want bool
	}{
		{name: "nil page", p: nil, want: false},
		{name: "last page", p: &Page[int]{NextOffset: -1}, want: false},
		{name: "more at 0 (an empty first page the server says is not the end)", p: &Page[int]{NextOffset: 0}, want: true},
		{name: "more", p: &Page[int]{Items: []int{1}, NextOffset: 1}, want: true},
	}
	for _, tt := range tests {
		if got := tt.p.HasNext(); got != tt.want {
			t.Errorf("%s: HasNext = %v, want %v", tt.name, got, tt.want)
		}
	}
}
