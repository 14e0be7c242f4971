package encodedquery

import (
	"errors"
	"testing"
)

// FuzzParse checks that parsing never panics, that encoding a parsed query
// is stable, and that the encoding parses back to the same structure.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"active=true^priority<=2^ORcategory=security^NQstate=6^ORDERBYDESCopened_at",
		"a=1^^^b=2", "RLQUERYtask_sla.task,>=1^ENDRLQUERY", "^OR", "NQ^NQ", "stateIN1,2^EQ", "x^",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		enc, err := q.Encode()
		if err != nil {
			t.Fatalf("parsed %q but cannot encode: %v", s, err)
		}
		back, err := Parse(enc)
		if err != nil {
			t.Fatalf("cannot parse own encoding %q: %v", enc, err)
		}
		if !back.Equal(q) {
			t.Fatalf("%q -> %q parses to %#v, want %#v", s, enc, back, q)
		}
		if again, _ := back.Encode(); again != enc {
			t.Fatalf("unstable encoding %q -> %q", enc, again)
		}
	})
}

// FuzzBuild checks that no field or value makes the builder panic or
// produce a query that reads back as anything but what was built: a value
// can never add, remove or regroup conditions.
func FuzzBuild(f *testing.F) {
	f.Add("short_description", "foo^NQactive=true", "b", "x,y", uint8(0))
	f.Add("caller_id.name", "=1", "a", "@", uint8(5))
	f.Add("a", "javascript:x", "B", "", uint8(9))
	f.Fuzz(func(t *testing.T, field, v1, other, v2 string, shape uint8) {
		ops := []func(Field, string) Query{
			func(f Field, v string) Query { return f.Eq(v) },
			func(f Field, v string) Query { return f.Ne(v) },
			func(f Field, v string) Query { return f.Lt(v) },
			func(f Field, v string) Query { return f.Gte(v) },
			func(f Field, v string) Query { return f.Like(v) },
			func(f Field, v string) Query { return f.In(v, v+"x") },
			func(f Field, v string) Query { return f.Between(v, v) },
			func(f Field, v string) Query { return f.SameAs(Field(v)) },
			func(f Field, v string) Query { return f.StartsWith(v) },
			func(f Field, v string) Query { return f.ChangesTo(v) },
		}
		x := ops[int(shape)%len(ops)](Field(field), v1)
		y := ops[int(shape/16)%len(ops)](Field(other), v2)
		var q Query
		switch shape % 3 {
		case 0:
			q = And(x, Or(y, x))
		case 1:
			q = Or(And(x, y), y)
		default:
			q = x.Or(y).OrderBy(field)
		}
		enc, err := q.Encode()
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			return
		}
		back, err := Parse(enc)
		if err != nil {
			t.Fatalf("cannot parse %q: %v", enc, err)
		}
		if !back.Equal(q) {
			t.Fatalf("%q parses to %#v, want %#v", enc, back, q)
		}
	})
}
