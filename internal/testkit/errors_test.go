package testkit

import (
	"errors"
	"fmt"
	"testing"

	"github.com/incidentkit/incidentkit"
)

func TestErrorHelpers(t *testing.T) {
	apiErr := fmt.Errorf("get: %w", &incidentkit.Error{Service: "cyderes", StatusCode: 404, Message: "gone"})
	inputErr := fmt.Errorf("list: %w", &incidentkit.InputError{Service: "thehive", Field: "id", Problem: "is empty"})
	tests := []struct {
		name    string
		check   func(testing.TB, error, string) bool
		err     error
		service string
		pass    bool
	}{
		{name: "API error of the service", check: isAPIError, err: apiErr, service: "cyderes", pass: true},
		{name: "API error of another service", check: isAPIError, err: apiErr, service: "thehive"},
		{name: "input error is no API error", check: isAPIError, err: inputErr, service: "thehive"},
		{name: "nil is no API error", check: isAPIError, err: nil, service: "cyderes"},
		{name: "input error of the service", check: isInputError, err: inputErr, service: "thehive", pass: true},
		{name: "input error of another service", check: isInputError, err: inputErr, service: "cyderes"},
		{name: "API error is no input error", check: isInputError, err: apiErr, service: "cyderes"},
		{name: "plain error is no input error", check: isInputError, err: errors.New("x"), service: "cyderes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			returned := false
			failed := fails(t, func(tb testing.TB) { returned = tt.check(tb, tt.err, tt.service) })
			if failed == tt.pass || returned != tt.pass {
				t.Errorf("failed %v, returned the error %v; want it to pass: %v", failed, returned, tt.pass)
			}
		})
	}
}

func isAPIError(t testing.TB, err error, service string) bool {
	return APIError(t, err, service) != nil
}

func isInputError(t testing.TB, err error, service string) bool {
	return InputError(t, err, service) != nil
}
