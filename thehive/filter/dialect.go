package filter

import "strconv"

// Dialect selects one of TheHive's two APIs.
type Dialect uint8

const (
	// V1 is TheHive 5's /api/v1 query API.
	V1 Dialect = iota + 1
	// V0 is the /api/case/_search API of TheHive 3 and 4, with string
	// matches encoded for TheHive 3: an Elasticsearch _wildcard whose
	// pattern escapes *, ? and \ (elastic4play's QueryDSL).
	V0
	// V0TheHive4 is V0 as TheHive 4 serves it: StartsWith and EndsWith are
	// its _startsWith and _endsWith, and Like is a _like between a leading
	// and a trailing *, which ScalliGraph strips once (InputFilter.like):
	// each matches the value as it is, with nothing to escape. Everything
	// else encodes as in V0.
	V0TheHive4
)

// String returns "v1", "v0" or "v0 (TheHive 4)".
func (d Dialect) String() string {
	switch d {
	case V1:
		return "v1"
	case V0:
		return "v0"
	case V0TheHive4:
		return "v0 (TheHive 4)"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

// Legacy reports whether d is one of the /api/case dialects of TheHive 3
// and 4 (V0 or V0TheHive4).
func (d Dialect) Legacy() bool { return d == V0 || d == V0TheHive4 }
