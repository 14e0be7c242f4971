package thehive

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// Page is a page of a case's knowledge: Markdown content under a title,
// in a category (TheHive 5's OutputPage).
type Page struct {
	Record
	// Title names the page; Category groups pages.
	Title    string `json:"title"`
	Category string `json:"category"`
	// Content is the page's Markdown.
	Content string `json:"content"`
	// Order is the page's position in its category.
	Order int `json:"order"`
	// Raw is the page as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// pageWire decodes a page (TheHive 5 only has case pages).
type pageWire = asIs[Page, *Page]

func (p *Page) finish(_ *dialectSpec, raw json.RawMessage) { p.Raw = raw }

// PageInput is a new case page; Title, Content and Category are required
// (TheHive 5's InputCreatePage).
type PageInput struct {
	Title    string
	Content  string
	Category string
	// Order is the page's position in its category; nil leaves it to the
	// server.
	Order *int
}

// put checks in and writes its create body to b.
func (in *PageInput) put(sp *dialectSpec, b map[string]any) error {
	u := PageUpdate{Title: &in.Title, Content: &in.Content, Category: &in.Category, Order: in.Order}
	return u.put(sp, b)
}

// PageUpdate changes a case page; nil pointers leave fields unchanged.
type PageUpdate struct {
	Title    *string
	Content  *string
	Category *string
	Order    *int
}

// put checks the fields u sets and writes them to b, which must not be
// left empty.
func (u *PageUpdate) put(_ *dialectSpec, b map[string]any) error {
	if err := putTitle(b, "page title", u.Title); err != nil {
		return err
	}
	if err := putRequired(b, "content", "page content", u.Content); err != nil {
		return err
	}
	if err := putRequired(b, "category", "page category", u.Category); err != nil {
		return err
	}
	putPtr(b, "order", u.Order)
	return nothing(b, "page update")
}

// PageService keeps the pages of cases. Only TheHive 5 has case pages; in
// V0 every call fails with an error matching ErrUnsupported. Get it from
// Client.Pages.
type PageService struct{ c *Client }

// Create adds a page to a case. It is sent once. A nil in is an input
// error.
func (s *PageService) Create(ctx context.Context, caseID string, in *PageInput) (*Page, error) {
	return create[Page, pageWire](ctx, s.c, route{path: s.c.sp.casePage, what: "adding a case page", idField: "case id", id: caseID},
		"page input", in)
}

// Update changes the fields set in u. A nil u, or one that changes
// nothing, is an input error.
func (s *PageService) Update(ctx context.Context, caseID, pageID string, u *PageUpdate) error {
	return patch(ctx, s.c, s.item(caseID, pageID), transport.ReplaySafe, "page update", u)
}

// Delete deletes a case page.
func (s *PageService) Delete(ctx context.Context, caseID, pageID string) error {
	return s.c.remove(ctx, s.item(caseID, pageID))
}

// List returns one page of a case's pages matching opts.
func (s *PageService) List(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Page], error) {
	return list[Page, pageWire](ctx, s.c, childListing(s.c.sp.pages, "case id", caseID), opts)
}

// All returns a lazy sequence of a case's pages matching opts; it behaves
// like CaseService.All.
func (s *PageService) All(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Page, error] {
	return all[Page, pageWire](ctx, s.c, childListing(s.c.sp.pages, "case id", caseID), opts)
}

// item is the route to the page pageID of the case caseID.
func (s *PageService) item(caseID, pageID string) route {
	return route{path: s.c.sp.pageItem, what: "changing a case page", idField: "case id", id: caseID, idField2: "page id", id2: pageID}
}
