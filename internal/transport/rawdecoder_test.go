package transport

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"

	"github.com/jarcoal/httpmock"
)

// rawOut records what a RawDecoder was given.
type rawOut struct {
	got   string
	calls int
	fail  error
}

func (r *rawOut) DecodeJSON(b []byte) error {
	r.calls++
	r.got = string(b)
	return r.fail
}

func TestRawDecoder(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		fail      error
		calls     int
		wantBody  bool // a *BodyError is expected
		tooLarge  bool
		maxBytes  int64
		wantBytes string
	}{
		{name: "whole body", body: `{"result":[1,2]}`, calls: 1, wantBytes: `{"result":[1,2]}`},
		{name: "empty body", body: "  ", calls: 0, wantBody: true},
		{name: "decoder error", body: `{"result":[`, fail: errors.New("array not closed"), calls: 1, wantBody: true},
		{name: "over the cap", body: `{"result":"` + strings.Repeat("x", 100) + `"}`, maxBytes: 32, wantBody: true, tooLarge: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := []Option{}
			if tt.maxBytes > 0 {
				opts = append(opts, WithMaxResponseBytes(tt.maxBytes))
			}
			c, mock, _ := newMockClient(t, opts...)
			mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				resp := httpmock.NewStringResponse(200, tt.body)
				resp.Header.Set("Content-Type", "application/json")
				return resp, nil
			})
			out := &rawOut{fail: tt.fail}
			_, err := c.Do(context.Background(), &Request{Path: "x"}, out)
			var be *BodyError
			if errors.As(err, &be) != tt.wantBody || out.calls != tt.calls || (tt.wantBytes != "" && out.got != tt.wantBytes) {
				t.Fatalf("err %v, calls %d, got %q", err, out.calls, out.got)
			}
			if tt.tooLarge != errors.Is(err, incidentkit.ErrResponseTooLarge) {
				t.Fatalf("too large: %v", err)
			}
			if tt.fail != nil && !errors.Is(err, tt.fail) {
				t.Fatalf("the decoder's error is lost: %v", err)
			}
		})
	}
}
