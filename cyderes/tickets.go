package cyderes

import (
	"context"
	"errors"
	"iter"
	"net/http"
	"net/url"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// TicketService reads, lists and closes tickets. Use it as Client.Tickets.
type TicketService struct{ c *Client }

// Get returns one ticket by its ticket id.
func (s *TicketService) Get(ctx context.Context, ticketID string) (*Ticket, error) {
	if err := checkID("ticket id", ticketID); err != nil {
		return nil, err
	}
	var t Ticket
	resp, err := s.c.do(ctx, &transport.Request{Path: "/v2/tickets/{}", Args: []string{ticketID}}, &t)
	if err != nil {
		return nil, err
	}
	if t.TicketID == "" && t.Number == "" {
		// An empty object (or null) is no ticket: acting on it would act
		// on an empty id.
		return nil, &incidentkit.BodyError{Service: serviceName, Method: http.MethodGet,
			URL: s.c.core.Redact("/v2/tickets/" + url.PathEscape(ticketID)), StatusCode: resp.StatusCode,
			ContentType: resp.Header.Get("Content-Type"), Summary: "JSON answer without a ticket", Err: errNoTicket}
	}
	return &t, nil
}

// errNoTicket is the cause of the *incidentkit.BodyError for a ticket
// answer that holds neither a ticket id nor a number.
var errNoTicket = errors.New("answer holds no ticket id or number")

// List returns one page of tickets, newest first, selected by opts (nil
// means the defaults: 50 alert tickets, escalated or not), starting at
// opts.Offset.
//
// The API reports no total, so the page's TotalKnown is false. A full page
// (as many tickets as asked for) may be followed by more: its NextOffset
// is Offset plus the entries received. A shorter or empty page is the
// last one, and its NextOffset is -1. Null entries in the answer are left
// out of Items but counted, as the API's offset counts them. opts.MaxItems
// is not used here.
func (s *TicketService) List(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*Ticket], error) {
	q, err := opts.normalized()
	if err != nil {
		return nil, err
	}
	l, err := s.page(ctx, q)
	if err != nil {
		return nil, err
	}
	p := &incidentkit.Page[*Ticket]{Items: l.items, Offset: q.Offset, Limit: q.PageSize, NextOffset: -1}
	if next := nextOffset(q, l.n); next != nil {
		p.NextOffset = q.Offset + next.Offset
	}
	return p, nil
}

// page fetches one page for validated options.
func (s *TicketService) page(ctx context.Context, q ListOptions) (*ticketList, error) {
	var out ticketList
	if _, err := s.c.do(ctx, &transport.Request{Path: "/v2/tickets", Query: q}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// nextOffset applies the list's end rule to a page asked with q that
// held got entries (null ones included): the API gives no total and no
// cursor, so only a full page can be followed by another. It returns the cursor of the next page,
// relative to q.Offset, or nil at the end.
func nextOffset(q ListOptions, got int) *paging.Cursor {
	if got == 0 || got < q.PageSize {
		return nil
	}
	return &paging.Cursor{Offset: got}
}

// All yields every ticket selected by opts, fetching pages of
// opts.PageSize from opts.Offset as the loop asks for more, and ends at
// the first empty page or one shorter than asked. opts.MaxItems caps the
// tickets yielded.
//
// The list is newest first, so tickets created during a long sweep shift
// later pages and bring back tickets already seen; a ticket seen again
// under the same id (or, without one, the same number) among the last
// 10,000 is yielded only once per ranging. A server that ignores the
// offset and answers the same page again ends the sweep with an
// *incidentkit.PagingError (matching ErrServer) after three pages in a
// row that bring nothing new, instead of asking for ever.
//
// Nothing is sent until the sequence is ranged; breaking out of the loop
// sends nothing more; an error is yielded once and ends the sequence;
// ranging the sequence again starts over.
func (s *TicketService) All(ctx context.Context, opts *ListOptions) iter.Seq2[*Ticket, error] {
	return s.sweep(ctx, opts, nil)
}

// sweep iterates the tickets selected by opts, de-duplicated, keeping only
// those keep accepts (all when keep is nil), up to opts.MaxItems.
func (s *TicketService) sweep(ctx context.Context, opts *ListOptions, keep func(*Ticket) bool) iter.Seq2[*Ticket, error] {
	q, qerr := opts.normalized()
	return func(yield func(*Ticket, error) bool) {
		if qerr != nil {
			yield(nil, qerr)
			return
		}
		yielded := 0
		fetch := func(ctx context.Context, cur paging.Cursor) (*paging.Page[*Ticket], error) {
			pq := q
			pq.Offset = q.Offset + cur.Offset
			if keep == nil && q.MaxItems > 0 && q.MaxItems-yielded < pq.PageSize {
				// Ask for no more than the caller will take; duplicates can
				// only make the sweep fetch another page.
				pq.PageSize = max(q.MaxItems-yielded, 1)
			}
			l, err := s.page(ctx, pq)
			if err != nil {
				return nil, err
			}
			page := &paging.Page[*Ticket]{Items: l.items, Keys: ticketKeys(l.items), Meta: paging.Meta{Offset: cur.Offset, Limit: pq.PageSize}}
			if next := nextOffset(pq, l.n); next != nil {
				page.Next = &paging.Cursor{Offset: cur.Offset + next.Offset}
			}
			return page, nil
		}
		for page, err := range paging.Pages(ctx, fetch, paging.Options{Service: serviceName}) {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, t := range page.Items {
				if t == nil {
					continue
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

// ticketKeys identifies each ticket for paging: by ticket id or, for a
// ticket without one, by number; a ticket with neither (or a null entry)
// is never a repeat.
func ticketKeys(items []*Ticket) []uint64 {
	keys := make([]uint64, len(items))
	for i, t := range items {
		if k := t.key(); k != "" {
			keys[i] = paging.Key(k)
		}
	}
	return keys
}

// key identifies t: its ticket id or, without one, "#" and its number; ""
// for a ticket with neither, or a nil one.
func (t *Ticket) key() string {
	switch {
	case t == nil:
		return ""
	case t.TicketID != "":
		return t.TicketID
	case t.Number != "":
		return "#" + t.Number
	}
	return ""
}
