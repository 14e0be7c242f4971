// Package feedcursor holds what the clients' change-feed cursors share:
// the checks on their persisted text.
package feedcursor

import (
	"encoding/json"
	"fmt"
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
