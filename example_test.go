package incidentkit_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/servicenowtest"
)

// One errors.As target and one set of sentinels serve every client: a
// bridge handles ServiceNow's and Cyderes' failures with the same code.
func Example_errors() {
	ctx := context.Background()
	sn := servicenowtest.New()
	defer sn.Close()
	cy := cyderestest.New()
	defer cy.Close()

	snc, _ := servicenow.NewClient(sn.URL(), servicenow.WithBasicAuth("admin", "admin"))
	cyc, _ := cyderes.NewClient(cy.URL(), cyderes.WithToken(cyderestest.Token))

	report := func(err error) {
		var apiErr *incidentkit.Error
		var inErr *incidentkit.InputError
		switch {
		case errors.As(err, &apiErr):
			fmt.Printf("%s answered %d; not found: %v\n", apiErr.Service, apiErr.StatusCode, errors.Is(err, incidentkit.ErrNotFound))
		case errors.As(err, &inErr):
			fmt.Printf("refused before sending: %v\n", err)
		}
	}
	_, err := snc.Incidents.Get(ctx, "0123456789abcdef0123456789abcdef", nil)
	report(err)
	_, err = cyc.Tickets.Get(ctx, "TSI-404")
	report(err)
	_, err = cyc.Tickets.Get(ctx, "")
	report(err)
	// Output:
	// servicenow answered 404; not found: true
	// cyderes answered 404; not found: true
	// refused before sending: cyderes: invalid ticket id: is empty
}

// A field the API lets you empty is a Nullable: Set sends a value, Clear
// empties it, and the zero value leaves it alone.
func ExampleNullable() {
	in := servicenow.IncidentInput{
		AssignedTo: incidentkit.Clear[string](),
		Category:   incidentkit.Set("security"),
	}
	b, _ := in.MarshalJSON()
	fmt.Println(string(b))
	// Output: {"category":"security","assigned_to":""}
}
