package cyderes

import "strings"

// TypedValue is one value with its MISP type.
type TypedValue struct {
	// Type is the MISP type of this part ("filename", "sha256" …).
	Type string
	// Value is the part's value.
	Value string
}

// SplitComposite splits a composite MISP attribute such as
// ("filename|sha256", "evil.exe|9f86…") into one typed value per part:
// [{filename evil.exe} {sha256 9f86…}]. A plain type gives a single value.
// The value is split at its first separators only, so the last part keeps
// any further "|". When the value has fewer parts than the type, the
// attribute is returned whole, unsplit.
func SplitComposite(typ, value string) []TypedValue {
	if !strings.Contains(typ, "|") {
		return []TypedValue{{Type: typ, Value: value}}
	}
	types := strings.Split(typ, "|")
	values := strings.SplitN(value, "|", len(types))
	if len(values) != len(types) {
		return []TypedValue{{Type: typ, Value: value}}
	}
	out := make([]TypedValue, len(types))
	for i := range types {
		out[i] = TypedValue{Type: strings.TrimSpace(types[i]), Value: strings.TrimSpace(values[i])}
	}
	return out
}

// Observable is a value with TheHive's observable data type.
type Observable struct {
	// DataType is TheHive's data type ("ip", "hash", "other" …).
	DataType string
	// Value is the observable's value.
	Value string
	// MISPType is the MISP type the value came from.
	MISPType string
}

// Observables returns the attribute as TheHive 4's MISP connector
// imports it: one observable per part of a composite type, each with its
// data type from TheHiveDataType for the attribute's category. A file
// (attachment, malware-sample) has the file name as its value.
func (a *MISPAttribute) Observables() []Observable {
	return a.observables(func(t string) string { return TheHiveDataType(a.Category, t) })
}

// TheHive3Observables is Observables as TheHive 3 imports the attribute
// (TheHive3DataType).
func (a *MISPAttribute) TheHive3Observables() []Observable {
	return a.observables(TheHive3DataType)
}

func (a *MISPAttribute) observables(dataType func(string) string) []Observable {
	parts := SplitComposite(a.Type, a.Value)
	out := make([]Observable, 0, len(parts))
	for _, p := range parts {
		o := Observable{DataType: dataType(p.Type), Value: p.Value, MISPType: p.Type}
		if o.DataType == "file" {
			o.Value, _, _ = strings.Cut(p.Value, "|")
		}
		out = append(out, o)
	}
	return out
}
