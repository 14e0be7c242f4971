package filter

import (
	"errors"
	"reflect"
	"strconv"
	"testing"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

// chain builds And(...And(And(c0, c1), c2)..., cn-1) one operand at a
// time, as a loop adding conditions does.
func chain(n int) Filter {
	var f Filter
	for i := range n {
		c := Eq("tags", "t"+strconv.Itoa(i))
		if f.IsZero() {
			f = c
		} else {
			f = And(f, c)
		}
	}
	return f
}

// flat builds the same conditions in one And.
func flat(n int) Filter {
	cs := make([]Filter, n)
	for i := range cs {
		cs[i] = Eq("tags", "t"+strconv.Itoa(i))
	}
	return And(cs...)
}

// TestChainEncodesFlat checks that a filter built one operand at a time
// encodes, and prints, exactly like the same operands given at once, in
// both dialects, mixed with nested Or chains.
func TestChainEncodesFlat(t *testing.T) {
	orChain := Or(Or(Eq("a", 1), Eq("b", 2)), Eq("c", 3))
	tests := []struct {
		name      string
		got, want Filter
	}{
		{name: "and chain", got: chain(50), want: flat(50)},
		{name: "or chain inside and", got: And(And(Eq("x", 1), orChain), Eq("y", 2)),
			want: And(Eq("x", 1), Or(Eq("a", 1), Eq("b", 2), Eq("c", 3)), Eq("y", 2))},
		{name: "empty nested and", got: And(Eq("x", 1), And()), want: Eq("x", 1)},
	}
	for _, tt := range tests {
		for _, d := range []Dialect{V1, V0} {
			got, err1 := Encode(tt.got, d)
			want, err2 := Encode(tt.want, d)
			if err1 != nil || err2 != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("%s %v: %v (%v), want %v (%v)", tt.name, d, got, err1, want, err2)
			}
		}
		if tt.name != "empty nested and" && tt.got.String() != tt.want.String() {
			t.Errorf("%s: String %s, want %s", tt.name, tt.got, tt.want)
		}
	}
}

// TestChainBuildIsLinear checks that adding one operand to a filter costs
// the same however large the filter is: building four times the operands
// allocates about four times the bytes, not sixteen times (as copying the
// operands so far on every And did).
func TestChainBuildIsLinear(t *testing.T) {
	small, large := testkit.AllocatedBytes(func() { chain(1000) }), testkit.AllocatedBytes(func() { chain(4000) })
	if large > 6*small {
		t.Errorf("building 4,000 operands allocates %d bytes, 1,000 allocate %d: not linear", large, small)
	}
}

// TestChainOfAnyLengthEncodes checks that a chain as long as MaxConditions
// encodes (no recursion over the chain's length), and one condition more
// is a clear error.
func TestChainOfAnyLengthEncodes(t *testing.T) {
	if _, err := EncodeV1(chain(MaxConditions)); err != nil {
		t.Fatalf("%d conditions: %v", MaxConditions, err)
	}
	_, err := EncodeV1(chain(MaxConditions + 1))
	var fe *Error
	if !errors.As(err, &fe) || fe.Problem != "filter holds more than 10000 conditions" {
		t.Fatalf("%d conditions: error %v, want the conditions cap", MaxConditions+1, err)
	}
	if _, err := EncodeV0(Not(In("status", "a", "b"))); err != nil {
		t.Fatal(err)
	}
}
