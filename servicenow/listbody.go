package servicenow

import (
	"context"
	"encoding/json"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// listBody decodes a list answer in one pass, for record types that decode
// themselves (Incident, for one): encoding/json would scan each record
// twice before handing it over. The records are decoded in place into one
// contiguous slice, which the page's item pointers then share.
type listBody[T any] struct {
	items  []T
	err    *apiError
	status string
}

// maxItemsHint bounds the capacity reserved for a page's records before
// the answer is read, so that a large page size asked for a small result
// does not reserve memory it never uses.
const maxItemsHint = DefaultPageSize

// DecodeJSON implements transport.RawDecoder. It starts afresh, so a body
// read again after a failed attempt is not appended to the first.
func (l *listBody[T]) DecodeJSON(b []byte) error {
	l.items, l.err, l.status = l.items[:0], nil, ""
	return jsonwalk.Object(b, func(name, v []byte) error {
		switch string(name) {
		case "result":
			return jsonwalk.Array(v, func(elem []byte) error {
				var zero T
				l.items = append(l.items, zero)
				return any(&l.items[len(l.items)-1]).(json.Unmarshaler).UnmarshalJSON(elem)
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
// limit is the number of records asked for, a capacity hint.
func doList[T any](ctx context.Context, c *Client, r *transport.Request, limit int) ([]T, *transport.Response, error) {
	if !selfDecoding[T]() {
		var items []T
		resp, err := do(ctx, c, r, &items)
		return items, resp, err
	}
	body := listBody[T]{items: make([]T, 0, min(limit, maxItemsHint))}
	resp, err := c.core.Do(ctx, r, &body)
	if err != nil {
		return nil, resp, err
	}
	if err := envelopeError(c, r, resp, body.err, body.status); err != nil {
		return nil, resp, err
	}
	return body.items, resp, nil
}
