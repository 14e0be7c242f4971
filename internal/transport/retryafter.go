package transport

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetryAfterSeconds bounds the delta-seconds form before it is turned
// into a Duration, so absurd values cannot overflow.
const maxRetryAfterSeconds = 10 * 365 * 24 * 3600

// ParseRetryAfter reads a Retry-After value, either delta-seconds ("120")
// or an HTTP date, relative to now. It reports false for a missing or
// malformed value; a date in the past gives zero.
func ParseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if isDigits(v) {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n > maxRetryAfterSeconds {
			n = maxRetryAfterSeconds
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	if d < 0 {
		d = 0
	}
	return d, true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// retryAfter returns the Retry-After of an answer, if it has a valid one.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil {
		return 0, false
	}
	return ParseRetryAfter(resp.Header.Get("Retry-After"), time.Now())
}
