package cyderes

import (
	"context"
	"iter"
	"time"

	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// ListTickets returns one page of tickets, newest first, selected by opts
// (nil means the defaults: 50 alert tickets, escalated or not). The API
// reports no total; a page shorter than the limit is the last one.
func (c *Client) ListTickets(ctx context.Context, opts *ListOptions) ([]*Ticket, error) {
	q, err := opts.normalized()
	if err != nil {
		return nil, err
	}
	return c.listPage(ctx, q)
}

// listPage fetches one page for validated options.
func (c *Client) listPage(ctx context.Context, q ListOptions) ([]*Ticket, error) {
	var out ticketList
	if _, err := c.do(ctx, &transport.Request{Path: "/v2/tickets", Query: q}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// AllTickets yields every ticket selected by opts, fetching pages of
// opts.Limit as the loop asks for more. Paging is by skip: it ends on an
// empty page or one shorter than asked. Because the list is newest first,
// tickets created during a long sweep shift later pages; a ticket seen
// again under the same id is yielded only once. opts.MaxItems caps the
// tickets yielded.
//
// Nothing is sent until the sequence is ranged; breaking out of the loop
// sends nothing more; an error is yielded once and ends the sequence;
// ranging the sequence again starts over.
func (c *Client) AllTickets(ctx context.Context, opts *ListOptions) iter.Seq2[*Ticket, error] {
	return c.sweep(ctx, opts, nil)
}

// sweep iterates the tickets selected by opts, de-duplicated, keeping only
// those keep accepts (all when keep is nil), up to opts.MaxItems.
func (c *Client) sweep(ctx context.Context, opts *ListOptions, keep func(*Ticket) bool) iter.Seq2[*Ticket, error] {
	q, qerr := opts.normalized()
	return func(yield func(*Ticket, error) bool) {
		if qerr != nil {
			yield(nil, qerr)
			return
		}
		seen := make(map[string]struct{})
		yielded := 0
		fetch := func(ctx context.Context, cur paging.Cursor) (*paging.Page[*Ticket], error) {
			pq := q
			pq.Skip = q.Skip + cur.Offset
			if keep == nil && q.MaxItems > 0 && q.MaxItems-yielded < pq.Limit {
				// Ask for no more than the caller will take; duplicates can
				// only make the sweep fetch another page.
				pq.Limit = max(q.MaxItems-yielded, 1)
			}
			items, err := c.listPage(ctx, pq)
			if err != nil {
				return nil, err
			}
			page := &paging.Page[*Ticket]{Items: items, Meta: paging.Meta{Offset: cur.Offset, Limit: pq.Limit}}
			if len(items) > 0 && len(items) >= pq.Limit {
				page.Next = &paging.Cursor{Offset: cur.Offset + len(items)}
			}
			return page, nil
		}
		for page, err := range paging.Pages(ctx, fetch, paging.Options{}) {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, t := range page.Items {
				if t == nil {
					continue
				}
				if k := t.key(); k != "" {
					if _, dup := seen[k]; dup {
						continue
					}
					seen[k] = struct{}{}
				}
				if keep != nil && !keep(t) {
					continue
				}
				if !yield(t, nil) {
					return
				}
				yielded++
				if q.MaxItems > 0 && yielded >= q.MaxItems {
					return
				}
			}
		}
	}
}

// TicketsBetween yields the tickets whose lookup time (opts.LookupField:
// created by default, or updated) lies in [from, to). The API filters on
// whole UTC days only, so the query asks for every day the window touches
// (and the day after to, since whether the API's end date is inclusive is
// not documented) and each ticket is then checked exactly; a ticket whose
// time is missing or unreadable is left out. Any created/updated dates in
// opts are replaced. Otherwise it behaves as AllTickets, and
// opts.MaxItems counts the tickets inside the window.
func (c *Client) TicketsBetween(ctx context.Context, from, to time.Time, opts *ListOptions) iter.Seq2[*Ticket, error] {
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
	return c.sweep(ctx, &q, func(t *Ticket) bool {
		at := t.lookupTime(field)
		return !at.IsZero() && !at.Before(from) && at.Before(to)
	})
}

// fail returns a sequence that yields err once.
func fail[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// GetTicket returns one ticket by its ticket id.
func (c *Client) GetTicket(ctx context.Context, ticketID string) (*Ticket, error) {
	if err := checkID("ticket id", ticketID); err != nil {
		return nil, err
	}
	var t Ticket
	if _, err := c.do(ctx, &transport.Request{Path: "/v2/tickets/{}", Args: []string{ticketID}}, &t); err != nil {
		return nil, err
	}
	return &t, nil
}
