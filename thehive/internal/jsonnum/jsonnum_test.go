package jsonnum

import (
	"encoding/json"
	"math"
	"testing"
)

func TestCompare(t *testing.T) {
	for _, tt := range []struct {
		a, b any
		want int
		ok   bool
	}{
		{a: 1, b: 2, want: -1, ok: true},
		{a: int64(3), b: 2.5, want: 1, ok: true},
		{a: int64(math.MaxInt64), b: int64(math.MaxInt64 - 1), want: 1, ok: true},
		{a: uint64(math.MaxUint64), b: uint64(math.MaxUint64 - 1), want: 1, ok: true},
		{a: json.Number("1e3"), b: 1000, want: 0, ok: true},
		{a: json.Number("x"), b: 1, want: 0, ok: false},
		{a: "1", b: 1, want: 0, ok: false},
	} {
		if c, ok := Compare(tt.a, tt.b); c != tt.want || ok != tt.ok {
			t.Errorf("Compare(%#v, %#v) = %d, %v; want %d, %v", tt.a, tt.b, c, ok, tt.want, tt.ok)
		}
	}
}
