package incidentkit

// Page is one page of a list: the items in the server's order and where the
// next page starts. Every client's List returns it.
type Page[T any] struct {
	// Items are the page's records in the server's order.
	Items []T
	// Offset is the index of Items[0] in the whole result, and Limit the
	// page size that was asked for.
	Offset int
	Limit  int
	// Total is the number of matching records when TotalKnown (ServiceNow's
	// X-Total-Count, TheHive's total); APIs that report no total leave
	// TotalKnown false.
	Total      int
	TotalKnown bool
	// NextOffset is where the next page starts, or -1 when the API says the
	// data ends. Pass it back as the list options' offset to read on.
	NextOffset int
	// NextURL is the server's own link to the next page, when it gives one
	// (ServiceNow's Link rel="next"); empty otherwise.
	NextURL string
	// FirstURL, PrevURL and LastURL are the server's links to the first,
	// previous and last pages, when it gives them (ServiceNow's Link
	// header); empty otherwise. A listing's own URL paging uses NextURL.
	FirstURL, PrevURL, LastURL string
}

// HasNext reports whether the API says more data follows this page.
func (p *Page[T]) HasNext() bool { return p != nil && p.NextOffset >= 0 }
