package encodedquery

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// TimeLayout is how time.Time values are written: UTC, to the second.
const TimeLayout = "2006-01-02 15:04:05"

// JS is a server-side script value, written as "javascript:" followed by
// the script, for example JS("gs.getUserID()"). Plain string values that
// start with "javascript:" are rejected, so user text is never run as a
// script by accident.
type JS string

// formatValue writes a typed value as ServiceNow text.
func formatValue(v any) (string, string) {
	switch x := v.(type) {
	case nil:
		return "", "a nil value cannot be encoded"
	case string:
		return checkText(x)
	case JS:
		if strings.TrimSpace(string(x)) == "" {
			return "", "an empty script"
		}
		return "javascript:" + string(x), ""
	case bool:
		return strconv.FormatBool(x), ""
	case int:
		return strconv.Itoa(x), ""
	case int64:
		return strconv.FormatInt(x, 10), ""
	case time.Time:
		if x.IsZero() {
			return "", "a zero time cannot be encoded"
		}
		return x.UTC().Format(TimeLayout), ""
	case interface{ Encode() (string, error) }:
		return "", "a query is not a value"
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return checkText(rv.String())
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), ""
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), ""
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), ""
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return "", "NaN and infinities cannot be encoded"
		}
		return strconv.FormatFloat(f, 'f', -1, 64), ""
	case reflect.Pointer:
		if rv.IsNil() {
			return "", "a nil pointer cannot be encoded"
		}
		return formatValue(rv.Elem().Interface())
	}
	return "", "values of type " + rv.Type().String() + " cannot be encoded"
}

func checkText(s string) (string, string) {
	if hasLineBreak(s) {
		return "", "a line break cannot be encoded"
	}
	if t := strings.TrimLeft(s, " \t"); len(t) >= 11 && strings.EqualFold(t[:11], "javascript:") {
		return "", "a string starting with javascript: would run as a script; use JS to send one"
	}
	return s, ""
}

// listValues flattens the arguments of In and NotIn: single values and
// slices of values.
func listValues(vs []any) ([]any, string) {
	flat := true
	for _, v := range vs {
		if k := reflect.TypeOf(v); k != nil && (k.Kind() == reflect.Slice || k.Kind() == reflect.Array) {
			flat = false
			break
		}
	}
	if flat {
		if len(vs) == 0 {
			return nil, "an empty list"
		}
		return vs, ""
	}
	var out []any
	for _, v := range vs {
		rv := reflect.ValueOf(v)
		if v != nil && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && rv.Type().Elem().Kind() != reflect.Uint8 {
			for i := 0; i < rv.Len(); i++ {
				out = append(out, rv.Index(i).Interface())
			}
			continue
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, "an empty list"
	}
	return out, ""
}

func hasLineBreak(s string) bool {
	return strings.IndexByte(s, '\n') >= 0 || strings.IndexByte(s, '\r') >= 0
}
