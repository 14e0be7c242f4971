package transport

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// TestPerCallHeadersAreChecked: a header an API package passes for one call
// (built from a caller's value) is refused before sending when it could
// inject another header.
func TestPerCallHeadersAreChecked(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
	}{
		{name: "CR LF in a value", header: http.Header{"X-Organisation": {"soc\r\nX-Injected: 1"}}},
		{name: "NUL in a value", header: http.Header{"X-Organisation": {"soc\x00"}}},
		{name: "space in a name", header: http.Header{"X Organisation": {"soc"}}},
		{name: "colon in a name", header: http.Header{"X-Org:": {"soc"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock, _ := newMockClient(t)
			_, err := c.Do(context.Background(), &Request{Path: "/api/thing", Header: tt.header}, nil)
			var in *InputError
			if !errors.As(err, &in) || !errors.Is(err, incidentkit.ErrInvalidInput) || in.Service != "testapi" {
				t.Fatalf("err = %v, want an *InputError of testapi", err)
			}
			if n := mock.GetTotalCallCount(); n != 0 {
				t.Errorf("%d requests sent", n)
			}
		})
	}
}
