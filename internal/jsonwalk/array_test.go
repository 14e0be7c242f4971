package jsonwalk

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
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

// objectElementsOf is ObjectElements over member "r", as "name=value"
// members with "|" after each element.
func objectElementsOf(in string) (string, error) {
	var out []string
	err := ObjectElements([]byte(in), "r", func(name, v []byte) error { out = append(out, string(name)+"="+string(v)); return nil },
		func() error { out = append(out, "|"); return nil })
	return strings.Join(out, " "), err
}

// composedObjects is what ObjectElements stands for: Object, Array of
// member "r", then Object on each element.
func composedObjects(in string) (string, error) {
	var out []string
	err := Object([]byte(in), func(name, v []byte) error {
		if string(name) != "r" || len(v) == 0 || v[0] != '[' {
			return nil
		}
		return Array(v, func(e []byte) error {
			if len(e) == 0 || e[0] != '{' {
				return syntaxErr(e, 0, "want an object")
			}
			if err := Object(e, func(name, v []byte) error { out = append(out, string(name)+"="+string(v)); return nil }); err != nil {
				return err
			}
			out = append(out, "|")
			return nil
		})
	})
	return strings.Join(out, " "), err
}

func TestObjectElements(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{in: `{"r":[]}`}, {in: `null`}, {in: `{"r":null}`},
		{in: `{"a":[1],"r":[{"x":1,"y":{"z":[2]}},{},{"x":"s"}],"b":{}}`, want: `x=1 y={"z":[2]} | | x="s" |`},
	} {
		got, err := objectElementsOf(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ObjectElements(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{`{"r":[1]}`, `{"r":[{"x":1]}`, `{"r":[{"x":1},]}`, `{"r":[{}`, `{"r":[{} {}]}`, `{"r":[{"x"}]}`} {
		if _, err := objectElementsOf(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("ObjectElements(%q) = %v, want ErrSyntax", bad, err)
		}
	}
}

// FuzzObjectElements checks ObjectElements against Object and Array
// composed: the same members and element ends, and an error for the same
// inputs.
func FuzzObjectElements(f *testing.F) {
	for _, s := range []string{`{"r":[{"a":1},{"b":[{"c":2}]}],"s":"x"}`, `{"r":[]}`, `{"r":[1]}`, `{"r":[{},]}`, `{"r":null}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, gerr := objectElementsOf(in)
		want, werr := composedObjects(in)
		if (gerr == nil) != (werr == nil) || (gerr == nil && got != want) {
			t.Fatalf("ObjectElements(%q) = %q, %v; Object and Array: %q, %v", in, got, gerr, want, werr)
		}
	})
}
