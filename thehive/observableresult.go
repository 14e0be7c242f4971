package thehive

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// ErrPartial matches a *PartialError: some objects were created and some
// were refused.
var ErrPartial = errors.New("some objects were not created")

// ObservableResult is what adding observables produced.
type ObservableResult struct {
	// Created are the observables the server created.
	Created []*Observable
	// Failures are the values it refused (a 207 answer).
	Failures []Failure
}

// Failure is one refused element of a multi-object create.
type Failure struct {
	// Type is TheHive's error type ("CreateError", ...).
	Type    string `json:"type"`
	Message string `json:"message"`
	// Object is the refused input as the server echoed it.
	Object json.RawMessage `json:"object,omitempty"`
}

// PartialError reports an answer in which some observables were created
// and others refused. Result holds both halves; the same Result is also
// returned beside the error.
type PartialError struct {
	Result *ObservableResult
}

// Error implements the error interface.
func (e *PartialError) Error() string {
	var b strings.Builder
	b.WriteString("thehive: ")
	b.WriteString(strconv.Itoa(len(e.Result.Created)))
	b.WriteString(" observable(s) created, ")
	b.WriteString(strconv.Itoa(len(e.Result.Failures)))
	b.WriteString(" refused")
	if len(e.Result.Failures) > 0 {
		f := e.Result.Failures[0]
		b.WriteString(": ")
		if f.Type != "" {
			b.WriteString(f.Type)
			b.WriteString(": ")
		}
		b.WriteString(f.Message)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrPartial) hold.
func (e *PartialError) Is(target error) bool { return target == ErrPartial }

// observableAnswer decodes every shape an observable create answers with:
// an array (V1), one object (V0 with one value), or a multi-status object
// {"success": [...], "failure": [...]}.
type observableAnswer struct {
	d   Dialect
	res ObservableResult
}

// UnmarshalJSON decodes any of the three shapes.
func (a *observableAnswer) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	decodeList := func(raw []byte) ([]*Observable, error) {
		var list []v0Observable
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, err
		}
		out := make([]*Observable, len(list))
		for i := range list {
			out[i] = a.convert(&list[i])
		}
		return out, nil
	}
	switch b[0] {
	case '[':
		list, err := decodeList(b)
		a.res.Created = list
		return err
	case '{':
		var multi struct {
			Success json.RawMessage `json:"success"`
			Failure []Failure       `json:"failure"`
		}
		if err := json.Unmarshal(b, &multi); err != nil {
			return err
		}
		if multi.Success != nil || multi.Failure != nil {
			a.res.Failures = multi.Failure
			if len(multi.Success) > 0 && string(multi.Success) != "null" {
				list, err := decodeList(multi.Success)
				if err != nil {
					return err
				}
				a.res.Created = list
			}
			return nil
		}
		var one v0Observable
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		a.res.Created = []*Observable{a.convert(&one)}
		return nil
	}
	return &json.UnmarshalTypeError{Value: "answer", Offset: 0}
}

// convert folds V0 names in; both dialects are decoded through the V0
// wire form since its extra names never occur in V1 answers.
func (a *observableAnswer) convert(w *v0Observable) *Observable {
	o := &w.Observable
	w.fold(&o.Record)
	o.normalize(a.d)
	return o
}

// result returns the decoded result and, when anything was refused, a
// *PartialError carrying it.
func (a *observableAnswer) result() (*ObservableResult, error) {
	res := &a.res
	if len(res.Failures) > 0 {
		return res, &PartialError{Result: res}
	}
	return res, nil
}
