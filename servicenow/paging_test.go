package servicenow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
)

func records(from, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"sys_id":"id%d"}`, from+i)
	}
	return `{"result":[` + strings.Join(parts, ",") + `]}`
}

func TestAllFollowsLinks(t *testing.T) {
	c, mock := newMock(t)
	next := testBase + "/api/now/table/incident?sysparm_limit=2&sysparm_offset=2&sysparm_query=ORDERBYsys_id"
	var got []seen
	mock.RegisterResponderWithQuery("GET", testBase+"/api/now/table/incident", "sysparm_limit=2&sysparm_offset=0&sysparm_query=ORDERBYsys_id",
		recorder(&got, 200, records(0, 2), "Link", `<`+next+`>;rel="next"`, "X-Total-Count", "3"))
	// The second page is short but not the end by itself: the link ends it.
	mock.RegisterResponderWithQuery("GET", testBase+"/api/now/table/incident", "sysparm_limit=2&sysparm_offset=2&sysparm_query=ORDERBYsys_id",
		recorder(&got, 200, records(2, 1), "Link", `<`+testBase+`/x>;rel="first"`, "X-Total-Count", "3"))
	var ids []string
	for in, err := range c.Incidents.All(context.Background(), &ListOptions{PageSize: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, in.SysID)
	}
	if strings.Join(ids, ",") != "id0,id1,id2" || len(got) != 2 {
		t.Fatalf("ids %v after %d requests", ids, len(got))
	}
}

func TestAllOffsetShortPages(t *testing.T) {
	c, mock := newMock(t)
	// No links: offsets with X-Total-Count; pages are short (ACL filtering).
	mock.RegisterResponder("GET", testBase+"/api/now/table/incident", func(r *http.Request) (*http.Response, error) {
		off, _ := strconv.Atoi(r.URL.Query().Get("sysparm_offset"))
		resp := httpmock.NewStringResponse(200, records(off, 1))
		resp.Header.Set("Content-Type", "application/json")
		resp.Header.Set("X-Total-Count", "9")
		return resp, nil
	})
	var ids []string
	for in, err := range c.Incidents.All(context.Background(), &ListOptions{PageSize: 3}) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, in.SysID)
	}
	if strings.Join(ids, ",") != "id0,id3,id6" {
		t.Fatalf("ids %v", ids)
	}
}

func TestAllMaxItemsAndOffset(t *testing.T) {
	c, mock := newMock(t)
	var got []seen
	mock.RegisterNoResponder(recorder(&got, 200, records(0, 2)))
	n := 0
	for _, err := range c.Incidents.All(context.Background(), &ListOptions{PageSize: 10, Offset: 5, MaxItems: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 2 || len(got) != 1 || !strings.Contains(got[0].query, "sysparm_offset=5") || !strings.Contains(got[0].query, "sysparm_limit=2") {
		t.Fatalf("n=%d requests=%v", n, got)
	}
}

func TestListErrors(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		headers []string
		check   func(t *testing.T, err error)
	}{
		{"v1 404 no record is empty", 404, `{"error":{"message":"No Record found","detail":"Records not found"},"status":"failure"}`, nil,
			func(t *testing.T, err error) {
				if err != nil {
					t.Fatal(err)
				}
			}},
		{"envelope on 200", 200, `{"error":{"message":"Invalid table","detail":"nope"},"status":"failure"}`, nil,
			func(t *testing.T, err error) {
				var e *Error
				if !errors.As(err, &e) || e.Message != "Invalid table" || e.Detail != "nope" {
					t.Fatalf("err = %#v", err)
				}
			}},
		{"429 rate limit", 429, `{"error":{"message":"Rate limit exceeded","detail":"Rate limit of 100 requests per hour"},"status":"failure"}`,
			[]string{"X-RateLimit-Limit", "100", "X-RateLimit-Reset", "1767225600", "X-RateLimit-Rule", "r1", "Retry-After", "0"},
			func(t *testing.T, err error) {
				rl, ok := RateLimitOf(err)
				if !errors.Is(err, ErrRateLimited) || !ok || rl.Limit != 100 || rl.Rule != "r1" || rl.Reset.Unix() != 1767225600 {
					t.Fatalf("err = %v, %+v", err, rl)
				}
			}},
		{"html page", 503, `<html><head><title>Instance Hibernating page</title></head></html>`, []string{"Content-Type", "text/html"},
			func(t *testing.T, err error) {
				if err == nil || !strings.Contains(err.Error(), "Hibernating") {
					t.Fatalf("err = %v", err)
				}
			}},
		{"truncated json", 200, `{"result":[{"sys_id":"a"`, nil,
			func(t *testing.T, err error) {
				var be *BodyError
				if !errors.As(err, &be) {
					t.Fatalf("err = %v", err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, WithoutRetries())
			var got []seen
			mock.RegisterNoResponder(recorder(&got, tt.status, tt.body, tt.headers...))
			_, err := c.Incidents.List(context.Background(), nil)
			tt.check(t, err)
		})
	}
}
