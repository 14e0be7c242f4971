package servicenow

import "net/url"

// GetOptions shape a single-record read; nil means the defaults.
type GetOptions struct {
	// Fields limits the returned fields.
	Fields []string `url:"sysparm_fields,comma,omitempty"`
	// DisplayValue selects stored values, display values or both.
	DisplayValue DisplayValue `url:"sysparm_display_value,omitempty"`
	// ExcludeReferenceLink drops the link of reference fields.
	ExcludeReferenceLink bool `url:"sysparm_exclude_reference_link,omitempty"`
	// View and QueryNoDomain are as in ListOptions.
	View          string `url:"sysparm_view,omitempty"`
	QueryNoDomain bool   `url:"sysparm_query_no_domain,omitempty"`
}

func (o *GetOptions) values() (any, error) {
	if o == nil {
		return url.Values(nil), nil
	}
	l := ListOptions{Fields: o.Fields, DisplayValue: o.DisplayValue, View: o.View}
	if _, _, err := l.check(); err != nil {
		return nil, err
	}
	return *o, nil
}
