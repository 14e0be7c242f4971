package filter

import "strconv"

// Sort is one sort key: a field and a direction. Build it with [Asc] or
// [Desc]; the zero Sort has no field and is an error when encoded.
type Sort struct {
	field string
	desc  bool
}

// Asc sorts by field, smallest first.
func Asc(field string) Sort { return Sort{field: field} }

// Desc sorts by field, largest first.
func Desc(field string) Sort { return Sort{field: field, desc: true} }

// Field returns the field s sorts by.
func (s Sort) Field() string { return s.field }

// Descending reports whether s sorts largest first.
func (s Sort) Descending() bool { return s.desc }

// String returns s in the v0 form, such as "-createdAt".
func (s Sort) String() string {
	if s.desc {
		return "-" + s.field
	}
	return "+" + s.field
}

// SortV1 encodes sort keys as the "_fields" list of a TheHive 5 sort step:
// [{"createdAt":"desc"},{"title":"asc"}]. No keys give a nil list, meaning
// "leave the sort step out". An empty field name or a field listed twice is
// an error.
func SortV1(s ...Sort) ([]map[string]string, error) {
	if err := checkSorts(s); err != nil {
		return nil, err
	}
	if len(s) == 0 {
		return nil, nil
	}
	out := make([]map[string]string, len(s))
	for i, k := range s {
		dir := "asc"
		if k.desc {
			dir = "desc"
		}
		out[i] = map[string]string{k.field: dir}
	}
	return out, nil
}

// SortV0 encodes sort keys for TheHive 3 and 4's "sort" parameter:
// ["-createdAt", "+title"]. No keys give a nil list. An empty field name,
// a field listed twice or a field starting with '+' or '-' is an error.
func SortV0(s ...Sort) ([]string, error) {
	if err := checkSorts(s); err != nil {
		return nil, err
	}
	if len(s) == 0 {
		return nil, nil
	}
	out := make([]string, len(s))
	for i, k := range s {
		if k.field[0] == '+' || k.field[0] == '-' {
			return nil, sortInvalid(i, "field name "+strconv.Quote(k.field)+" starts with a sign")
		}
		out[i] = k.String()
	}
	return out, nil
}

func checkSorts(s []Sort) error {
	for i, k := range s {
		if p := fieldProblem(k.field); p != "" {
			return sortInvalid(i, p)
		}
		for j := range i {
			if s[j].field == k.field {
				return sortInvalid(i, "field "+strconv.Quote(k.field)+" is already sorted on")
			}
		}
	}
	return nil
}

func sortInvalid(i int, problem string) error {
	return &Error{Path: "sort[" + strconv.Itoa(i) + "]", Problem: problem}
}
