package thehive

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
)

// recordOf is a record type T: finish reads its TLP for the dialect and
// keeps raw, the record's own JSON, in its Raw.
type recordOf[T any] interface {
	*T
	finish(sp *dialectSpec, raw json.RawMessage)
}

// wireOf is the decoding form W of a record type T for TheHive 3/4: W
// embeds T beside the names that API uses for the same fields (id,
// createdAt, owner, ...). record folds the old names into T and finishes
// it.
type wireOf[T, W any] interface {
	*W
	record(sp *dialectSpec, raw json.RawMessage) *T
}

// asIs is the decoding form W of a record type T that TheHive 3/4 name no
// differently, or do not have: it decodes as T does.
type asIs[T any, PT recordOf[T]] struct{ rec T }

// UnmarshalJSON decodes b into the record.
func (w *asIs[T, PT]) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &w.rec) }

func (w *asIs[T, PT]) record(sp *dialectSpec, raw json.RawMessage) *T {
	PT(&w.rec).finish(sp, raw)
	return &w.rec
}

// decoder returns how the dialect of sp turns one decoded element into a
// record: TheHive 3/4 answers decode through W, TheHive 5 answers straight
// into T (one level of embedding less for encoding/json to walk).
func decoder[T, W any, PT recordOf[T], PW wireOf[T, W]](sp *dialectSpec) func(b []byte) (*T, error) {
	if sp.legacyNames {
		return func(b []byte) (*T, error) {
			w := new(W)
			if err := json.Unmarshal(b, w); err != nil {
				return nil, err
			}
			return PW(w).record(sp, b), nil
		}
	}
	return func(b []byte) (*T, error) {
		t := new(T)
		if err := json.Unmarshal(b, t); err != nil {
			return nil, err
		}
		PT(t).finish(sp, b)
		return t, nil
	}
}

// one decodes an answer holding one record.
type one[T, W any, PT recordOf[T], PW wireOf[T, W]] struct {
	sp  *dialectSpec
	out *T
}

// DecodeJSON implements transport.RawDecoder.
func (o *one[T, W, PT, PW]) DecodeJSON(b []byte) error {
	t, err := decoder[T, W, PT, PW](o.sp)(bytes.Clone(bytes.TrimSpace(b)))
	if err != nil {
		return err
	}
	if r, ok := any(t).(interface{ base() *Record }); ok && r.base().ID == "" {
		// JSON that is not one of TheHive's objects (a proxy's, an empty
		// object): acting on it would act on an empty id.
		return errNoID
	}
	o.out = t
	return nil
}

// errNoID is the cause of the *BodyError for a record answer without an id
// (_id in TheHive 5, id in TheHive 3/4).
var errNoID = errors.New("answer holds no object id")

// result returns the record, or a zero record for an answer without a
// body.
func (o *one[T, W, PT, PW]) result() *T {
	if o.out == nil {
		o.out = new(T)
		PT(o.out).finish(o.sp, nil)
	}
	return o.out
}

// many decodes an answer holding an array of records; hint is how many it
// expects (the page size), so that its arrays are allocated once.
type many[T, W any, PT recordOf[T], PW wireOf[T, W]] struct {
	sp    *dialectSpec
	hint  int
	items []*T
}

// DecodeJSON implements transport.RawDecoder. The records' Raw all point
// into one copy of the answer, so keeping them costs one allocation per
// page.
func (m *many[T, W, PT, PW]) DecodeJSON(b []byte) error {
	items, err := decodeArray[T, W, PT, PW](m.sp, bytes.Clone(b), m.hint)
	m.items = items
	return err
}

// decodeArray decodes the JSON array (or null) in own, which the records
// may keep: each record's Raw is its element of own.
func decodeArray[T, W any, PT recordOf[T], PW wireOf[T, W]](sp *dialectSpec, own []byte, hint int) ([]*T, error) {
	if sp.legacyNames {
		return decodeElems(own, hint, func(w *W, raw []byte) *T { return PW(w).record(sp, raw) })
	}
	return decodeElems(own, hint, func(t *T, raw []byte) *T {
		PT(t).finish(sp, raw)
		return t
	})
}

// decodeElems decodes each element of the JSON array in own into an E, all
// in one backing array, and makes each a record with its raw bytes. One
// json.Decoder reads every element, which costs far fewer allocations
// than a json.Unmarshal each, and less than decoding the array whole.
func decodeElems[E, T any](own []byte, hint int, record func(e *E, raw []byte) *T) ([]*T, error) {
	dec := json.NewDecoder(bytes.NewReader(own))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return nil, nil // null
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &json.UnmarshalTypeError{Value: "non-array", Type: reflect.TypeFor[[]T](), Offset: dec.InputOffset()}
	}
	hint = min(max(hint, 0), 10000)
	elems := make([]E, 0, hint)
	raws := make([][]byte, 0, hint)
	for dec.More() {
		start := dec.InputOffset()
		elems = append(elems, *new(E))
		if err := dec.Decode(&elems[len(elems)-1]); err != nil {
			return nil, err
		}
		end := dec.InputOffset()
		raws = append(raws, bytes.TrimLeft(own[start:end:end], ", \t\r\n"))
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return nil, err
	}
	// Pointers are taken once elems stops growing.
	items := make([]*T, len(elems))
	for i := range elems {
		items[i] = record(&elems[i], raws[i])
	}
	return items, nil
}
