package thehive

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"time"
)

// CustomFieldType is the type of a custom field's value.
type CustomFieldType string

// Custom field types.
const (
	CustomString  CustomFieldType = "string"  // a string value
	CustomInteger CustomFieldType = "integer" // an int64 value
	CustomFloat   CustomFieldType = "float"   // a float64 value
	CustomBoolean CustomFieldType = "boolean" // a bool value
	CustomDate    CustomFieldType = "date"    // a time.Time value, epoch milliseconds on the wire
	// CustomNumber is TheHive 3's one numeric type (elastic4play's
	// CustomAttributeFormat): an int64 value when it is whole, else a
	// float64. TheHive 4 and 5 split it into integer and float; the
	// client sends an integer or float field to TheHive 3 as a number, and
	// a number field to TheHive 4 and 5 as an integer or a float.
	CustomNumber CustomFieldType = "number"
)

// String returns the type as TheHive spells it.
func (t CustomFieldType) String() string { return string(t) }

// CustomField is one custom field of a case or alert. Value is a string,
// int64, float64, bool, time.Time or nil (no value); a value of a type
// TheHive does not define is kept as decoded by encoding/json.
type CustomField struct {
	// Name is the field's name as defined on the server.
	Name string
	// Type is the field's type; when sending, an empty Type is inferred
	// from Value.
	Type CustomFieldType
	// Value is the field's value (see above).
	Value any
	// Order is the display position; zero when the server gave none.
	Order int
}

// StringField returns a string custom field.
func StringField(name, v string) CustomField {
	return CustomField{Name: name, Type: CustomString, Value: v}
}

// IntegerField returns an integer custom field.
func IntegerField(name string, v int64) CustomField {
	return CustomField{Name: name, Type: CustomInteger, Value: v}
}

// FloatField returns a float custom field.
func FloatField(name string, v float64) CustomField {
	return CustomField{Name: name, Type: CustomFloat, Value: v}
}

// BooleanField returns a boolean custom field.
func BooleanField(name string, v bool) CustomField {
	return CustomField{Name: name, Type: CustomBoolean, Value: v}
}

// DateField returns a date custom field.
func DateField(name string, v time.Time) CustomField {
	return CustomField{Name: name, Type: CustomDate, Value: v}
}

// CustomFields decodes both forms TheHive sends: the array form
// [{"name","type","value","order"}] and the object form {"name": value} or
// {"name": {"<type>": value, "order": n}}. Object-form fields are sorted by
// order, then name.
type CustomFields []CustomField

// Get returns the field called name.
func (cf CustomFields) Get(name string) (CustomField, bool) {
	for _, f := range cf {
		if f.Name == name {
			return f, true
		}
	}
	return CustomField{}, false
}

// UnmarshalJSON decodes either form.
func (cf *CustomFields) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	*cf = nil
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	if b[0] == '[' {
		if out, ok := scanCustomArray(b); ok {
			*cf = out
			return nil
		}
		var list []struct {
			Name  string          `json:"name"`
			Type  CustomFieldType `json:"type"`
			Value borrowedRaw     `json:"value"`
			Order int             `json:"order"`
		}
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		out := make(CustomFields, 0, len(list))
		for _, f := range list {
			v, typ := decodeCustomValue(json.RawMessage(f.Value), f.Type)
			out = append(out, CustomField{Name: f.Name, Type: typ, Value: v, Order: f.Order})
		}
		*cf = out
		return nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		return err
	}
	out := make(CustomFields, 0, len(obj))
	for name, raw := range obj {
		f := CustomField{Name: name}
		var typed map[string]json.RawMessage
		if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) && json.Unmarshal(raw, &typed) == nil {
			if o, ok := typed["order"]; ok {
				var n float64
				if json.Unmarshal(o, &n) == nil && n >= math.MinInt32 && n <= math.MaxInt32 {
					f.Order = int(n)
				}
			}
			found := false
			for _, t := range []CustomFieldType{CustomString, CustomInteger, CustomFloat, CustomBoolean, CustomDate, CustomNumber} {
				if v, ok := typed[string(t)]; ok && string(bytes.TrimSpace(v)) != "null" {
					f.Value, f.Type = decodeCustomValue(v, t)
					found = true
					break
				}
			}
			if !found {
				if v, ok := typed["value"]; ok {
					f.Value, f.Type = decodeCustomValue(v, "")
				}
			}
		} else {
			f.Value, f.Type = decodeCustomValue(raw, "")
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Order != out[j].Order {
			return out[i].Order < out[j].Order
		}
		return out[i].Name < out[j].Name
	})
	*cf = out
	return nil
}

// decodeCustomValue decodes raw for type typ (inferring the type when typ
// is empty); a value that does not fit its type is kept as plain JSON.
func decodeCustomValue(raw json.RawMessage, typ CustomFieldType) (any, CustomFieldType) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, typ
	}
	switch typ {
	case CustomString:
		if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && simpleString(raw[1:len(raw)-1]) {
			return string(raw[1 : len(raw)-1]), typ
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, typ
		}
	case CustomBoolean:
		var v bool
		if json.Unmarshal(raw, &v) == nil {
			return v, typ
		}
	case CustomInteger:
		if i, ok := parseMillis(raw); ok {
			return i, typ
		}
		var n json.Number
		if json.Unmarshal(raw, &n) == nil {
			if i, err := n.Int64(); err == nil {
				return i, typ
			}
			if f, err := n.Float64(); err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<62 {
				return int64(f), typ
			}
		}
	case CustomFloat:
		var f float64
		if json.Unmarshal(raw, &f) == nil {
			return f, typ
		}
	case CustomNumber:
		if v, t := decodeCustomValue(raw, ""); t == CustomInteger || t == CustomFloat {
			return v, typ
		}
	case CustomDate:
		var t Time
		if t.UnmarshalJSON(raw) == nil {
			return t.Time, typ
		}
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return string(raw), typ
	}
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			if typ == "" {
				typ = CustomInteger
			}
			return i, typ
		}
		f, _ := x.Float64()
		if typ == "" {
			typ = CustomFloat
		}
		return f, typ
	case string:
		if typ == "" {
			typ = CustomString
		}
	case bool:
		if typ == "" {
			typ = CustomBoolean
		}
	}
	return v, typ
}

// wireValue checks f and returns its value for a request body and its type.
func (f CustomField) wireValue() (any, CustomFieldType, error) {
	field := "custom field " + f.Name
	if f.Name == "" {
		return nil, "", inputErr("custom field", "name is empty")
	}
	switch v := f.Value.(type) {
	case nil:
		return nil, f.Type, nil
	case string:
		return v, pick(f.Type, CustomString), nil
	case bool:
		return v, pick(f.Type, CustomBoolean), nil
	case int:
		return int64(v), pick(f.Type, CustomInteger), nil
	case int64:
		return v, pick(f.Type, CustomInteger), nil
	case int32:
		return int64(v), pick(f.Type, CustomInteger), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, "", inputErr(field, "value is not a finite number")
		}
		return v, pick(f.Type, CustomFloat), nil
	case float32:
		return float64(v), pick(f.Type, CustomFloat), nil
	case time.Time:
		return millis(v), pick(f.Type, CustomDate), nil
	case Time:
		return millis(v.Time), pick(f.Type, CustomDate), nil
	}
	return nil, "", inputErr(field, fmt.Sprintf("value of type %T is not a string, integer, float, boolean or date", f.Value))
}

// pick returns set, or inferred when set is empty.
func pick(set, inferred CustomFieldType) CustomFieldType {
	if set != "" {
		return set
	}
	return inferred
}

// order returns f's display position: its own, or its index i.
func (f CustomField) order(i int) int {
	if f.Order == 0 {
		return i
	}
	return f.Order
}

// wireField is a custom field checked and ready to encode.
type wireField struct {
	name  string
	value any
	typ   CustomFieldType
	order int
}

// wireFields checks fields (each named once, each value one TheHive has a
// form for) and returns them ready to encode, in order.
func wireFields(fields []CustomField) ([]wireField, error) {
	seen := make(map[string]bool, len(fields))
	for _, f := range fields {
		if seen[f.Name] {
			return nil, inputErr("custom field "+f.Name, "given twice")
		}
		seen[f.Name] = true
	}
	out := make([]wireField, 0, len(fields))
	for i, f := range fields {
		v, typ, err := f.wireValue()
		if err != nil {
			return nil, err
		}
		out = append(out, wireField{name: f.Name, value: v, typ: typ, order: f.order(i)})
	}
	return out, nil
}

// customFieldsV0 encodes fields in TheHive 4's typed object form
// {"name":{"<type>":v,"order":n}}, for creates and updates alike; a
// TheHive 3 number becomes an integer or a float.
func customFieldsV0(fields []CustomField, _ bool) (any, error) {
	return typedCustomFields(fields, func(f wireField) CustomFieldType {
		if f.typ != CustomNumber {
			return f.typ
		}
		if _, whole := f.value.(int64); whole {
			return CustomInteger
		}
		return CustomFloat
	})
}

// customFieldsTheHive3 encodes fields in TheHive 3's typed object form,
// where integers and floats are both a number: elastic4play's
// CustomAttributeFormat knows only string, number, boolean and date, and
// refuses any other type key.
func customFieldsTheHive3(fields []CustomField, _ bool) (any, error) {
	return typedCustomFields(fields, func(f wireField) CustomFieldType {
		if f.typ == CustomInteger || f.typ == CustomFloat {
			return CustomNumber
		}
		return f.typ
	})
}

// typedCustomFields encodes fields as {"name":{"<type>":v,"order":n}},
// with the type key typeKey gives each.
func typedCustomFields(fields []CustomField, typeKey func(wireField) CustomFieldType) (any, error) {
	wf, err := wireFields(fields)
	if err != nil {
		return nil, err
	}
	out := make(map[string]any, len(wf))
	for _, f := range wf {
		if f.typ == "" {
			return nil, inputErr("custom field "+f.name, "type is unknown for a nil value")
		}
		out[f.name] = map[string]any{string(typeKey(f)): f.value, "order": f.order}
	}
	return out, nil
}

// customFieldsV1 encodes fields for TheHive 5: the list
// [{"name","value","order"}] when they replace all custom fields (a create,
// or an update with ReplaceCustomFields), the object {"name": v} when an
// update merges them.
func customFieldsV1(fields []CustomField, replace bool) (any, error) {
	wf, err := wireFields(fields)
	if err != nil {
		return nil, err
	}
	if replace {
		out := make([]map[string]any, 0, len(wf))
		for _, f := range wf {
			out = append(out, map[string]any{"name": f.name, "value": f.value, "order": f.order})
		}
		return out, nil
	}
	out := make(map[string]any, len(wf))
	for _, f := range wf {
		out[f.name] = f.value
	}
	return out, nil
}

// simpleString reports whether the inside of a JSON string needs no
// unescaping.
func simpleString(b []byte) bool {
	for _, c := range b {
		if c == '\\' || c == '"' || c < 0x20 {
			return false
		}
	}
	return true
}

// borrowedRaw keeps a value's bytes without copying them. It is only used
// inside one UnmarshalJSON call, while the input it points into is alive;
// decodeCustomValue copies what it keeps.
type borrowedRaw []byte

// UnmarshalJSON keeps b as it is.
func (r *borrowedRaw) UnmarshalJSON(b []byte) error {
	*r = b
	return nil
}
