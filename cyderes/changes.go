package cyderes

import (
	"cmp"
	"context"
	"hash/fnv"
	"iter"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/paging"
)

// DefaultSkewWindow is how far back a change feed looks again, by default,
// for tickets whose update was committed after later ones.
const DefaultSkewWindow = time.Minute

// ChangeOptions shape a ticket change feed. The zero value (or nil)
// follows every ticket of every type, escalated or not.
type ChangeOptions struct {
	// TicketType selects the kind of ticket followed; empty means every
	// kind (TicketTypeAll).
	TicketType TicketType
	// EscalatedOnly follows only escalated tickets.
	EscalatedOnly bool
	// PageSize is how many tickets a request reads (DefaultPageSize when
	// 0, at most MaxPageSize).
	PageSize int
	// SkewWindow is how far back each pass looks again for late commits
	// (DefaultSkewWindow when 0).
	SkewWindow time.Duration
}

// Change is one change of a ticket: the ticket as it stands after
// it.
type Change struct {
	Record *Ticket
	// ID is the ticket's id, or "#" and its number for a ticket without
	// one.
	ID string
	// At is the ticket's version: its update time (its creation time when
	// it has none). The API keeps no version number, so two states of a
	// ticket within one microsecond are told apart by their content: a
	// ticket changed twice within a microsecond may be yielded twice with
	// the same At.
	At time.Time

	sum uint64 // checksum of the ticket's JSON as read
}

// Changes returns the changes of the tickets selected by opts since cur,
// oldest first, and ends when it has caught up; range it again later to go
// on. It moves cur along as it yields, so that a cursor persisted after
// handling a change (MarshalText) resumes after it: across restarts, no
// change is yielded twice and none is missed. Each ticket is yielded at
// its latest version: two updates between passes make one change.
//
// The API lists tickets newest first by a lookup time and filters on whole
// UTC days, by offset. A pass lists by update time from the day of the
// cursor's position (less SkewWindow) and stops at the first ticket older
// than that; newest-first paging can only bring a ticket back (one updated
// during the pass moves to the front), never skip one that was there when
// the pass began. The pass then yields what is new oldest first, so it
// holds the changes since the cursor's position in memory: start a feed
// with NewChangeCursor at a recent time rather than at the oldest ticket.
// The position moves only to the newest time present when the pass began,
// so that a ticket updated during the pass is read again by the next one
// (and then yielded once, the cursor remembering its version). A cursor of
// other options (ticket type, escalation) is an input error.
func (s *TicketService) Changes(ctx context.Context, cur *ChangeCursor, opts *ChangeOptions) iter.Seq2[*Change, error] {
	var o ChangeOptions
	if opts != nil {
		o = *opts
	}
	return func(yield func(*Change, error) bool) {
		q, scope, err := o.check(cur)
		if err != nil {
			yield(nil, err)
			return
		}
		cur.scope = scope
		if cur.seen == nil {
			cur.seen = map[string]seenVersion{}
		}
		var from time.Time
		if !cur.high.IsZero() {
			from = cur.high.Add(-o.SkewWindow)
			q.UpdatedFrom = DateOf(from)
		}
		fresh, head, err := s.pass(ctx, cur, q, from)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, ch := range fresh {
			cur.seen[ch.ID] = seenVersion{At: ch.At.UnixMicro(), Sum: ch.sum}
			if t := minTime(ch.At, head); t.After(cur.high) {
				cur.high = t
			}
			if !yield(ch, nil) {
				return
			}
		}
		if head.After(cur.high) {
			cur.high = head
		}
		cur.prune(o.SkewWindow)
	}
}

// check validates o against cur, fills in its defaults, and returns the
// listing of a pass and the feed's scope.
func (o *ChangeOptions) check(cur *ChangeCursor) (*ListOptions, string, error) {
	if cur == nil {
		return nil, "", inputErr("change cursor", "is nil")
	}
	if o.SkewWindow < 0 {
		return nil, "", inputErr("skew window", o.SkewWindow.String()+" is negative")
	}
	if o.SkewWindow == 0 {
		o.SkewWindow = DefaultSkewWindow
	}
	q := ListOptions{PageSize: o.PageSize, TicketType: cmp.Or(o.TicketType, TicketTypeAll), LookupField: LookupUpdated,
		EscalatedOnly: o.EscalatedOnly}
	q, err := q.normalized()
	if err != nil {
		return nil, "", err
	}
	scope := string(q.TicketType) + "," + strconv.FormatBool(q.EscalatedOnly)
	if cur.scope != "" && cur.scope != scope {
		return nil, "", inputErr("change cursor", "follows tickets "+strconv.Quote(cur.scope)+", not "+strconv.Quote(scope))
	}
	return &q, scope, nil
}

// pass lists the tickets updated at or after from (all when from is zero),
// newest first, and returns those whose version the cursor has not
// yielded, oldest first, with the newest version present when the listing
// began.
//
// Under concurrent updates, newest-first paging brings tickets back (each
// update moves one to the front and every later one down a place), any
// number of pages in a row; what it cannot do is answer the same tickets
// in the same order page after page, which is how a server ignoring the
// offset is told apart.
func (s *TicketService) pass(ctx context.Context, cur *ChangeCursor, q *ListOptions, from time.Time) ([]*Change, time.Time, error) {
	byKey := map[string]*Change{}
	var head time.Time
	var prev []string
	for pages, same := 1, 0; ; pages++ {
		l, err := s.page(ctx, *q)
		if err != nil {
			return nil, time.Time{}, err
		}
		keys, older := make([]string, 0, len(l.items)), false
		for _, t := range l.items {
			ch := changeOf(t)
			if ch == nil {
				continue
			}
			keys = append(keys, ch.ID)
			if pages == 1 && ch.At.After(head) {
				head = ch.At // the first page: what was there when the pass began
			}
			if ch.At.Before(from) {
				older = true // newest first: the rest is older still
				break
			}
			if v, ok := cur.seen[ch.ID]; ok && !v.newer(ch) {
				continue
			}
			if had, ok := byKey[ch.ID]; !ok || !had.At.After(ch.At) {
				byKey[ch.ID] = ch
			}
		}
		if older || nextOffset(*q, l.n) == nil {
			break
		}
		if same = same + 1; !slices.Equal(keys, prev) {
			same = 0
		}
		if same == paging.MaxStalls-1 {
			return nil, time.Time{}, &incidentkit.PagingError{Service: serviceName, Pages: pages,
				Problem: "the server answered the same tickets " + strconv.Itoa(paging.MaxStalls) + " pages in a row"}
		}
		prev = keys
		q.Offset += l.n
	}
	fresh := slices.Collect(maps.Values(byKey))
	slices.SortFunc(fresh, func(a, b *Change) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	return fresh, head, nil
}

// changeOf places t in the feed: its key, version and checksum; nil for
// a ticket without a time or without an id and a number, which cannot be
// placed.
func changeOf(t *Ticket) *Change {
	key := t.key()
	if key == "" {
		return nil
	}
	at := cmp.Or(t.Updated, t.Created)
	if at.IsZero() {
		return nil
	}
	h := fnv.New64a()
	h.Write(t.Raw)
	return &Change{Record: t, ID: key, At: at, sum: h.Sum64()}
}

// minTime returns the earlier of a and b.
func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
