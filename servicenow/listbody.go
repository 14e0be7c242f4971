package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// listBody decodes a list answer in one pass. Each record is decoded in
// place into one contiguous slice, which the page's item pointers then
// share: by its own UnmarshalJSON where it has one (Incident, for one;
// encoding/json would scan each record twice before handing it over),
// else (a map, or a struct without a sys_id field) by encoding/json,
// record by record. doList sends a caller's struct with a sys_id field
// through encoding/json in one pass instead. Beside each record it keeps the record's key, its
// sys_id, so that paging drops a record met twice and notices a server
// that answers the same page again.
type listBody[T any] struct {
	items  []T
	keys   []uint64
	err    *apiError
	status string
	// result is set when the answer holds a result array.
	result bool
}

// recordKeyer is a record type that knows its sys_id.
type recordKeyer interface{ recordKey() uint64 }

// maxItemsHint bounds the capacity reserved for a page's records before
// the answer is read, so that a large page size asked for a small result
// does not reserve memory it never uses.
const maxItemsHint = DefaultPageSize

// DecodeJSON implements transport.RawDecoder. It starts afresh, so a body
// read again after a failed attempt is not appended to the first.
func (l *listBody[T]) DecodeJSON(b []byte) error {
	l.items, l.keys, l.err, l.status, l.result = l.items[:0], l.keys[:0], nil, "", false
	return jsonwalk.Object(b, func(name, v []byte) error {
		switch string(name) {
		case "result":
			if string(v) == "null" {
				return nil
			}
			l.result = true
			return jsonwalk.Array(v, l.record)
		case "error":
			return json.Unmarshal(v, &l.err)
		case "status":
			return json.Unmarshal(v, &l.status)
		}
		return nil
	})
}

// record decodes one element of the result array and its key.
func (l *listBody[T]) record(elem []byte) error {
	var zero T
	l.items = append(l.items, zero)
	it := &l.items[len(l.items)-1]
	var err error
	if u, ok := any(it).(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(elem)
	} else {
		err = json.Unmarshal(elem, it)
	}
	if err != nil {
		return err
	}
	if k, ok := any(it).(recordKeyer); ok {
		l.keys = append(l.keys, k.recordKey())
	} else {
		l.keys = append(l.keys, paging.Key(sysIDOf(elem)))
	}
	return nil
}

// sysIDField returns the index of T's string field decoded from sys_id,
// for a struct type that does not decode itself.
func sysIDField[T any]() ([]int, bool) {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct || selfDecoding[T]() {
		return nil, false
	}
	for _, f := range reflect.VisibleFields(t) {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "sys_id" && f.Type.Kind() == reflect.String && f.IsExported() && direct(t, f.Index) {
			return f.Index, true
		}
	}
	return nil, false
}

// direct reports whether the field at index is reached without going
// through an embedded pointer, which may be nil.
func direct(t reflect.Type, index []int) bool {
	for _, i := range index[:len(index)-1] {
		t = t.Field(i).Type
		if t.Kind() != reflect.Struct {
			return false
		}
	}
	return true
}

// selfDecoding reports whether *T implements json.Unmarshaler.
func selfDecoding[T any]() bool {
	_, ok := any(new(T)).(json.Unmarshaler)
	return ok
}

// errFound stops a walk once the member it looks for is found.
var errFound = errors.New("found")

// sysIDOf returns the raw JSON value of a record's sys_id member (a string,
// or a {"display_value","value"} object), nil when it has none.
func sysIDOf(rec []byte) []byte {
	var id []byte
	_ = jsonwalk.Object(rec, func(name, v []byte) error {
		if string(name) == "sys_id" {
			id = v
			return errFound
		}
		return nil
	})
	return id
}

// doList sends a list request and decodes the records and their keys. The
// error envelope is an error even with 200, and so is a success answer
// without a result array: it holds no records, and reading it as an empty
// page would end a listing early.
func doList[T any](ctx context.Context, c *Client, r *transport.Request, limit int) ([]T, []uint64, *transport.Response, error) {
	if field, ok := sysIDField[T](); ok {
		// A caller's struct with a sys_id field: encoding/json decodes
		// the page in one pass (do refuses an answer without a result),
		// and the keys are read from the field.
		var items []T
		resp, err := do(ctx, c, r, &items)
		if err != nil {
			return nil, nil, resp, err
		}
		keys := make([]uint64, len(items))
		for i := range items {
			keys[i] = paging.Key(reflect.ValueOf(&items[i]).Elem().FieldByIndex(field).String())
		}
		return items, keys, resp, nil
	}
	body := listBody[T]{items: make([]T, 0, min(limit, maxItemsHint)), keys: make([]uint64, 0, min(limit, maxItemsHint))}
	resp, err := c.core.Do(ctx, r, &body)
	if err != nil {
		return nil, nil, resp, err
	}
	if err := envelopeError(c, r, resp, body.err, body.status); err != nil {
		return nil, nil, resp, err
	}
	if !body.result {
		return nil, nil, resp, noResult(c, r, resp)
	}
	return body.items, body.keys, resp, nil
}
