package paging

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// Pages returns a lazy sequence of the pages fetch returns, starting at the
// zero Cursor and following each page's Next cursor.
//
// No request is sent until the sequence is ranged. Breaking out of the
// range sends no further request. A fetch error (or the context ending
// between pages) is yielded once, with a nil page, and ends the sequence.
// Ranging the sequence again starts over from the first page. With
// opts.MaxItems set, the last page is cut to the cap and nothing is fetched
// after it.
//
// Items a page repeats (by Page.Keys) are dropped. A sequence always ends:
// MaxStalls pages in a row that add nothing new (a next cursor fetched
// already, only repeated items, or no item while a next page is named) end
// it with an *incidentkit.PagingError after the last of them is yielded,
// and so does a next link opts.SameOrigin refuses, before it is requested.
func Pages[T any](ctx context.Context, fetch Fetch[T], opts Options) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		if err := check(ctx, fetch == nil, opts); err != nil {
			yield(nil, err)
			return
		}
		var cur Cursor
		var pr progress
		items := 0
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if opts.MaxItems > 0 {
				cur.Want = opts.MaxItems - items
			}
			pr.fetching(cur)
			got, err := fetch(ctx, cur)
			if err != nil {
				yield(nil, err)
				return
			}
			page := &Page[T]{}
			if got != nil {
				copied := *got
				page = &copied
			}
			stalled := judge(&pr, page, opts)
			if opts.MaxItems > 0 && items+len(page.Items) >= opts.MaxItems {
				page.Items = page.Items[:opts.MaxItems-items]
				if len(page.Keys) > len(page.Items) {
					page.Keys = page.Keys[:len(page.Items)]
				}
				page.Next, stalled = nil, nil
			}
			if opts.MaxPages > 0 && pr.pages >= opts.MaxPages {
				page.Next = nil
			}
			items += len(page.Items)
			next := page.Next
			if !yield(page, nil) || next == nil {
				return
			}
			if stalled != nil {
				yield(nil, stalled)
				return
			}
			if next.URL != "" && opts.SameOrigin != nil && !opts.SameOrigin(next.URL) {
				yield(nil, pagingError(opts, pr.pages, "the next-page link leads to another origin and was not followed", next.URL))
				return
			}
			cur = Cursor{Offset: next.Offset, URL: next.URL, Token: next.Token}
		}
	}
}

// Items returns a lazy sequence of the items of every page, with the same
// guarantees as [Pages]: an error is yielded once, with the zero T, and
// ends the sequence.
func Items[T any](ctx context.Context, fetch Fetch[T], opts Options) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range Pages(ctx, fetch, opts) {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range page.Items {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
}

// Collect ranges seq to its end and returns its items. On an error it
// returns the items yielded before it together with the error.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for it, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}

// NextOffset returns the cursor of the page after one described by m that
// held got items, or nil when the data ends: the page was empty, or the
// total says nothing is left. A short page alone does not end the data:
// the next page starts at m.Offset+m.Limit, because a server that filters
// rows after applying the limit (ServiceNow's ACLs) can return fewer rows
// than asked while more remain.
func NextOffset(m Meta, got int) *Cursor {
	if got <= 0 {
		return nil
	}
	step := m.Limit
	if step < got {
		step = got
	}
	next := m.Offset + step
	if m.TotalKnown && next >= m.Total {
		return nil
	}
	return &Cursor{Offset: next}
}

func check(ctx context.Context, nilFetch bool, opts Options) error {
	switch {
	case ctx == nil:
		return errors.New("paging: nil context")
	case nilFetch:
		return errors.New("paging: nil fetch function")
	case opts.MaxItems < 0:
		return fmt.Errorf("paging: maximum items %d is negative", opts.MaxItems)
	case opts.MaxPages < 0:
		return fmt.Errorf("paging: maximum pages %d is negative", opts.MaxPages)
	}
	return nil
}
