package servicenow

import (
	"errors"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit"
)

// RateLimit holds the X-RateLimit-* values of an answer.
type RateLimit struct {
	// Limit is the number of requests the rule allows per period.
	Limit int
	// Reset is when the period ends.
	Reset time.Time
	// Rule names the rate-limit rule that applied.
	Rule string
	// RetryAfter is the server's Retry-After.
	RetryAfter time.Duration
}

// RateLimitOf returns the rate-limit values of an API error (a 429, for
// example). It reports false when err carries none.
func RateLimitOf(err error) (RateLimit, bool) {
	var e *incidentkit.Error
	if !errors.As(err, &e) || e.Header == nil {
		return RateLimit{}, false
	}
	h := e.Header
	rl := RateLimit{Rule: h.Get("X-RateLimit-Rule"), RetryAfter: e.RetryAfter}
	rl.Limit, _ = strconv.Atoi(h.Get("X-RateLimit-Limit"))
	if s, err := strconv.ParseInt(h.Get("X-RateLimit-Reset"), 10, 64); err == nil {
		rl.Reset = time.Unix(s, 0).UTC()
	}
	ok := rl.Limit != 0 || rl.Rule != "" || !rl.Reset.IsZero()
	return rl, ok
}
