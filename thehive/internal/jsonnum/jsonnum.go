// Package jsonnum reads the numbers that TheHive filters and records carry:
// the Go values a filter is built from or a JSON decoder produces (int,
// int64, uint64, float64 and json.Number). The filter encoder and the fake
// server's filter evaluator order numbers with it, so both agree.
package jsonnum

import (
	"cmp"
	"encoding/json"
	"strconv"
)

// Float returns v as a float64; ok is false when v is not a number.
func Float(v any) (f float64, ok bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	case json.Number:
		f, err := strconv.ParseFloat(string(x), 64)
		return f, err == nil
	}
	return 0, false
}

// Compare orders two numbers, exactly when both are integers of one
// signedness; ok is false when either is not a number.
func Compare(a, b any) (c int, ok bool) {
	fa, oka := Float(a)
	fb, okb := Float(b)
	if !oka || !okb {
		return 0, false
	}
	if ia, ok1 := asInt64(a); ok1 {
		if ib, ok2 := asInt64(b); ok2 {
			return cmp.Compare(ia, ib), true
		}
	}
	if ua, ok1 := a.(uint64); ok1 {
		if ub, ok2 := b.(uint64); ok2 {
			return cmp.Compare(ua, ub), true
		}
	}
	return cmp.Compare(fa, fb), true
}

func asInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	}
	return 0, false
}
