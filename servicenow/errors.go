package servicenow

import (
	"encoding/json"

	"github.com/incidentkit/incidentkit"
)

// apiError is ServiceNow's error envelope.
type apiError struct {
	Message string `json:"message"`
	Detail  string `json:"detail"`
}

// decodeError fills e from ServiceNow's {"error":{...},"status":"failure"}.
func decodeError(e *incidentkit.Error, body []byte) bool {
	var env struct {
		Error *apiError `json:"error"`
	}
	if json.Unmarshal(body, &env) != nil || env.Error == nil {
		return false
	}
	e.Message, e.Detail = env.Error.Message, env.Error.Detail
	return true
}

// queryErr reports a query that cannot be encoded. It is an
// *incidentkit.InputError, so it matches ErrInvalidInput, and it wraps the
// builder's error, so errors.Is(err, encodedquery.ErrInvalid) holds and
// errors.As finds the *encodedquery.Error.
func queryErr(err error) error {
	return &incidentkit.InputError{Service: "servicenow", Field: "query", Problem: err.Error(), Err: err}
}
