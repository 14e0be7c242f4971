package servicenow

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
)

// fieldRecord is a record type decoded member by member: field returns
// where a member decodes (nil skips it), raw where the record as sent is
// kept.
type fieldRecord[T any] interface {
	*T
	field(name []byte) any
	raw() *json.RawMessage
}

// decodeRecord decodes the record b into dst in one pass and keeps b in
// its Raw: each member goes into the field that field returns for its name
// (nil skips it), a *string by text, anything else by its own
// UnmarshalJSON. JSON null leaves dst as it was, and so does an error.
// kind names the record in the error.
func decodeRecord[T any, P fieldRecord[T]](dst P, b []byte, kind string) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	var out T
	err := jsonwalk.Object(b, func(name, v []byte) error {
		switch f := P(&out).field(name).(type) {
		case *string:
			return text(f, v)
		case json.Unmarshaler:
			return f.UnmarshalJSON(v)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("servicenow: %s: %w", kind, err)
	}
	*P(&out).raw() = append(json.RawMessage(nil), b...)
	*dst = out
	return nil
}
