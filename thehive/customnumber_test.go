package thehive

import (
	"encoding/json"
	"testing"
)

// TestCustomNumberDecodes checks that TheHive 3's number custom fields
// read back ({"<name>":{"number":v,"order":n}}, elastic4play's
// CustomAttributeFormat): a whole number as an int64, any other as a
// float64, both typed CustomNumber.
func TestCustomNumberDecodes(t *testing.T) {
	var cf CustomFields
	if err := json.Unmarshal([]byte(`{"hits":{"number":3,"order":1},"score":{"number":0.25,"order":2},"none":{"number":null,"order":3}}`), &cf); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want any
	}{
		{name: "hits", want: int64(3)},
		{name: "score", want: 0.25},
		{name: "none", want: nil},
	}
	for _, tt := range tests {
		f, ok := cf.Get(tt.name)
		if !ok || f.Value != tt.want || (tt.want != nil && f.Type != CustomNumber) {
			t.Errorf("%s = %#v (%s), want %#v (number)", tt.name, f.Value, f.Type, tt.want)
		}
	}
}
