package servicenowtest

import (
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// compare orders two stored values as the platform's conditions do.
func compare(a, b string) int { return encodedquery.CompareValues(a, b) }

// eval decides one condition for rec. Parts the instance would not
// understand are ignored, as the instance ignores invalid query parts.
// Callers hold s.mu.
func (s *Server) eval(tableName string, rec Record, c encodedquery.Condition) bool {
	if join, ok := strings.CutPrefix(c.Value, "JOIN"); ok && c.Verbatim {
		left, right, _ := strings.Cut(join, "=")
		return s.evalJoin(tableName, rec, left, right)
	}
	if c.Verbatim {
		return true
	}
	v := s.lookup(tableName, rec, c.Field)
	lower := strings.ToLower
	switch c.Operator {
	case "=":
		return v == c.Value
	case "!=":
		return v != c.Value
	case "LIKE":
		return strings.Contains(lower(v), lower(c.Value))
	case "NOT LIKE", "NOTLIKE":
		return !strings.Contains(lower(v), lower(c.Value))
	case "STARTSWITH":
		return strings.HasPrefix(lower(v), lower(c.Value))
	case "ENDSWITH":
		return strings.HasSuffix(lower(v), lower(c.Value))
	case "IN":
		return inList(v, c.Value)
	case "NOT IN":
		return !inList(v, c.Value)
	case "ISEMPTY", "EMPTYSTRING":
		return v == ""
	case "ISNOTEMPTY":
		return v != ""
	case "ANYTHING":
		return true
	case "<":
		return v != "" && compare(v, c.Value) < 0
	case "<=":
		return v != "" && compare(v, c.Value) <= 0
	case ">":
		return v != "" && compare(v, c.Value) > 0
	case ">=":
		return v != "" && compare(v, c.Value) >= 0
	case "BETWEEN":
		lo, hi, ok := strings.Cut(c.Value, "@")
		return ok && v != "" && compare(v, lo) >= 0 && compare(v, hi) <= 0
	case "SAMEAS":
		return v == s.lookup(tableName, rec, c.Value)
	case "NSAMEAS":
		return v != s.lookup(tableName, rec, c.Value)
	case "GT_FIELD":
		return compare(v, s.lookup(tableName, rec, c.Value)) > 0
	case "LT_FIELD":
		return compare(v, s.lookup(tableName, rec, c.Value)) < 0
	case "GT_OR_EQUALS_FIELD":
		return compare(v, s.lookup(tableName, rec, c.Value)) >= 0
	case "LT_OR_EQUALS_FIELD":
		return compare(v, s.lookup(tableName, rec, c.Value)) <= 0
	case "ON", "NOTON":
		in := s.onPeriod(v, c.Value)
		return v != "" && (in == (c.Operator == "ON"))
	case "RELATIVEGT", "RELATIVELT", "RELATIVEGE", "RELATIVELE", "RELATIVEEE":
		return s.evalRelative(c.Operator, v, c.Value)
	case "MORETHAN", "LESSTHAN":
		return evalDayDiff(c.Operator, v, s.lookup(tableName, rec, fieldOf(c.Value)), c.Value)
	case "DATEPART":
		return evalDatePart(v, c.Value)
	case "VALCHANGES", "CHANGESFROM", "CHANGESTO":
		return false // only meaningful in business rules
	}
	return true
}

func inList(v, list string) bool {
	for _, item := range strings.Split(list, ",") {
		if item == v {
			return true
		}
	}
	return false
}

// onPeriod evaluates ON/NOTON for the periods the builder writes, in UTC.
func (s *Server) onPeriod(v, value string) bool {
	label, _, _ := strings.Cut(value, "@")
	now := s.clock()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var from, to time.Time
	switch label {
	case "Today":
		from, to = day, day.AddDate(0, 0, 1)
	case "Yesterday":
		from, to = day.AddDate(0, 0, -1), day
	case "Tomorrow":
		from, to = day.AddDate(0, 0, 1), day.AddDate(0, 0, 2)
	case "Last 7 days":
		from, to = day.AddDate(0, 0, -6), day.AddDate(0, 0, 1)
	case "Last 30 days":
		from, to = day.AddDate(0, 0, -29), day.AddDate(0, 0, 1)
	case "Last 90 days":
		from, to = day.AddDate(0, 0, -89), day.AddDate(0, 0, 1)
	case "This month":
		from = time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(0, 1, 0)
	case "This year":
		from = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(1, 0, 0)
	default:
		d, err := time.Parse("2006-01-02", label) // a date, as OnDate writes it; the fake's users are in UTC
		if err != nil {
			return false
		}
		from, to = d, d.AddDate(0, 0, 1)
	}
	return v >= from.Format(timeLayout) && v < to.Format(timeLayout)
}

// relative reads "@unit@ago|ahead@n".
func (s *Server) relative(value string) (time.Time, bool) {
	parts := strings.Split(strings.TrimPrefix(value, "@"), "@")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil {
		return time.Time{}, false
	}
	if parts[1] == "ago" {
		n = -n
	}
	now := s.clock()
	switch parts[0] {
	case "minute":
		return now.Add(time.Duration(n) * time.Minute), true
	case "hour":
		return now.Add(time.Duration(n) * time.Hour), true
	case "dayofweek":
		return now.AddDate(0, 0, n), true
	case "month":
		return now.AddDate(0, n, 0), true
	case "year":
		return now.AddDate(n, 0, 0), true
	}
	return time.Time{}, false
}
