package servicenow

import (
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// TestKeysetQuery checks the query a change feed pages with: after the
// last (sys_updated_on, sys_id) read, in that order, within the caller's
// query.
func TestKeysetQuery(t *testing.T) {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	active := encodedquery.Field("active").Eq(true)
	for _, tt := range []struct {
		from time.Time
		id   string
		want string
	}{
		{time.Time{}, "", "active=true^ORDERBYsys_updated_on^ORDERBYsys_id"},
		{at, "", "active=true^sys_updated_on>=2026-11-23 10:00:00^ORDERBYsys_updated_on^ORDERBYsys_id"},
		{at, "abc", "active=true^sys_updated_on>2026-11-23 10:00:00^NQactive=true^sys_updated_on=2026-11-23 10:00:00^sys_id>abc" +
			"^ORDERBYsys_updated_on^ORDERBYsys_id"},
	} {
		if got, err := keysetQuery(active, tt.from, tt.id).Encode(); err != nil || got != tt.want {
			t.Errorf("keysetQuery(%v, %q) = %q, %v\nwant %q", tt.from, tt.id, got, err, tt.want)
		}
	}
}
