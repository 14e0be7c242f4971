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

// TestBuildingIsLinear checks that And in a loop and Or of many operands
// cost what they hold: four times the conditions, about four times the
// bytes (copying the clauses so far on every And made it sixteen).
func TestBuildingIsLinear(t *testing.T) {
	small, large := testkit.AllocatedBytes(func() { andChain(2000) }), testkit.AllocatedBytes(func() { andChain(8000) })
	if large > 6*small {
		t.Errorf("And chain: 8,000 conditions allocate %d bytes, 2,000 allocate %d", large, small)
	}
	ors := func(n int) func() {
		qs := make([]Query, n)
		for i := range qs {
			qs[i] = Field("a").Eq(i)
		}
		return func() { Or(qs...) }
	}
	small, large = testkit.AllocatedBytes(ors(2000)), testkit.AllocatedBytes(ors(8000))
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

// TestAndInPlaceStaysImmutable checks that queries grown from the same
// query, one after the other and at once, never see each other's
// conditions.
func TestAndInPlaceStaysImmutable(t *testing.T) {
	base := andChain(3)
	left, right := base.And(Field("l").Eq(1)), base.And(Field("r").Eq(1))
	for q, want := range map[*Query]string{&base: "a=0^a=1^a=2", &left: "a=0^a=1^a=2^l=1", &right: "a=0^a=1^a=2^r=1"} {
		if s, _ := q.Encode(); s != want {
			t.Errorf("got %q, want %q", s, want)
		}
	}
	var wg sync.WaitGroup
	got := make([]string, 16)
	for i := range got {
		wg.Go(func() {
			got[i], _ = base.And(Field("g" + strconv.Itoa(i)).Eq(1)).Encode()
		})
	}
	wg.Wait()
	for i, s := range got {
		if want := "a=0^a=1^a=2^g" + strconv.Itoa(i) + "=1"; s != want {
			t.Errorf("goroutine %d: %q, want %q", i, s, want)
		}
	}
}
