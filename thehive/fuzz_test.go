package thehive

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/incidentkit/incidentkit"
)

// FuzzDecodeCase decodes arbitrary answers as cases in both dialects: no
// panic, and a decoded case survives a JSON round trip.
func FuzzDecodeCase(f *testing.F) {
	f.Add([]byte(`{"_id":"~1","number":3,"tlp":3,"tlpLabel":"RED","startDate":1709294400000,
		"customFields":[{"name":"a","type":"date","value":1}]}`))
	f.Add([]byte(`{"id":"AV1","caseId":2,"owner":"x","createdAt":"17","customFields":{"b":{"boolean":true,"order":1},"c":3}}`))
	f.Add([]byte(`{"customFields":{"x":{"integer":1.5e3}},"endDate":1.5}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Case
		if json.Unmarshal(b, &c) == nil {
			c.TLP = v1Spec.readTLP(c.TLP, c.TLPLabel)
			out, err := json.Marshal(&c)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			var again Case
			if err := json.Unmarshal(out, &again); err != nil {
				t.Fatalf("round trip of %s: %v", out, err)
			}
		}
		for _, sp := range []*dialectSpec{v1Spec, v0Spec} {
			o := &one[Case, caseWire, *Case, *caseWire]{sp: sp}
			if o.DecodeJSON(b) == nil && string(o.result().Raw) != string(bytes.TrimSpace(b)) {
				t.Fatalf("Raw = %s, want the answer", o.result().Raw)
			}
			m := &many[Case, caseWire, *Case, *caseWire]{sp: sp}
			if m.DecodeJSON(b) == nil {
				for _, c := range m.items {
					if c == nil || !json.Valid(c.Raw) {
						t.Fatalf("case %+v has invalid Raw", c)
					}
				}
			}
		}
	})
}

// FuzzDecodeCustomFields checks both custom field forms.
func FuzzDecodeCustomFields(f *testing.F) {
	f.Add([]byte(`[{"name":"a","type":"integer","value":7,"order":1},{"name":"b","value":"x"}]`))
	f.Add([]byte(`{"a":{"string":"x","order":0},"b":{"date":1709294400000},"c":true,"d":null}`))
	f.Add([]byte(`{"a":{"float":"NaN"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var cf CustomFields
		if cf.UnmarshalJSON(b) != nil {
			return
		}
		for _, fld := range cf {
			switch fld.Value.(type) {
			case nil, string, bool, int64, float64, map[string]any, []any:
			default:
				if _, ok := fld.Value.(interface{ IsZero() bool }); !ok {
					t.Fatalf("value of unexpected type %T", fld.Value)
				}
			}
		}
	})
}

// FuzzDecodeObservableAnswer decodes arbitrary observable create answers.
func FuzzDecodeObservableAnswer(f *testing.F) {
	f.Add([]byte(`[{"_id":"~1","data":"x"}]`))
	f.Add([]byte(`{"success":[{"_id":"~1"}],"failure":[{"type":"CreateError","message":"dup","object":{}}]}`))
	f.Add([]byte(`{"id":"x","dataType":"file","attachment":{"hashes":["a"]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, sp := range []*dialectSpec{v1Spec, v0Spec} {
			a := &observableAnswer{sp: sp}
			if a.DecodeJSON(b) != nil {
				continue
			}
			res, err := a.result()
			if (err != nil) != (len(res.Failures) > 0) {
				t.Fatalf("error %v with %d failures", err, len(res.Failures))
			}
			for _, o := range res.Created {
				if o == nil {
					t.Fatal("nil observable")
				}
			}
		}
	})
}

// FuzzDecodeError checks TheHive's error envelope decoder.
func FuzzDecodeError(f *testing.F) {
	f.Add([]byte(`{"type":"AttributeCheckingError","message":"m","errors":[{"name":"a","field":"f","format":"int"}]}`))
	f.Add([]byte(`{"type":"AttributeCheckingError","errors":[[{"name":"a"}]]}`))
	f.Add([]byte(`{"message":"x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var e incidentkit.Error
		if decodeError(&e, b) && e.Code == "" && e.Message == "" {
			t.Fatal("recognised a body with neither type nor message")
		}
		if e.Extra != nil {
			if _, ok := e.Extra.([]AttributeError); !ok {
				t.Fatalf("extra is %T", e.Extra)
			}
		}
	})
}

// FuzzTime decodes arbitrary epoch values.
func FuzzTime(f *testing.F) {
	for _, s := range []string{`0`, `1709294400000`, `-1`, `1.5`, `"12"`, `null`, `1e18`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var tm Time
		if tm.UnmarshalJSON(b) != nil {
			return
		}
		out, err := tm.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var again Time
		if err := again.UnmarshalJSON(out); err != nil || !again.Equal(tm.Time) {
			t.Fatalf("%s -> %s -> %v (%v)", b, out, again.Time, err)
		}
	})
}

// FuzzScanCustomArray checks that the reflection-free scanner agrees with
// encoding/json wherever it accepts its input.
func FuzzScanCustomArray(f *testing.F) {
	f.Add([]byte(`[{"name":"a","type":"integer","value":7,"order":1},{"name":"b","value":"x"}]`))
	f.Add([]byte(`[{"_id":"~1","name":"d","type":"date","value":1709294400000,"order":0,"description":"x"}]`))
	f.Add([]byte(`[{"Name":"a"},{"name":"b","value":-0.5e3}]`))
	f.Add([]byte(`[{"name":"é","value":null,"order":null}, {}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := scanCustomArray(b)
		if !ok {
			return
		}
		var list []struct {
			Name  string          `json:"name"`
			Type  CustomFieldType `json:"type"`
			Value json.RawMessage `json:"value"`
			Order int             `json:"order"`
		}
		if err := json.Unmarshal(b, &list); err != nil {
			t.Fatalf("scanner accepted %q that encoding/json rejects: %v", b, err)
		}
		if len(list) != len(fast) {
			t.Fatalf("%d fields, encoding/json has %d", len(fast), len(list))
		}
		for i, l := range list {
			v, typ := decodeCustomValue(l.Value, l.Type)
			want := CustomField{Name: l.Name, Type: typ, Value: v, Order: l.Order}
			if !reflect.DeepEqual(fast[i], want) {
				t.Fatalf("field %d = %#v, encoding/json gives %#v", i, fast[i], want)
			}
		}
	})
}
