package incidentkit_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// A call's answer — status, attempts, request ID, rate-limit headers — is
// there on success too: ask for it with WithResponse. Here the fake
// instance fails the first read with a 503, which the client repeats.
func ExampleWithResponse() {
	sn := servicenowtest.New()
	defer sn.Close()
	c, _ := servicenow.NewClient(sn.URL(), servicenow.WithBasicAuth("admin", "admin"),
		servicenow.WithRetryWait(time.Millisecond, 10*time.Millisecond))
	sn.Fail(1, http.StatusServiceUnavailable, 0, servicenowtest.Path("GET", "/api/now/table/incident"))

	var resp incidentkit.Response
	ctx := incidentkit.WithResponse(context.Background(), &resp)
	if _, err := c.Incidents.List(ctx, nil); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("status", resp.StatusCode, "after", resp.Attempts, "attempts")
	// Output: status 200 after 2 attempts
}

// SendOnce marks the writes of one call as unsafe to repeat: a ServiceNow
// update of a custom journal field appends an entry each time it is
// applied, so after a 502 it is not sent again.
func ExampleSendOnce() {
	sn := servicenowtest.New()
	defer sn.Close()
	c, _ := servicenow.NewClient(sn.URL(), servicenow.WithBasicAuth("admin", "admin"),
		servicenow.WithRetryWait(time.Millisecond, 10*time.Millisecond))
	inc, _ := c.Incidents.Create(context.Background(), &servicenow.IncidentInput{ShortDescription: incidentkit.Ptr("phish")})
	sn.Fail(1, http.StatusBadGateway, 0, servicenowtest.Path("PATCH", "/api/now/table/incident"))

	_, err := c.Records("incident").Update(incidentkit.SendOnce(context.Background()), inc.SysID,
		map[string]string{"u_analyst_log": "contained"})
	fmt.Println("server error:", err != nil, "sent", sn.CountRequests("PATCH", "/api/now/table/incident/"+inc.SysID), "time")
	// Output: server error: true sent 1 time
}
