package incidentkittest_test

import (
	"net/http/httptest"
	"testing"

	"github.com/incidentkit/incidentkit/incidentkittest"
)

func TestPath(t *testing.T) {
	tests := []struct {
		name           string
		method, prefix string
		reqMethod, url string
		want           bool
	}{
		{name: "method and prefix", method: "POST", prefix: "/api/v1/case", reqMethod: "POST", url: "/api/v1/case", want: true},
		{name: "longer path", method: "POST", prefix: "/api/v1/case", reqMethod: "POST", url: "/api/v1/case/~1/task", want: true},
		{name: "other method", method: "POST", prefix: "/api/v1/case", reqMethod: "GET", url: "/api/v1/case", want: false},
		{name: "any method", method: "", prefix: "/api/v1/case", reqMethod: "DELETE", url: "/api/v1/case/~1", want: true},
		{name: "other path", method: "", prefix: "/api/v1/case", reqMethod: "GET", url: "/api/v1/alert", want: false},
		{name: "decoded path", method: "GET", prefix: "/v2/tickets/a/b", reqMethod: "GET", url: "/v2/tickets/a%2Fb", want: true},
		{name: "query ignored", method: "GET", prefix: "/v2/tickets", reqMethod: "GET", url: "/v2/tickets?skip=0", want: true},
		{name: "empty prefix", method: "", prefix: "", reqMethod: "PATCH", url: "/anything", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.reqMethod, tt.url, nil)
			if got := incidentkittest.Path(tt.method, tt.prefix)(r); got != tt.want {
				t.Errorf("Path(%q, %q) on %s %s = %v, want %v", tt.method, tt.prefix, tt.reqMethod, tt.url, got, tt.want)
			}
		})
	}
}
