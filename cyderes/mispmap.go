package cyderes

import "strings"

// MISPKind is a MISP attribute's category and (non-composite) type, which
// TheHive 4's MISP connector maps to an observable data type.
type MISPKind struct {
	Category string
	Type     string
}

// TheHiveDataType returns the observable data type TheHive 4's MISP
// connector gives one part of an attribute of the category: its mapping
// for the category and type (TheHiveDataTypes), else the type itself when
// TheHive has an observable type of that name, else "other"
// (MispImportSrv.convertAttributeType). A composite type is converted part
// by part (SplitComposite), each with the attribute's category.
func TheHiveDataType(category, mispType string) string {
	category, mispType = strings.TrimSpace(category), strings.TrimSpace(mispType)
	for _, m := range theHive4Mapping()[category] {
		if m[0] == mispType {
			return m[1]
		}
	}
	if theHive4ObservableType(mispType) {
		return mispType
	}
	return "other"
}

// TheHiveDataTypes returns TheHive 4's MISP connector mapping, as a fresh
// copy the caller may change: each category and type it converts, with the
// observable data type it gives.
func TheHiveDataTypes() map[MISPKind]string {
	out := map[MISPKind]string{}
	for category, types := range theHive4Mapping() {
		for _, m := range types {
			out[MISPKind{category, m[0]}] = m[1]
		}
	}
	return out
}

// theHive4ObservableType reports TheHive 4's built-in observable types
// (models/ObservableType.scala).
func theHive4ObservableType(t string) bool {
	switch t {
	case "url", "other", "user-agent", "regexp", "mail-subject", "registry", "mail", "autonomous-system", "domain",
		"ip", "uri_path", "filename", "hash", "file", "fqdn", "hostname":
		return true
	}
	return false
}

// TheHive3DataType returns the artifact data type TheHive 3 gives a MISP
// type (its MispConverter's table), "other" for a type it does not list.
// TheHive 3 converts a composite type part by part too.
func TheHive3DataType(mispType string) string {
	if t, ok := theHive3Types()[strings.TrimSpace(mispType)]; ok {
		return t
	}
	return "other"
}

// TheHive3DataTypes returns TheHive 3's table, as a fresh copy the caller
// may change.
func TheHive3DataTypes() map[string]string { return theHive3Types() }
