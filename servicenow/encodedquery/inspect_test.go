package encodedquery

import (
	"reflect"
	"testing"
)

func TestMatchPrecedence(t *testing.T) {
	// a^b^ORc^NQd = (a AND (b OR c)) OR d
	q, err := Parse("a=1^b=1^ORc=1^NQd=1^ORDERBYDESCx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		truth map[string]bool
		want  bool
	}{
		{truth: map[string]bool{"a": true, "b": true}, want: true},
		{truth: map[string]bool{"a": true, "c": true}, want: true},
		{truth: map[string]bool{"a": true}, want: false},
		{truth: map[string]bool{"b": true, "c": true}, want: false},
		{truth: map[string]bool{"d": true}, want: true},
		{truth: map[string]bool{}, want: false},
	}
	for _, tt := range tests {
		got := q.Match(func(c Condition) bool { return tt.truth[c.Field] && c.Operator == "=" && c.Value == "1" })
		if got != tt.want {
			t.Errorf("Match with %v = %v, want %v", tt.truth, got, tt.want)
		}
	}
	if !(Query{}).Match(func(Condition) bool { return false }) {
		t.Error("the zero Query must match everything")
	}
	if got := q.Orders(); !reflect.DeepEqual(got, []Order{{"x", true}}) {
		t.Errorf("Orders = %v", got)
	}
	alt := q.Alternatives()
	if len(alt) != 2 || len(alt[0]) != 2 || len(alt[0][1]) != 2 || alt[1][0][0].Field != "d" {
		t.Errorf("Alternatives = %v", alt)
	}
}
