// Package feedcursor holds what the clients' change-feed cursors share:
// their persisted text and its checks.
package feedcursor

import (
	"encoding/json"
	"fmt"
	"time"
)

// Doc is a cursor's persisted form, a JSON document that names its
// format version.
type Doc interface {
	FormatVersion() int
}

// Decode decodes b into doc and returns "" when it is a cursor of format
// version, or else what is wrong with it, for an input error.
func Decode(b []byte, version int, doc Doc) (problem string) {
	if err := json.Unmarshal(b, doc); err != nil {
		return "is not a cursor: " + err.Error()
	}
	if v := doc.FormatVersion(); v != version {
		return fmt.Sprintf("has format version %d, not %d", v, version)
	}
	return ""
}

// Single is the text of a cursor of a feed ordered by one time: what the
// feed follows, the latest time it has passed (in the feed's grain since
// the Unix epoch; 0 for none) and the versions it has yielded near that
// time.
type Single[V any] struct {
	Version int          `json:"v"`
	Scope   string       `json:"scope"`
	High    int64        `json:"high"`
	Seen    map[string]V `json:"seen,omitempty"`
}

// FormatVersion implements Doc.
func (t *Single[V]) FormatVersion() int { return t.Version }

// EncodeSingle writes the text of a cursor of format version at high, in
// units of grain.
func EncodeSingle[V any](version int, scope string, high time.Time, grain time.Duration, seen map[string]V) ([]byte, error) {
	t := Single[V]{Version: version, Scope: scope, Seen: seen}
	if !high.IsZero() {
		t.High = high.UnixNano() / int64(grain)
	}
	return json.Marshal(t)
}

// DecodeSingle reads the text of a cursor of format version written with
// grain; problem, when not empty, says what is wrong with it.
func DecodeSingle[V any](b []byte, version int, grain time.Duration) (scope string, high time.Time, seen map[string]V, problem string) {
	var t Single[V]
	if problem = Decode(b, version, &t); problem != "" {
		return "", time.Time{}, nil, problem
	}
	if t.High != 0 {
		high = time.Unix(0, t.High*int64(grain)).UTC()
	}
	return t.Scope, high, t.Seen, ""
}
