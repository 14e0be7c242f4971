package encodedquery

import (
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
		return strconv.FormatFloat(rv.Float(), 'f', -1, 64), ""
	}
	return "", "values of type " + rv.Type().String() + " cannot be encoded"
}

func checkText(s string) (string, string) {
	if strings.ContainsAny(s, "\r\n") {
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
