package paging

import (
	"strconv"

	"github.com/incidentkit/incidentkit"
)

// MaxStalls is how many pages in a row may add nothing new before a
// sequence ends with an *incidentkit.PagingError. A page adds nothing new
// when its next cursor is one the sequence fetched already (the same
// offset, link or token: a server that ignores the offset, or links a page
// to itself), when every item it holds was yielded already (a server that
// answers the same page whatever it is asked), or when it is empty yet
// names a next page (a server that says more follows and never sends it).
// A few are tolerated — offset paging over a result that changes while it
// is read can bring back a page of repeats, and ServiceNow can answer an
// empty page where its ACLs hid every row — so the sequence asks on,
// MaxStalls-1 times at most.
const MaxStalls = 3

// SeenWindow is how many of the most recent item keys a sequence
// remembers to drop repeats and notice pages that bring nothing new; the
// memory it takes is bounded whatever the length of the listing.
const SeenWindow = 10000

// cursorWindow is how many of the most recent cursors a sequence remembers.
const cursorWindow = 64

// cursorKey is the part of a Cursor that says where a page starts.
type cursorKey struct {
	offset     int
	url, token string
}

// keyOf returns where c starts: a server's link names a page by itself,
// whatever offset the client worked out for it.
func keyOf(c Cursor) cursorKey {
	if c.URL != "" {
		return cursorKey{url: c.URL}
	}
	return cursorKey{c.Offset, "", c.Token}
}

// progress watches a sequence for pages that add nothing new.
type progress struct {
	cursors window[cursorKey]
	items   window[uint64]
	stalls  int
	// pages counts the pages fetched.
	pages int
}

// fetching records that the page at c is about to be fetched.
func (p *progress) fetching(c Cursor) {
	p.pages++
	p.cursors.add(keyOf(c), cursorWindow)
}

// judge drops from page the items already yielded (by page.Keys; a zero
// key is never a repeat) and reports an *incidentkit.PagingError when
// page is the MaxStalls-th in a row that added nothing new.
func judge[T any](p *progress, page *Page[T], opts Options) error {
	had := len(page.Items)
	if len(page.Keys) == had && had > 0 {
		kept := 0
		for i, k := range page.Keys {
			if k != 0 && !p.items.add(k, SeenWindow) {
				continue // yielded already
			}
			page.Items[kept], page.Keys[kept] = page.Items[i], page.Keys[i]
			kept++
		}
		clear(page.Items[kept:])
		page.Items, page.Keys = page.Items[:kept], page.Keys[:kept]
	}
	problem := ""
	switch {
	case page.Next != nil && p.cursors.has(keyOf(*page.Next)):
		problem = "the server named a page it had answered already as the next one"
	case had > 0 && len(page.Items) == 0:
		problem = "the server answered only records it had answered already"
	case had == 0 && page.Next != nil:
		problem = "the server answered empty pages while saying more would follow"
	default:
		p.stalls = 0
		return nil
	}
	p.stalls++
	if p.stalls < MaxStalls {
		return nil
	}
	link := ""
	if page.Next != nil {
		link = page.Next.URL
	}
	return pagingError(opts, p.pages, problem+", "+strconv.Itoa(MaxStalls)+" pages in a row", link)
}

// pagingError builds the error that ends a sequence after pages fetches;
// link is the next-page link that was not followed, if any.
func pagingError(opts Options, pages int, problem, link string) error {
	e := &incidentkit.PagingError{Service: opts.Service, Problem: problem, Pages: pages, URL: link}
	if link != "" && opts.Redact != nil {
		e.URL = opts.Redact(link)
	}
	return e
}

// window is a set that remembers its most recent members only.
type window[K comparable] struct {
	set  map[K]struct{}
	ring []K
	next int
}

// add adds k, forgetting the oldest member beyond n, and reports whether
// k was new.
func (w *window[K]) add(k K, n int) bool {
	if _, ok := w.set[k]; ok {
		return false
	}
	if w.set == nil {
		w.set = make(map[K]struct{})
	}
	if len(w.ring) < n {
		w.ring = append(w.ring, k)
	} else {
		delete(w.set, w.ring[w.next])
		w.ring[w.next] = k
		w.next = (w.next + 1) % n
	}
	w.set[k] = struct{}{}
	return true
}

// has reports whether k is a member.
func (w *window[K]) has(k K) bool {
	_, ok := w.set[k]
	return ok
}

// Key returns the key Page.Keys holds for an item identified by id (a
// record's id, or its raw JSON id value): a 64-bit FNV-1a hash, never
// zero. An empty id has the zero key: such an item is never a repeat.
func Key[S ~string | ~[]byte](id S) uint64 {
	if len(id) == 0 {
		return 0
	}
	const offset64, prime64 = 14695981039346656037, 1099511628211
	h := uint64(offset64)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= prime64
	}
	if h == 0 {
		h = 1
	}
	return h
}
