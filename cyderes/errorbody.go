package cyderes

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/incidentkit/incidentkit"
)

// maxErrorParts caps how many validation problems one error message lists.
const maxErrorParts = 5

// validationIssue is one entry of FastAPI's validation error list.
type validationIssue struct {
	Loc  []json.RawMessage `json:"loc"`
	Msg  string            `json:"msg"`
	Type string            `json:"type"`
}

// decodeError fills e from the API's error body. The shape is not
// documented; the API is served by FastAPI, which answers
// {"detail": "text"} or {"detail": [{"loc": [...], "msg": "...", "type":
// "..."}]}, and some answers use {"message": "..."}. Anything else falls
// back to the generic decoding of the transport.
func decodeError(e *incidentkit.Error, body []byte) bool {
	var env struct {
		Detail  json.RawMessage `json:"detail"`
		Message json.RawMessage `json:"message"`
	}
	if json.Unmarshal(body, &env) != nil {
		return false
	}
	detail := errorText(env.Detail)
	msg := errorText(env.Message)
	switch {
	case msg != "" && detail != "":
		e.Message, e.Detail = msg, detail
	case msg != "":
		e.Message = msg
	case detail != "":
		e.Message = detail
	default:
		return false
	}
	return true
}

// errorText renders a detail or message value: a string as is, a FastAPI
// validation list as "loc: msg" parts, an object's "msg" or "message",
// anything else as compact JSON.
func errorText(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil {
		var parts []string
		for _, item := range list {
			if t := issueText(item); t != "" {
				parts = append(parts, t)
			}
		}
		if len(parts) > maxErrorParts {
			parts = append(parts[:maxErrorParts], "…")
		}
		return strings.Join(parts, "; ")
	}
	if t := issueText(raw); t != "" {
		return t
	}
	return compact(raw)
}

// issueText renders one validation issue, or any other value.
func issueText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var v struct {
		validationIssue
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return compact(raw)
	}
	msg := v.Msg
	if msg == "" {
		msg = v.Message
	}
	if msg == "" {
		return compact(raw)
	}
	var loc []string
	for _, l := range v.Loc {
		var ls string
		if json.Unmarshal(l, &ls) == nil {
			loc = append(loc, ls)
		} else {
			loc = append(loc, string(bytes.TrimSpace(l)))
		}
	}
	if len(loc) > 0 {
		return strings.Join(loc, ".") + ": " + msg
	}
	return msg
}

func compact(raw json.RawMessage) string {
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return ""
	}
	s := buf.String()
	if r := []rune(s); len(r) > 400 {
		s = string(r[:400]) + "…"
	}
	return s
}
