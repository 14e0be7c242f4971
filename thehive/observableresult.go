package thehive

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// ErrPartial matches a *PartialError: some values of a multi-value create
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
	Type string `json:"type"`
	// Message is the server's reason ("Observable already exists").
	Message string `json:"message"`
	// Object is the refused input as the server echoed it.
	Object json.RawMessage `json:"object,omitempty"`
}

// Exists reports whether the value was refused because the case or alert
// has it already.
func (f *Failure) Exists() bool { return duplicate(f.Type, f.Message) }

// PartialError reports an observable create in which some values were
// refused; Created may hold the others or be empty (TheHive 4 and 5 answer
// 207 even when every value was refused). Result holds both halves; the
// same Result is also returned beside the error. It matches ErrPartial,
// and ErrAlreadyExists when every refused value exists already.
type PartialError struct {
	// Result is what was created and what was refused.
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

// Is makes errors.Is(err, ErrPartial) hold, and errors.Is(err,
// ErrAlreadyExists) when every refused value was a duplicate.
func (e *PartialError) Is(target error) bool {
	switch target {
	case ErrPartial:
		return true
	case ErrAlreadyExists:
		for i := range e.Result.Failures {
			if !e.Result.Failures[i].Exists() {
				return false
			}
		}
		return len(e.Result.Failures) > 0
	}
	return false
}

// observableAnswer decodes every shape an observable create answers with:
// an array (V1), one object (V0 with one value), or a multi-status object
// {"success": [...], "failure": [...]}.
type observableAnswer struct {
	sp  *dialectSpec
	res ObservableResult
}

// DecodeJSON implements transport.RawDecoder: it decodes any of the three
// shapes; each observable keeps its own JSON in Raw.
func (a *observableAnswer) DecodeJSON(b []byte) error {
	b = bytes.TrimSpace(bytes.Clone(b))
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	switch b[0] {
	case '[':
		list, err := decodeArray[Observable, observableWire](a.sp, b, 0)
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
			if len(multi.Success) == 0 {
				return nil
			}
			list, err := decodeArray[Observable, observableWire](a.sp, multi.Success, 0)
			a.res.Created = list
			return err
		}
		o, err := decoder[Observable, observableWire](a.sp)(b)
		if err != nil {
			return err
		}
		a.res.Created = []*Observable{o}
		return nil
	}
	return &json.UnmarshalTypeError{Value: "answer", Offset: 0}
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
