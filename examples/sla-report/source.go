package main

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
	"github.com/incidentkit/incidentkit/sla"
)

// newClient connects to the configured instance: with an OAuth token when
// one is set, else with basic auth.
func newClient(cfg config) (*servicenow.Client, error) {
	opts := []servicenow.Option{servicenow.WithTimeout(30 * time.Second)}
	switch {
	case cfg.token != "":
		opts = append(opts, servicenow.WithBearerToken(cfg.token))
	default:
		opts = append(opts, servicenow.WithBasicAuth(cfg.user, cfg.password))
	}
	return servicenow.NewClient(cfg.instance, opts...)
}

// instanceLabel names the instance in the report: its URL without user
// information, query or fragment, so that nothing secret is printed.
func instanceLabel(instance string) string {
	u, err := url.Parse(instance)
	if err != nil || u.Host == "" {
		return "the configured instance"
	}
	return u.Scheme + "://" + u.Host + strings.TrimRight(u.Path, "/")
}

// reportQuery selects the incidents the report needs: the open ones, and
// those resolved or closed since since (their SLAs feed the weekly met
// rates). Cancelled incidents have no SLA outcome and are left out.
func reportQuery(since time.Time) encodedquery.Query {
	open := encodedquery.And(
		encodedquery.Field("active").Eq(true),
		encodedquery.Field("state").NotIn(servicenow.StateResolved, servicenow.StateClosed, servicenow.StateCanceled),
	)
	settled := encodedquery.And(
		encodedquery.Field("state").In(servicenow.StateResolved, servicenow.StateClosed),
		encodedquery.Field("resolved_at").Gte(since),
	)
	return encodedquery.Or(open, settled).OrderBy("priority", "opened_at")
}

// collect reads the incidents and when each was first answered, and
// builds the report as of now, with times in loc. Display values come
// along so that the assignment group and assignee read as names, not
// sys_ids.
func collect(ctx context.Context, c *servicenow.Client, now time.Time, loc *time.Location) (*report, error) {
	policy := sla.DefaultPolicy()
	priorities := sla.DefaultServiceNowPriorities()
	since := weekStart(now, loc).AddDate(0, 0, -7*(historyWeeks-1))
	list := &servicenow.ListOptions{Query: reportQuery(since), DisplayValue: servicenow.DisplayValueAll}
	var incs []*servicenow.Incident
	for inc, err := range c.Incidents.All(ctx, list) {
		if err != nil {
			return nil, err
		}
		incs = append(incs, inc)
	}
	first, err := firstResponses(ctx, c, incs)
	if err != nil {
		return nil, err
	}
	assessed := make([]assessment, 0, len(incs))
	for _, inc := range incs {
		a, err := assess(inc, first[inc.SysID], policy, priorities, now)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", inc.Number, err)
		}
		assessed = append(assessed, a)
	}
	return newReport(assessed, policy, now, loc), nil
}

// journalBatch is how many incidents one journal query covers: their
// sys_ids travel in the URL, which must stay short.
const journalBatch = 50

// firstResponses returns, by incident sys_id, when the first work note or
// comment of each incident was written; an incident without one is
// missing. It asks for the journal entries of many incidents at a time,
// and for only the fields it needs.
func firstResponses(ctx context.Context, c *servicenow.Client, incs []*servicenow.Incident) (map[string]time.Time, error) {
	journal := servicenow.NewTable[servicenow.JournalEntry](c, "sys_journal_field")
	first := make(map[string]time.Time, len(incs))
	for chunk := range slices.Chunk(incs, journalBatch) {
		ids := make([]any, len(chunk))
		for i, inc := range chunk {
			ids[i] = inc.SysID
		}
		opts := &servicenow.ListOptions{
			Query: encodedquery.And(
				encodedquery.Field("element_id").In(ids...),
				encodedquery.Field("element").In(string(servicenow.JournalWorkNotes), string(servicenow.JournalComments)),
			).OrderBy("sys_created_on"),
			Fields: []string{"sys_id", "element_id", "sys_created_on"},
		}
		for e, err := range journal.All(ctx, opts) {
			if err != nil {
				return nil, fmt.Errorf("journal: %w", err)
			}
			if t, ok := first[e.RecordID]; !ok || e.CreatedOn.Before(t) {
				first[e.RecordID] = e.CreatedOn.Time
			}
		}
	}
	return first, nil
}
