package cyderes

import (
	"context"
	"iter"
	"time"
)

// Between yields the tickets whose lookup time (opts.LookupField: created
// by default, or updated) lies in [from, to).
//
// The API filters on whole UTC days only, so the query asks for every day
// the window touches (and the day after to, since whether the API's end
// date is inclusive is not documented) and each ticket is then checked
// exactly; a ticket whose time is missing or unreadable is left out. Any
// created or updated dates in opts are replaced. Otherwise it behaves as
// All, and opts.MaxItems counts the tickets inside the window.
func (s *TicketService) Between(ctx context.Context, from, to time.Time, opts *ListOptions) iter.Seq2[*Ticket, error] {
	var q ListOptions
	if opts != nil {
		q = *opts
	}
	if from.IsZero() || to.IsZero() {
		return fail[*Ticket](inputErr("time window", "from and to are both required"))
	}
	if to.Before(from) {
		return fail[*Ticket](inputErr("time window", "from "+from.UTC().Format(time.RFC3339)+" is after to "+to.UTC().Format(time.RFC3339)))
	}
	q.CreatedFrom, q.CreatedTo, q.UpdatedFrom, q.UpdatedTo = Date{}, Date{}, Date{}, Date{}
	first, last := DateOf(from), DateOf(to.Add(24*time.Hour))
	field := q.LookupField
	if field == LookupUpdated {
		q.UpdatedFrom, q.UpdatedTo = first, last
	} else {
		q.CreatedFrom, q.CreatedTo = first, last
	}
	return s.sweep(ctx, &q, func(t *Ticket) bool {
		at := t.lookupTime(field)
		return !at.IsZero() && !at.Before(from) && at.Before(to)
	})
}
