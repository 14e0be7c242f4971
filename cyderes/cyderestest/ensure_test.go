package cyderestest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
	"github.com/incidentkit/incidentkit/incidentkittest"
)

// TestCommentEnsureSurvivesLostAnswers adds marked comments through Ensure
// while the fake loses the creates' answers: each marker ends up in
// exactly one comment, and no call fails.
func TestCommentEnsureSurvivesLostAnswers(t *testing.T) {
	ctx := context.Background()
	srv, c := setup(t)
	id := srv.AddTicket(cyderestest.Ticket{TicketType: "alert", Priority: "P1", Created: now, ShortDescription: "beacon"})
	comments := cyderestest.Path(http.MethodPost, "/v2/tickets/"+id+"/comment")
	faults := []func(){
		func() {},
		func() {
			srv.Inject(1, incidentkittest.Fault{Status: http.StatusBadGateway, Handled: true, Match: comments})
		},
		func() { srv.Drop(1, comments) },
		func() { srv.Fail(1, http.StatusGatewayTimeout, 0, comments) },
	}
	for i, fault := range faults {
		marker := fmt.Sprintf("[incidentkit:case-%d]", i)
		fault()
		made, err := c.Comments.Ensure(ctx, id, &cyderes.CommentInput{Author: "SOC", Body: "escalated to TheHive"}, marker)
		if err != nil || !made {
			t.Fatalf("fault %d: %v, %v", i, made, err)
		}
		if made, err := c.Comments.Ensure(ctx, id, &cyderes.CommentInput{Author: "SOC", Body: "escalated to TheHive"}, marker); err != nil || made {
			t.Fatalf("fault %d, second Ensure: %v, %v", i, made, err)
		}
	}
	tk, _ := srv.Ticket(id)
	for i := range faults {
		n := 0
		for _, cm := range tk.Comments {
			if strings.Contains(cm.Body, fmt.Sprintf("[incidentkit:case-%d]", i)) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("marker %d is in %d comments", i, n)
		}
	}
}
