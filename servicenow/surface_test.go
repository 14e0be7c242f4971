package servicenow

import (
	"context"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// TestPageLinksLocationAndFind checks the rest of the surface: a page's
// first, previous and last links (the Table API's Link header), an
// upload's Location, and an Attachment API listing by query.
func TestPageLinksLocationAndFind(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	link := `<https://dev1.service-now.com/api/now/table/incident?sysparm_offset=0>;rel="first",` +
		`<https://dev1.service-now.com/api/now/table/incident?sysparm_offset=0>;rel="prev",` +
		`<https://dev1.service-now.com/api/now/table/incident?sysparm_offset=20>;rel="next",` +
		`<https://dev1.service-now.com/api/now/table/incident?sysparm_offset=90>;rel="last"`
	answerAll(m, testkit.Answer{Body: `{"result":[{"sys_id":"a"}]}`, Header: testkit.Headers("Link", link)})
	p, err := c.Incidents.List(ctx, &ListOptions{PageSize: 10, Offset: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.FirstURL, "offset=0") || !strings.HasSuffix(p.PrevURL, "offset=0") || !strings.HasSuffix(p.NextURL, "offset=20") ||
		!strings.HasSuffix(p.LastURL, "offset=90") {
		t.Errorf("links %q %q %q %q", p.FirstURL, p.PrevURL, p.NextURL, p.LastURL)
	}

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Status: 201, Body: attachmentJSON, Header: testkit.Headers("Location",
		"https://dev1.service-now.com/api/now/attachment/att1")})
	a, err := c.Attachments.Upload(ctx, "incident", "abc", incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a.txt"})
	if err != nil || a.Location != "https://dev1.service-now.com/api/now/attachment/att1" {
		t.Fatalf("upload: %+v, %v", a, err)
	}

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Body: `{"result":[]}`})
	if _, err := c.Attachments.Find(ctx, &ListOptions{Query: encodedquery.Field("content_type").Eq("message/rfc822")}); err != nil {
		t.Fatal(err)
	}
	r := m.Last(t)
	if r.Path != "/api/now/attachment" || r.Query.Get("sysparm_query") != "content_type=message/rfc822^ORDERBYsys_id" {
		t.Errorf("request %s?%s", r.Path, r.RawQuery)
	}
}
