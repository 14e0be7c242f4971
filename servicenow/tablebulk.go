package servicenow

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
)

// Outcome is one record's outcome in a bulk call: the stored record, or
// why it failed.
type Outcome[T any] struct {
	// SysID is the record's sys_id: the one given, or the new record's.
	SysID string
	// Record is the stored record; nil for a delete and when the write
	// failed. A *DisplayValueError comes with the record it was written
	// to.
	Record *T
	// Err is the record's error, as BatchResult.Err.
	Err error
}

// RecordUpdate is one record's update in UpdateMany: the fields of Fields
// (any value that encodes as a JSON object) written to the record SysID.
type RecordUpdate struct {
	SysID  string
	Fields any
}

// CreateMany inserts one record per element of ins (each as for Create)
// through the Batch API and returns one outcome per input, in order. The
// batches are sent once. The error is the first batch-level failure (see
// BatchService.Do); each outcome holds its record's own.
func (t *Table[T]) CreateMany(ctx context.Context, ins []any, opts *BatchOptions) ([]Outcome[T], error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	reqs := make([]BatchRequest, len(ins))
	for i, in := range ins {
		if in == nil {
			return nil, inputErr("record "+strconv.Itoa(i), "is nil")
		}
		reqs[i] = BatchRequest{Method: http.MethodPost, Path: "api/now/table/" + url.PathEscape(t.name), Body: in, Out: new(T)}
	}
	return t.bulk(ctx, reqs, opts, nil)
}

// UpdateMany writes each change (as for Update) through the Batch API and
// returns one outcome per change, in order.
func (t *Table[T]) UpdateMany(ctx context.Context, changes []RecordUpdate, opts *BatchOptions) ([]Outcome[T], error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	reqs := make([]BatchRequest, len(changes))
	ids := make([]string, len(changes))
	for i, ch := range changes {
		if err := checkID(ch.SysID); err != nil {
			return nil, err
		}
		ids[i] = ch.SysID
		reqs[i] = BatchRequest{Method: http.MethodPatch, Path: "api/now/table/" + url.PathEscape(t.name) + "/" + url.PathEscape(ch.SysID),
			Body: ch.Fields, Out: new(T)}
	}
	return t.bulk(ctx, reqs, opts, ids)
}

// DeleteMany deletes the records sysIDs through the Batch API and returns
// one outcome per record, in order.
func (t *Table[T]) DeleteMany(ctx context.Context, sysIDs []string, opts *BatchOptions) ([]Outcome[T], error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	reqs := make([]BatchRequest, len(sysIDs))
	for i, id := range sysIDs {
		if err := checkID(id); err != nil {
			return nil, err
		}
		reqs[i] = BatchRequest{Method: http.MethodDelete, Path: "api/now/table/" + url.PathEscape(t.name) + "/" + url.PathEscape(id)}
	}
	return t.bulk(ctx, reqs, opts, sysIDs)
}

// bulk sends reqs and turns the results into outcomes; ids are the
// records' sys_ids when known beforehand.
func (t *Table[T]) bulk(ctx context.Context, reqs []BatchRequest, opts *BatchOptions, ids []string) ([]Outcome[T], error) {
	for i := range reqs {
		if reqs[i].Method != http.MethodDelete {
			reqs[i].Query = displayQuery(ctx, reqs[i].Query)
		}
	}
	results, err := t.c.Batch.Do(ctx, reqs, opts)
	if results == nil {
		return nil, err
	}
	out := make([]Outcome[T], len(results))
	for i, r := range results {
		if ids != nil {
			out[i].SysID = ids[i]
		}
		out[i].Err = r.Err
		if r.Err != nil || reqs[i].Out == nil {
			continue
		}
		out[i].Record = reqs[i].Out.(*T)
		if out[i].SysID == "" {
			out[i].SysID = resultSysID(r.Body)
		}
		out[i].Err = referenceCheck(ctx, reqs[i].Body, out[i].Record)
	}
	return out, err
}

// resultSysID reads the sys_id of the record in an answer's result: a
// string, or the value of a {"display_value","value"} pair.
func resultSysID(body []byte) string {
	var env struct {
		Result struct {
			SysID json.RawMessage `json:"sys_id"`
		} `json:"result"`
	}
	if json.Unmarshal(body, &env) != nil {
		return ""
	}
	var pair struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(env.Result.SysID, &pair) == nil && pair.Value != "" {
		return pair.Value
	}
	return rawString(env.Result.SysID)
}
