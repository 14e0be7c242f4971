package thehivetest

import "strings"

// fields is an object as a filter reads it: a field's value by name.
type fields interface {
	field(name string) (any, bool)
}

// plain is an object already rendered.
type plain map[string]any

func (p plain) field(name string) (any, bool) {
	v, ok := p[name]
	return v, ok
}

// lazy is a stored object as its dialect renders it, rendered only when a
// filter reads a field whose rendered value may differ from the stored
// one: a search matches most objects on stored fields alone, and renders
// only those it returns.
type lazy struct {
	kind string
	d    doc
	v0   bool
	r    map[string]any // the rendering, once made
}

func (o *lazy) field(name string) (any, bool) {
	if o.r == nil && !rendered(name) {
		v, ok := o.d[name]
		return v, ok
	}
	v, ok := o.rendering()[name]
	return v, ok
}

// rendering returns the object as render shows it, rendering it once.
func (o *lazy) rendering() map[string]any {
	if o.r == nil {
		o.r = render(o.kind, o.d, o.v0)
	}
	return o.r
}

// rendered reports whether render may show the field name otherwise than
// it is stored: the fields it adds, renames or derives, and the hidden
// "__" ones it drops. Every other field is shown as stored.
func rendered(name string) bool {
	switch name {
	case "tlp", "tlpLabel", "papLabel", "severityLabel",
		"createdAt", "createdBy", "updatedAt", "updatedBy", "_createdAt", "_createdBy", "_updatedAt", "_updatedBy",
		"id", "_type", "status", "stage", "caseId", "owner":
		return true
	}
	return strings.HasPrefix(name, "__")
}
