package incidentkittest_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/incidentkit/incidentkit/incidentkittest"
)

func ExamplePath() {
	creates := incidentkittest.Path("POST", "/api/now/table/incident")
	fmt.Println(creates(httptest.NewRequest("POST", "/api/now/table/incident", nil)))
	fmt.Println(creates(httptest.NewRequest("GET", "/api/now/table/incident", nil)))

	anything := incidentkittest.Path("", "/api/v1/case/")
	fmt.Println(anything(httptest.NewRequest("DELETE", "/api/v1/case/~4096", nil)))
	// Output:
	// true
	// false
	// true
}
