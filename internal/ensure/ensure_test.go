package ensure

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
)

var (
	errLost   = &incidentkit.RequestError{Service: "x", Err: errors.New("connection reset")}
	errRefuse = &incidentkit.Error{Service: "x", StatusCode: 400}
	errDup    = errors.New("duplicate")
)

// TestDo runs the loop against a store whose creates fail in turn as
// told, and checks the result, whether the call made the record and how
// many records exist.
func TestDo(t *testing.T) {
	for _, tt := range []struct {
		name     string
		existing bool
		creates  []error // each create's fault; a fault with acted set still stores
		acted    []bool
		findErr  error
		want     string // "rec", "none"
		made     bool
		err      error
		stored   int
		sent     int
	}{
		{name: "found first", existing: true, want: "rec", stored: 1},
		{name: "created", creates: []error{nil}, acted: []bool{true}, want: "rec", made: true, stored: 1, sent: 1},
		{name: "answer lost after acting", creates: []error{errLost}, acted: []bool{true}, want: "rec", made: true, stored: 1, sent: 1},
		{name: "lost before acting, sent again", creates: []error{errLost, nil}, acted: []bool{false, true}, want: "rec", made: true, stored: 1, sent: 2},
		{name: "lost twice", creates: []error{errLost, errLost}, acted: []bool{false, false}, want: "none", err: errLost, sent: 2},
		{name: "refused", creates: []error{errRefuse}, acted: []bool{false}, want: "none", err: errRefuse, sent: 1},
		{name: "duplicate answer", creates: []error{errDup}, acted: []bool{false}, existing: false, want: "none", err: errDup, sent: 1},
		{name: "lookup fails", findErr: errRefuse, want: "none", err: errRefuse},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stored, sent := 0, 0
			if tt.existing {
				stored = 1
			}
			find := func() (string, bool, error) {
				if tt.findErr != nil {
					return "", false, tt.findErr
				}
				return "rec", stored > 0, nil
			}
			create := func() (string, error) {
				i := sent
				sent++
				if tt.acted[i] {
					stored++
				}
				if tt.creates[i] != nil {
					return "", tt.creates[i]
				}
				return "rec", nil
			}
			rec, made, err := Do(find, create, func(err error) bool { return errors.Is(err, errDup) })
			got := "none"
			if rec != "" {
				got = rec
			}
			if got != tt.want || made != tt.made || !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Errorf("Do = %q, %v, %v; want %q, %v, %v", got, made, err, tt.want, tt.made, tt.err)
			}
			if stored != max(tt.stored, boolInt(tt.existing)) || sent != tt.sent {
				t.Errorf("stored %d, sent %d; want %d, %d", stored, sent, tt.stored, tt.sent)
			}
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestDoDuplicateAnswerReturnsTheExistingRecord checks that a create the
// API refuses as a duplicate returns the record it has, not made here.
func TestDoDuplicateAnswerReturnsTheExistingRecord(t *testing.T) {
	lookups := 0
	find := func() (string, bool, error) { lookups++; return "theirs", lookups > 1, nil }
	rec, made, err := Do(find, func() (string, error) { return "", fmt.Errorf("create: %w", errDup) },
		func(err error) bool { return errors.Is(err, errDup) })
	if rec != "theirs" || made || err != nil {
		t.Errorf("Do = %q, %v, %v; want theirs, false, nil", rec, made, err)
	}
}

// TestDoUnsettled loses a create's answer and fails the lookup after it:
// the error says the outcome is unknown, and carries both errors.
func TestDoUnsettled(t *testing.T) {
	errDeadline := fmt.Errorf("lookup: %w", context.DeadlineExceeded)
	notFound := &incidentkit.Error{Service: "x", StatusCode: 404}
	for _, tt := range []struct {
		name   string
		lookup error
	}{
		{name: "lookup past its deadline", lookup: errDeadline},
		{name: "lookup refused", lookup: notFound},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lookups := 0
			find := func() (string, bool, error) {
				if lookups++; lookups > 1 {
					return "", false, tt.lookup
				}
				return "", false, nil
			}
			_, made, err := Do(find, func() (string, error) { return "", errLost }, nil)
			if made || !errors.Is(err, errLost) || !errors.Is(err, tt.lookup) {
				t.Fatalf("Do = %v, %v; want both errors", made, err)
			}
			if !incidentkit.OutcomeUnknown(err) {
				t.Errorf("OutcomeUnknown(%v) = false", err)
			}
			if !strings.Contains(err.Error(), "may have been made") {
				t.Errorf("error %q does not say the record may exist", err)
			}
		})
	}
}
