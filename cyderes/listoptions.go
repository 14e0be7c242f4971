package cyderes

import "strconv"

// Page size bounds of the ticket list.
const (
	// DefaultPageSize is the page size used when ListOptions.PageSize is 0
	// (the API's own default).
	DefaultPageSize = 50
	// MaxPageSize is the largest page the API serves.
	MaxPageSize = 250
)

// ListOptions select tickets for TicketService.List, All and Between. It
// is encoded as the query string of GET /v2/tickets; nil means the zero
// ListOptions.
//
// EscalatedOnly is always sent as set here, false included. The API's own
// default, when the parameter is missing, is true: a request without it
// silently hides every ticket that was not escalated. The zero ListOptions
// therefore asks for escalated and non-escalated tickets alike; set
// EscalatedOnly to get only escalated ones.
type ListOptions struct {
	// Offset is how many tickets to skip (the API's skip); All starts
	// there. Pass a page's NextOffset to read on.
	Offset int `url:"skip"`
	// PageSize is how many tickets a request asks for (the API's limit),
	// 1 to MaxPageSize; 0 means DefaultPageSize.
	PageSize int `url:"limit"`
	// MaxItems caps how many tickets All and Between yield (0 means no
	// cap); All then asks for no more than it will yield. List ignores it.
	// It is not sent.
	MaxItems int `url:"-"`

	// CreatedFrom, CreatedTo, UpdatedFrom and UpdatedTo filter on whole
	// UTC days (whether the API includes the end day is not documented);
	// the zero Date leaves a bound open. Use TicketService.Between for an
	// exact time window.
	CreatedFrom Date `url:"created_from,omitempty"`
	CreatedTo   Date `url:"created_to,omitempty"`
	UpdatedFrom Date `url:"updated_from,omitempty"`
	UpdatedTo   Date `url:"updated_to,omitempty"`
	// TicketType selects the kind of ticket; empty means the API's default,
	// alert tickets only. TicketTypeAll lists every kind.
	TicketType TicketType `url:"ticket_type,omitempty"`
	// LookupField is the date field filtered and sorted on (newest first);
	// empty means the API's default, LookupCreated.
	LookupField LookupField `url:"lookup_fields,omitempty"`
	// EscalatedOnly limits the list to escalated tickets. It is always
	// sent; see the type's documentation for the API's opposite default.
	EscalatedOnly bool `url:"escalated_only"`
	// IncludeRawEvent adds RawEventDescription to alert tickets.
	IncludeRawEvent bool `url:"include_raw_event,omitempty"`
}

// normalized returns a validated copy of o with defaults filled in.
func (o *ListOptions) normalized() (ListOptions, error) {
	var q ListOptions
	if o != nil {
		q = *o
	}
	if q.PageSize == 0 {
		q.PageSize = DefaultPageSize
	}
	switch {
	case q.PageSize < 1 || q.PageSize > MaxPageSize:
		return q, inputErr("page size", strconv.Itoa(q.PageSize)+" is outside 1–250")
	case q.Offset < 0:
		return q, inputErr("offset", strconv.Itoa(q.Offset)+" is negative")
	case q.MaxItems < 0:
		return q, inputErr("maximum items", strconv.Itoa(q.MaxItems)+" is negative")
	case q.TicketType != "" && !q.TicketType.Known():
		return q, inputErr("ticket type", quote(string(q.TicketType))+" is not one of "+knownTicketTypes())
	case q.LookupField != "" && !q.LookupField.Known():
		return q, inputErr("lookup field", quote(string(q.LookupField))+" is not created or updated")
	}
	if err := checkRange("created", q.CreatedFrom, q.CreatedTo); err != nil {
		return q, err
	}
	if err := checkRange("updated", q.UpdatedFrom, q.UpdatedTo); err != nil {
		return q, err
	}
	return q, nil
}

// checkRange rejects an invalid day and a range that ends before it starts.
func checkRange(name string, from, to Date) error {
	if !from.IsZero() && !from.valid() {
		return inputErr(name+" from", "is not a valid date")
	}
	if !to.IsZero() && !to.valid() {
		return inputErr(name+" to", "is not a valid date")
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return inputErr(name+" range", "from "+from.String()+" is after to "+to.String())
	}
	return nil
}
