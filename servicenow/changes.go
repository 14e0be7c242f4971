package servicenow

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"maps"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// DefaultSkewWindow is how far back a change feed looks again, by default,
// for updates committed after later ones (a transaction stamps
// sys_updated_on when it starts, not when it commits).
const DefaultSkewWindow = time.Minute

// ChangeOptions shape a change feed. The zero value (or nil) follows every
// record of the table.
type ChangeOptions struct {
	// Query narrows the records followed.
	Query encodedquery.Query
	// PageSize is how many records a request reads (DefaultPageSize
	// when 0).
	PageSize int
	// SkewWindow is how far back each pass looks again for late commits
	// (DefaultSkewWindow when 0).
	SkewWindow time.Duration
}

// Change is one change of a record: the record as it stands after it,
// its sys_id, and its version.
type Change[T any] struct {
	Record *T
	ID     string
	// At is the record's sys_updated_on (to the second).
	At time.Time
	// ModCount is the record's sys_mod_count: its number of updates.
	ModCount int
}

// Changes returns the changes of the table's records since cur, oldest
// first by (sys_updated_on, sys_id), and ends when it has caught up; range
// it again later to go on. It moves cur along as it yields, so that a
// cursor persisted after handling a change (MarshalText) resumes after it:
// across restarts, no change is yielded twice and none is missed. Each
// record is yielded at its latest version: two updates between passes
// make one change.
//
// The table is read by keyset (after the last update time and sys_id read,
// never by offset, so records updated during a pass cannot shift others
// out of it), and each pass starts again SkewWindow before the cursor's
// position to catch updates committed late, which the cursor's record of
// versions keeps from being yielded twice. Update times have a one-second
// grain; any number of records may share one. A cursor of another table
// is an input error.
func (t *Table[T]) Changes(ctx context.Context, cur *ChangeCursor, opts *ChangeOptions) iter.Seq2[*Change[T], error] {
	return func(yield func(*Change[T], error) bool) {
		if err := t.check(); err != nil {
			yield(nil, err)
			return
		}
		if cur == nil {
			yield(nil, inputErr("change cursor", "is nil"))
			return
		}
		if cur.table != "" && cur.table != t.name {
			yield(nil, inputErr("change cursor", "belongs to table "+strconv.Quote(cur.table)+", not "+strconv.Quote(t.name)))
			return
		}
		var o ChangeOptions
		if opts != nil {
			o = *opts
		}
		if o.PageSize <= 0 {
			o.PageSize = DefaultPageSize
		}
		if o.SkewWindow <= 0 {
			o.SkewWindow = DefaultSkewWindow
		}
		cur.table = t.name
		if cur.seen == nil {
			cur.seen = map[string]seenVersion{}
		}
		from, afterID := cur.high.Add(-o.SkewWindow), ""
		if cur.high.IsZero() {
			from = time.Time{}
		}
		offset, nextPrune := 0, 0
		for {
			items, total, err := changePage[T](ctx, t, keysetQuery(o.Query, from, afterID), o.PageSize, offset)
			if err != nil {
				yield(nil, err)
				return
			}
			if len(items) == 0 {
				// A page the user may read none of (the instance applies ACLs
				// after the limit) is stepped over by offset; an empty page
				// with nothing beyond it ends the pass.
				if total > offset+o.PageSize {
					offset += o.PageSize
					continue
				}
				cur.prune(o.SkewWindow)
				return
			}
			offset = 0
			// The keyset only moves forward, and later passes start no
			// earlier than SkewWindow before the cursor: what is older
			// than that is never read again, so the record of versions
			// stays near the size of the window even in a long first
			// pass (pruned whenever it has doubled).
			if len(cur.seen) >= nextPrune {
				cur.prune(o.SkewWindow)
				nextPrune = 2*len(cur.seen) + o.PageSize
			}
			for i := range items {
				r := &items[i]
				from, afterID = r.updated, r.id
				if v, ok := cur.seen[r.id]; ok && (r.mod < v.Mod || (r.mod == v.Mod && r.updated.Unix() <= v.Updated)) {
					continue // this version, or a later one, was yielded already
				}
				cur.seen[r.id] = seenVersion{Mod: r.mod, Updated: r.updated.Unix()}
				if r.updated.After(cur.high) {
					cur.high = r.updated
				}
				if !yield(&Change[T]{Record: r.rec, ID: r.id, At: r.updated, ModCount: r.mod}, nil) {
					return
				}
			}
		}
	}
}

// changePage reads one page of the feed's query, and the number of
// records the query matches (-1 when the instance does not say).
func changePage[T any](ctx context.Context, t *Table[T], q encodedquery.Query, size, offset int) ([]changeRow[T], int, error) {
	o := ListOptions{Query: q, PageSize: size, Offset: offset}
	_, query, err := o.check()
	if err != nil {
		return nil, 0, err
	}
	r := &transport.Request{Path: "api/now/table/{}", Args: []string{t.name},
		Query: wireQuery{ListOptions: o, Query: query, Limit: size, Offset: offset}}
	body := changeBody[T]{meta: make([]changeMeta, 0, min(size, maxItemsHint))}
	resp, err := t.c.core.Do(ctx, r, &body)
	if err == nil {
		err = envelopeError(t.c, r, resp, body.env.Error, body.env.Status)
	}
	if err != nil {
		if isEmptyList(err) {
			return nil, 0, nil
		}
		return nil, 0, err
	}
	if body.env.Result == nil {
		return nil, 0, noResult(t.c, r, resp)
	}
	items := *body.env.Result
	rows := make([]changeRow[T], len(items))
	for i := range items {
		rows[i] = changeRow[T]{rec: &items[i], changeMeta: body.meta[i]}
	}
	total := -1
	if n, err := strconv.Atoi(resp.Header.Get("X-Total-Count")); err == nil {
		total = n
	}
	return rows, total, nil
}

// keysetQuery selects the records of q updated after (from, afterID) in
// (sys_updated_on, sys_id) order: later than from, or at from with a
// greater sys_id.
func keysetQuery(q encodedquery.Query, from time.Time, afterID string) encodedquery.Query {
	updated, id := encodedquery.Field("sys_updated_on"), encodedquery.Field("sys_id")
	var after encodedquery.Query
	switch {
	case from.IsZero():
	case afterID == "":
		after = updated.Gte(from)
	default:
		after = encodedquery.Or(updated.Gt(from), encodedquery.And(updated.Eq(from), id.Gt(afterID)))
	}
	return encodedquery.And(q, after).OrderBy("sys_updated_on", "sys_id")
}

// prune forgets the versions older than the skew window before the
// cursor's position: a pass never reads them again.
func (c *ChangeCursor) prune(window time.Duration) {
	edge := c.high.Add(-window).Unix()
	maps.DeleteFunc(c.seen, func(_ string, v seenVersion) bool { return v.Updated < edge })
}

// changeRow is a record of a change feed: the caller's record, and the
// fields that place it in the feed.
type changeRow[T any] struct {
	rec *T
	changeMeta
}

// changeMeta are the fields that place a record in a change feed.
type changeMeta struct {
	id      string
	updated time.Time
	mod     int
}

// member reads sys_id, sys_updated_on and sys_mod_count, as plain values
// or {"display_value","value"} objects, and leaves the other members.
func (m *changeMeta) member(name, v []byte) error {
	var f Field
	var err error
	switch string(name) {
	case "sys_id":
		err = f.UnmarshalJSON(v)
		m.id = f.Value
	case "sys_updated_on":
		var t Time
		err = t.UnmarshalJSON(v)
		m.updated = t.Time
	case "sys_mod_count":
		err = f.UnmarshalJSON(v)
		m.mod, _ = strconv.Atoi(f.Value)
	}
	return err
}

// changeBody decodes a page of a change feed: the caller's records in one
// pass by encoding/json, as a listing of a caller's struct decodes them,
// then each record's place in the feed by one walk over the same bytes
// that decodes nothing else.
type changeBody[T any] struct {
	env  envelope[[]T]
	meta []changeMeta
}

// DecodeJSON implements transport.RawDecoder. It starts afresh, so a body
// read again after a failed attempt is not appended to the first.
func (cb *changeBody[T]) DecodeJSON(b []byte) error {
	cb.env, cb.meta = envelope[[]T]{}, cb.meta[:0]
	if err := json.Unmarshal(b, &cb.env); err != nil {
		return err
	}
	var m changeMeta
	err := jsonwalk.ObjectElements(b, "result", m.member, func() error {
		cb.meta = append(cb.meta, m)
		m = changeMeta{}
		return nil
	})
	if err == nil && cb.env.Result != nil && len(*cb.env.Result) != len(cb.meta) {
		err = errors.New("result records and their fields do not line up")
	}
	return err
}
