package filter

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"time"
)

// Valuer is implemented by value types that choose their own encoding for
// each dialect, such as an enum whose numbers differ between TheHive
// versions. FilterValue returns a value of any type accepted as a filter
// value other than another Valuer, or an error if the value has no form in
// dialect d.
type Valuer interface {
	FilterValue(d Dialect) (any, error)
}

var durationType = reflect.TypeFor[time.Duration]()

// scalar converts a caller's value to its wire form: string, bool, int,
// int64, uint64, float64, json.Number or, for a RelativeDate, a map. It returns a
// problem description on failure, or an error from a Valuer.
func (e *encoder) scalar(v any, relative bool) (any, error) {
	if vv, ok := v.(Valuer); ok {
		if isNilPointer(v) {
			return nil, e.invalid("value is a nil %T", v)
		}
		w, err := vv.FilterValue(e.dialect)
		if err != nil {
			return nil, &Error{Path: e.where(), Problem: fmt.Sprintf("%T value", v), Err: err}
		}
		if _, again := w.(Valuer); again {
			return nil, e.invalid("%T.FilterValue returned another Valuer (%T)", v, w)
		}
		v = w
	}
	switch x := v.(type) {
	case string, bool, int, int64:
		return v, nil // already a wire value; returning v avoids a copy
	case float64:
		if _, err := e.float(x); err != nil {
			return nil, err
		}
		return v, nil
	case time.Time:
		if x.IsZero() {
			return nil, e.invalid("value is the zero time.Time")
		}
		return x.UnixMilli(), nil
	case *time.Time:
		if x == nil {
			return nil, e.invalid("value is a nil *time.Time")
		}
		if x.IsZero() {
			return nil, e.invalid("value is the zero time.Time")
		}
		return x.UnixMilli(), nil
	case RelativeDate:
		if e.dialect != V1 {
			return nil, e.unsupported("RelativeDate", "use a time.Time")
		}
		if !relative {
			return nil, e.invalid("a RelativeDate may be used only in Lt, Lte, Gt, Gte and Between")
		}
		if p := x.check(); p != "" {
			return nil, e.invalid("%s", p)
		}
		return x.wire(), nil
	case json.Number:
		if !validNumber(string(x)) {
			return nil, e.invalid("json.Number %q is not a number", string(x))
		}
		return x, nil
	case nil:
		return nil, e.invalid("value is nil; use Not(Has(field)) to match a missing field")
	}
	rv := reflect.ValueOf(v)
	if rv.Type() == durationType {
		return nil, e.invalid("time.Duration is not a filter value; use a number or a time.Time")
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), nil
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint(), nil
	case reflect.Float32:
		// Go through the shortest 32-bit form so float32(0.1) is sent as 0.1,
		// not 0.10000000149011612.
		f := rv.Float()
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			f, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'g', -1, 32), 64)
		}
		return e.float(f)
	case reflect.Float64:
		return e.float(rv.Float())
	}
	return nil, e.invalid("value of type %T is not a string, number, bool, time.Time or RelativeDate", v)
}

func (e *encoder) float(f float64) (any, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, e.invalid("value %v is not a finite number", f)
	}
	return f, nil
}

// text converts the value of a string operator and rejects an empty one.
func (e *encoder) text(v any) (string, error) {
	s, _ := v.(string) // the constructors take strings
	if s == "" {
		return "", e.invalid("value is empty")
	}
	return s, nil
}

func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return rv.IsNil()
	}
	return false
}

// validNumber reports whether s is a JSON number literal.
func validNumber(s string) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}
