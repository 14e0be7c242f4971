package servicenow

import (
	"context"
	"encoding/json"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// listBody decodes a list answer in one pass, for record types that decode
// themselves (Incident, for one): encoding/json would scan each record
// twice before handing it over.
type listBody[T any] struct {
	items  []T
	err    *apiError
	status string
}

// DecodeJSON implements transport.RawDecoder.
func (l *listBody[T]) DecodeJSON(b []byte) error {
	return jsonwalk.Object(b, func(name, v []byte) error {
		switch string(name) {
		case "result":
			return jsonwalk.Array(v, func(elem []byte) error {
				var x T
				if err := any(&x).(json.Unmarshaler).UnmarshalJSON(elem); err != nil {
					return err
				}
				l.items = append(l.items, x)
				return nil
			})
		case "error":
			return json.Unmarshal(v, &l.err)
		case "status":
			return json.Unmarshal(v, &l.status)
		}
		return nil
	})
}

// selfDecoding reports whether *T implements json.Unmarshaler.
func selfDecoding[T any]() bool {
	_, ok := any(new(T)).(json.Unmarshaler)
	return ok
}

// doList sends a list request and decodes the records, through listBody
// when T decodes itself; the error envelope is an error even with 200.
func doList[T any](ctx context.Context, c *Client, r *transport.Request) ([]T, *transport.Response, error) {
	if !selfDecoding[T]() {
		var items []T
		resp, err := do(ctx, c, r, &items)
		return items, resp, err
	}
	var body listBody[T]
	resp, err := c.core.Do(ctx, r, &body)
	if err != nil {
		return nil, resp, err
	}
	if err := envelopeError(c, r, resp, body.err, body.status); err != nil {
		return nil, resp, err
	}
	return body.items, resp, nil
}
