package servicenowtest

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// batchAPI answers POST /api/now/v1/batch: each rest_request runs, in
// order, as its own request of the authenticated user, and its answer
// comes back base64-encoded with its status and headers (unless
// exclude_response_headers). Items past WithBatchLimit are not run and are
// named in unserviced_requests.
func (s *Server) batchAPI(w http.ResponseWriter, r *http.Request, user string) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "Method not Supported", "the Batch API takes POST")
		return
	}
	var in struct {
		ID       json.RawMessage `json:"batch_request_id"`
		Requests []struct {
			ID      json.RawMessage `json:"id"`
			Method  string          `json:"method"`
			URL     string          `json:"url"`
			Headers []nameValue     `json:"headers"`
			Body    string          `json:"body"`
			Exclude bool            `json:"exclude_response_headers"`
		} `json:"rest_requests"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || len(in.Requests) == 0 {
		writeError(w, http.StatusBadRequest, "Invalid batch request", "a batch needs rest_requests")
		return
	}
	s.mu.Lock()
	limit := s.batchLimit
	s.mu.Unlock()
	serviced, unserviced := []any{}, []json.RawMessage{}
	for i, item := range in.Requests {
		if limit > 0 && i >= limit {
			unserviced = append(unserviced, item.ID)
			continue
		}
		body, err := base64.StdEncoding.DecodeString(item.Body)
		if err != nil {
			writeError(w, http.StatusBadRequest, "Invalid batch request", "a body is not base64")
			return
		}
		sub := httptest.NewRequest(item.Method, item.URL, bytes.NewReader(body))
		for _, h := range item.Headers {
			sub.Header.Add(h.Name, h.Value)
		}
		rec := httptest.NewRecorder()
		s.dispatch(rec, sub, user)
		headers := []nameValue{}
		if !item.Exclude {
			for name, vs := range rec.Header() {
				for _, v := range vs {
					headers = append(headers, nameValue{Name: name, Value: v})
				}
			}
		}
		serviced = append(serviced, map[string]any{"id": item.ID, "status_code": rec.Code, "status_text": http.StatusText(rec.Code),
			"headers": headers, "body": base64.StdEncoding.EncodeToString(rec.Body.Bytes()), "execution_time": 1})
	}
	fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"batch_request_id": in.ID, "serviced_requests": serviced,
		"unserviced_requests": unserviced})
}

// nameValue is a header as the Batch API writes it.
type nameValue struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}
