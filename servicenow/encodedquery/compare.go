package encodedquery

import (
	"strconv"
	"strings"
)

// CompareValues orders two stored field values as conditions compare
// them: as numbers when both are numbers, else as text, which orders
// stored date-times ("2006-01-02 15:04:05") correctly too. It returns -1,
// 0 or +1. Code that evaluates a Query against records (with Match) uses
// it for <, >, BETWEEN and the _FIELD comparisons.
func CompareValues(a, b string) int {
	fa, errA := strconv.ParseFloat(a, 64)
	fb, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	return strings.Compare(a, b)
}
