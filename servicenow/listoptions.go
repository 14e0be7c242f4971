package servicenow

import (
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// DisplayValue selects what ServiceNow returns for each field.
type DisplayValue string

// Display value modes.
const (
	// DisplayValueFalse returns stored values (the server's default).
	DisplayValueFalse DisplayValue = "false"
	// DisplayValueTrue returns display values.
	DisplayValueTrue DisplayValue = "true"
	// DisplayValueAll returns both, as {"value","display_value"} objects.
	DisplayValueAll DisplayValue = "all"
)

// String returns the mode as sent.
func (d DisplayValue) String() string { return string(d) }

// DefaultPageSize is the page size used when ListOptions.PageSize is 0.
const DefaultPageSize = 1000

// MaxPageSize is the largest page size ServiceNow accepts.
const MaxPageSize = 10000

// ListOptions select and page records. The zero value lists everything in
// pages of DefaultPageSize ordered by sys_id.
type ListOptions struct {
	// Query selects records: built with encodedquery (Field("active").Eq(true))
	// or, for a hand-written string, encodedquery.Raw("active=true^priority=1").
	// ORDERBYsys_id is appended as the last ordering unless the query
	// orders by sys_id already, so that offset paging is stable even when
	// many records share the caller's sort keys. The zero Query selects
	// every record.
	Query encodedquery.Query `url:"-"`
	// Fields limits the returned fields (dot-walking allowed).
	Fields []string `url:"sysparm_fields,comma,omitempty"`
	// DisplayValue selects stored values, display values or both.
	DisplayValue DisplayValue `url:"sysparm_display_value,omitempty"`
	// ExcludeReferenceLink drops the link of reference fields.
	ExcludeReferenceLink bool `url:"sysparm_exclude_reference_link,omitempty"`
	// PageSize is the number of records per request, 1..MaxPageSize; 0
	// means DefaultPageSize.
	PageSize int `url:"-"`
	// Offset is the index of the first record wanted; pass a page's
	// NextOffset to read on from it.
	Offset int `url:"-"`
	// NoCount asks the server not to count the total (faster on big
	// tables); paging then follows the next links, and without them ends
	// at an empty page.
	NoCount bool `url:"sysparm_no_count,omitempty"`
	// MaxItems caps the records All yields (0 means no cap).
	MaxItems int `url:"-"`
	// View names the UI view whose fields the records carry ("desktop",
	// "mobile", "both"); empty leaves it to the instance.
	View string `url:"sysparm_view,omitempty"`
	// QueryNoDomain lets the query reach records of every domain the user
	// may access, not only the current one (domain separation).
	QueryNoDomain bool `url:"sysparm_query_no_domain,omitempty"`
	// QueryCategory names the query category (a read replica's) to run
	// the query on.
	QueryCategory string `url:"sysparm_query_category,omitempty"`
	// SuppressPaginationHeader asks the instance to leave out the Link
	// header; paging then goes by offset.
	SuppressPaginationHeader bool `url:"sysparm_suppress_pagination_header,omitempty"`
}

// wireQuery is what a list request sends.
type wireQuery struct {
	ListOptions
	Query  string `url:"sysparm_query,omitempty"`
	Limit  int    `url:"sysparm_limit"`
	Offset int    `url:"sysparm_offset"`
}

// check validates o and returns the page size and final encoded query.
func (o *ListOptions) check() (int, string, error) {
	size := o.PageSize
	switch {
	case size == 0:
		size = DefaultPageSize
	case size < 1 || size > MaxPageSize:
		return 0, "", inputErr("page size", strconv.Itoa(size)+" is outside 1.."+strconv.Itoa(MaxPageSize))
	}
	if o.Offset < 0 {
		return 0, "", inputErr("offset", "is negative")
	}
	if o.MaxItems < 0 {
		return 0, "", inputErr("max items", "is negative")
	}
	switch o.DisplayValue {
	case "", DisplayValueFalse, DisplayValueTrue, DisplayValueAll:
	default:
		return 0, "", inputErr("display value", strconv.Quote(string(o.DisplayValue))+" is not false, true or all")
	}
	for _, f := range o.Fields {
		if f == "" || strings.ContainsAny(f, ", \t\r\n^") {
			return 0, "", inputErr("fields", strconv.Quote(f)+" is not a field name")
		}
	}
	if err := checkView(o.View); err != nil {
		return 0, "", err
	}
	query := o.Query
	if !ordersBySysID(query) {
		// sys_id is unique: as the last ordering it breaks every tie, so
		// records with equal sort keys keep one order from page to page
		// and offset paging neither skips nor repeats them.
		query = query.OrderBy("sys_id")
	}
	q, err := query.Encode()
	if err != nil {
		return 0, "", queryErr(err)
	}
	return size, q, nil
}

// ordersBySysID reports whether q orders by sys_id at any position.
func ordersBySysID(q encodedquery.Query) bool {
	for _, o := range q.Orders() {
		if o.Field == "sys_id" {
			return true
		}
	}
	return false
}

// checkView refuses a view name that is not one: the views ServiceNow
// documents are desktop, mobile and both, and instances define others by
// name, so only the shape is checked.
func checkView(v string) error {
	if v != "" && (strings.TrimSpace(v) != v || strings.ContainsAny(v, ",^&=/?# ")) {
		return inputErr("view", strconv.Quote(v)+" is not a view name")
	}
	return nil
}
