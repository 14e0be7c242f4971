package filter

import "strconv"

// Dialect selects one of TheHive's two APIs.
type Dialect uint8

const (
	// V1 is TheHive 5's /api/v1 query API.
	V1 Dialect = iota + 1
	// V0 is the /api/case/_search API of TheHive 3 and 4.
	V0
)

// String returns "v1" or "v0".
func (d Dialect) String() string {
	switch d {
	case V1:
		return "v1"
	case V0:
		return "v0"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}
