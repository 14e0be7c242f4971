package encodedquery

import (
	"strconv"
	"sync"
	"testing"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

// andChain builds q = q.And(c) n times, as a loop adding conditions does.
func andChain(n int) Query {
	var q Query
	for i := range n {
		q = q.And(Field("a").Eq(i))
	}
	return q
}

// orChain is andChain with q = q.Or(c).
func orChain(n int) Query {
	var q Query
	for i := range n {
		q = q.Or(Field("a").Eq(i))
	}
	return q
}

// TestBuildingIsLinear checks that And in a loop and Or of many operands
// cost what they hold: four times the conditions, about four times the
// bytes (copying the clauses so far on every And made it sixteen).
func TestBuildingIsLinear(t *testing.T) {
	for name, chain := range map[string]func(int) Query{"And": andChain, "Or": orChain} {
		small, large := testkit.AllocatedBytes(func() { chain(2000) }), testkit.AllocatedBytes(func() { chain(8000) })
		if large > 6*small {
			t.Errorf("%s chain: 8,000 conditions allocate %d bytes, 2,000 allocate %d", name, large, small)
		}
	}
	if s, err := orChain(3).Encode(); err != nil || s != "a=0^ORa=1^ORa=2" {
		t.Errorf("Or chain: Encode = %q, %v", s, err)
	}
	ors := func(n int) func() {
		qs := make([]Query, n)
		for i := range qs {
			qs[i] = Field("a").Eq(i)
		}
		return func() { Or(qs...) }
	}
	small, large := testkit.AllocatedBytes(ors(2000)), testkit.AllocatedBytes(ors(8000))
	if large > 6*small {
		t.Errorf("Or: 8,000 operands allocate %d bytes, 2,000 allocate %d", large, small)
	}
	if q := andChain(3); q.Len() != 3 {
		t.Fatalf("Len %d", q.Len())
	}
	if s, err := andChain(3).Encode(); err != nil || s != "a=0^a=1^a=2" {
		t.Errorf("Encode = %q, %v", s, err)
	}
}

// TestInPlaceStaysImmutable checks that queries grown from the same
// query by And or Or, one after the other and at once, never see each
// other's conditions.
func TestInPlaceStaysImmutable(t *testing.T) {
	tests := []struct {
		name  string
		chain func(int) Query
		grow  func(q Query, qs ...Query) Query
		sep   string
	}{
		{name: "And", chain: andChain, grow: Query.And, sep: "^"},
		{name: "Or", chain: orChain, grow: Query.Or, sep: "^OR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.chain(3)
			prefix := "a=0" + tt.sep + "a=1" + tt.sep + "a=2"
			left, right := tt.grow(base, Field("l").Eq(1)), tt.grow(base, Field("r").Eq(1))
			for q, want := range map[*Query]string{&base: prefix, &left: prefix + tt.sep + "l=1", &right: prefix + tt.sep + "r=1"} {
				if s, _ := q.Encode(); s != want {
					t.Errorf("got %q, want %q", s, want)
				}
			}
			var wg sync.WaitGroup
			got := make([]string, 16)
			for i := range got {
				wg.Go(func() {
					got[i], _ = tt.grow(base, Field("g"+strconv.Itoa(i)).Eq(1)).Encode()
				})
			}
			wg.Wait()
			for i, s := range got {
				if want := prefix + tt.sep + "g" + strconv.Itoa(i) + "=1"; s != want {
					t.Errorf("goroutine %d: %q, want %q", i, s, want)
				}
			}
		})
	}
}
