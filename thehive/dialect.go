package thehive

import "github.com/incidentkit/incidentkit/thehive/filter"

// Dialect selects one of TheHive's two APIs; requests, filters and TLP
// values are encoded for it.
type Dialect = filter.Dialect

// The dialects a Client can speak.
const (
	// V1 is TheHive 5's /api/v1 API, the default.
	V1 = filter.V1
	// V0 is the /api/case API of TheHive 3 and 4 (still served by 5).
	V0 = filter.V0
)
