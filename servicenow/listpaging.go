package servicenow

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit"
)

// isEmptyList reports a v1-style 404 "No Record found" answer to a list,
// which means an empty result.
func isEmptyList(err error) bool {
	var e *incidentkit.Error
	return errors.As(err, &e) && e.StatusCode == 404 && strings.Contains(strings.ToLower(e.Message), "no record")
}

// urlWindow reads the offset and limit a next-page URL asks for.
func urlWindow(raw string, offset, limit int) (int, int) {
	u, err := url.Parse(raw)
	if err != nil {
		return offset, limit
	}
	q := u.Query()
	if n, err := strconv.Atoi(q.Get("sysparm_offset")); err == nil && n >= 0 {
		offset = n
	}
	if n, err := strconv.Atoi(q.Get("sysparm_limit")); err == nil && n > 0 {
		limit = n
	}
	return offset, limit
}
