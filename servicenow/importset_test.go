package servicenow

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

// TestImportSetRequests checks the Import Set API's requests (its
// documentation: a flat object of string columns for one row, {"records":
// [...]} for insertMultiple with multi_import_set_id and run_after) and
// the reading of its answers.
func TestImportSetRequests(t *testing.T) {
	ctx := context.Background()
	c, m := newClient(t)
	answerAll(m, testkit.Answer{Status: 201, Body: `{"import_set":"ISET0010001","staging_table":"u_imp_alert","result":[{"transform_map":"Alerts",
		"table":"incident","display_name":"number","display_value":"INC0010002","record_link":"https://x/api/now/table/incident/abc",
		"status":"inserted","sys_id":"abc"}]}`})
	res, err := c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_title": "Beacon", "u_severity": "1"})
	if err != nil {
		t.Fatal(err)
	}
	if res.ImportSet != "ISET0010001" || len(res.Results) != 1 || res.Results[0].Status != ImportInserted || res.Results[0].SysID != "abc" ||
		res.Results[0].DisplayValue != "INC0010002" {
		t.Errorf("result %+v", res)
	}
	r := m.Last(t)
	if r.Method != "POST" || r.Path != "/api/now/import/u_imp_alert" {
		t.Errorf("request %s %s", r.Method, r.Path)
	}
	testkit.JSONEqual(t, r.Body, `{"u_title":"Beacon","u_severity":"1"}`)

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Body: `{"import_set_id":"s1","multi_import_set_id":"m1"}`})
	multi, err := c.ImportSets.InsertMultiple(ctx, "u_imp_alert", []map[string]string{{"u_title": "A"}, {"u_title": "B"}},
		&MultiImportOptions{MultiImportSetID: "m0", RunAfter: "s0"})
	if err != nil || multi.ImportSetID != "s1" || multi.MultiImportSetID != "m1" {
		t.Fatalf("InsertMultiple: %+v, %v", multi, err)
	}
	r = m.Last(t)
	if r.Path != "/api/now/import/u_imp_alert/insertMultiple" || r.RawQuery != "multi_import_set_id=m0&run_after=s0" {
		t.Errorf("request %s?%s", r.Path, r.RawQuery)
	}
	testkit.JSONEqual(t, r.Body, `{"records":[{"u_title":"A"},{"u_title":"B"}]}`)

	c, m = newClient(t)
	answerAll(m, testkit.Answer{Status: 201, Body: `{"import_set":"ISET0010002","staging_table":"u_imp_alert","result":[{"transform_map":"Alerts",
		"table":"incident","status":"error","error_message":"Unable to resolve target record, coalesce values not present","sys_id":"row1"}]}`})
	res, err = c.ImportSets.Insert(ctx, "u_imp_alert", map[string]string{"u_title": "x"})
	var ie *ImportError
	if !errors.As(err, &ie) || res == nil || res.Results[0].SysID != "row1" || !strings.Contains(err.Error(), "coalesce values not present") {
		t.Fatalf("a rejected row: %+v, %v", res, err)
	}
}

// TestImportSetRejected checks what fails before anything is sent.
func TestImportSetRejected(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name string
		call func(c *Client) error
		want string
	}{
		{name: "no table", call: func(c *Client) error { _, err := c.ImportSets.Insert(ctx, "", map[string]string{"a": "b"}); return err }, want: "staging table"},
		{name: "path in table", call: func(c *Client) error {
			_, err := c.ImportSets.Insert(ctx, "a/b", map[string]string{"a": "b"})
			return err
		}, want: "staging table"},
		{name: "empty row", call: func(c *Client) error { _, err := c.ImportSets.Insert(ctx, "u_imp", nil); return err }, want: "import row"},
		{name: "no rows", call: func(c *Client) error { _, err := c.ImportSets.InsertMultiple(ctx, "u_imp", nil, nil); return err }, want: "import rows"},
		{name: "get without id", call: func(c *Client) error { _, err := c.ImportSets.Get(ctx, "u_imp", " "); return err }, want: "sys_id"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newClient(t)
			answerAll(m, testkit.Answer{Status: 500})
			if err := tt.call(c); !errors.Is(err, ErrInvalidInput) || !strings.Contains(err.Error(), tt.want) || len(m.Requests()) != 0 {
				t.Fatalf("error = %v after %d requests, want an input error saying %q", err, len(m.Requests()), tt.want)
			}
		})
	}
}
