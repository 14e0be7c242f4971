package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/jarcoal/httpmock"
)

// TestDeleteAnswers pins what a DELETE reports. A 404 to a DELETE repeated
// after an attempt the server may have carried out (a 502 from a proxy
// that timed out while the delete went through) means the record is gone:
// the delete succeeded. A 404 to the first attempt, or after a 429 (which
// says the server did not act), is ErrNotFound. An empty 2xx is success.
func TestDeleteAnswers(t *testing.T) {
	tests := []struct {
		name         string
		answers      []int
		retryAfter   string
		wantNotFound bool
		wantAttempts int
	}{
		{name: "502 then 404", answers: []int{502, 404}, wantAttempts: 2},
		{name: "504 then 404", answers: []int{504, 404}, wantAttempts: 2},
		{name: "503 without Retry-After then 404", answers: []int{503, 404}, wantAttempts: 2},
		{name: "503 with Retry-After then 404", answers: []int{503, 404}, retryAfter: "0", wantNotFound: true},
		{name: "429 then 404", answers: []int{429, 404}, wantNotFound: true},
		{name: "404 at once", answers: []int{404}, wantNotFound: true},
		{name: "204", answers: []int{204}, wantAttempts: 1},
		{name: "200 with an empty body", answers: []int{200}, wantAttempts: 1},
		{name: "502 then 204", answers: []int{502, 204}, wantAttempts: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			var r httpmock.Responder
			for i, code := range tt.answers {
				resp := httpmock.NewStringResponder(code, "")
				if i == 0 && tt.retryAfter != "" {
					resp = resp.HeaderSet(http.Header{"Retry-After": {tt.retryAfter}})
				}
				if r == nil {
					r = resp
				} else {
					r = r.Then(resp)
				}
			}
			mock.RegisterResponder(http.MethodDelete, mockURL, r)
			var rec incidentkit.Response
			var out struct{}
			_, err := c.Do(incidentkit.WithResponse(context.Background(), &rec), &Request{Method: http.MethodDelete, Path: "/api/thing"}, &out)
			if tt.wantNotFound {
				if !errors.Is(err, incidentkit.ErrNotFound) {
					t.Fatalf("err = %v, want ErrNotFound", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rec.Attempts != tt.wantAttempts {
				t.Errorf("%d attempts, want %d", rec.Attempts, tt.wantAttempts)
			}
		})
	}
}
