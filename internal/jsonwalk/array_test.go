package jsonwalk

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

func elements(in string) ([]string, error) {
	var out []string
	err := Array([]byte(in), func(e []byte) error { out = append(out, string(e)); return nil })
	return out, err
}

func TestArray(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{in: `[]`}, {in: `null`}, {in: ` [ 1 , "a" , {"b":[2]} , null ] `, want: []string{"1", `"a"`, `{"b":[2]}`, "null"}},
	}
	for _, tt := range tests {
		got, err := elements(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Array(%s) = %q, %v", tt.in, got, err)
		}
	}
	for _, bad := range []string{``, `{}`, `[`, `[1,]`, `[1 2]`, `[1]x`, `[tru]`, `[{"a":1]`} {
		if _, err := elements(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("Array(%q) = %v, want ErrSyntax", bad, err)
		}
	}
}

// FuzzArray checks the walker against encoding/json on which arrays are
// valid and what their elements are.
func FuzzArray(f *testing.F) {
	for _, s := range []string{`[]`, `[1,"x",{"a":[null]}]`, `[[],[[]]]`, `[1,]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := elements(s)
		var want []json.RawMessage
		if json.Unmarshal([]byte(s), &want) != nil {
			return
		}
		if err != nil {
			t.Fatalf("valid %q rejected: %v", s, err)
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d elements, want %d", s, len(got), len(want))
		}
	})
}
