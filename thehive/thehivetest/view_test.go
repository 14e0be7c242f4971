package thehivetest

import (
	"reflect"
	"testing"
)

// TestLazyReadsAsRendered checks lazy against render for every field of
// every object of a populated store, in both dialects: a field lazy reads
// from the stored object must be shown as stored, or a search would match
// what its answer does not show.
func TestLazyReadsAsRendered(t *testing.T) {
	s := New()
	defer s.Close()
	closed := s.AddCase(Case{Title: "Closed", Description: "d", Severity: 4, TLP: "RED", Status: "TruePositive", Assignee: "ann",
		Tags: []string{"a", "b"}, CustomFields: map[string]any{"score": 3}})
	s.AddCase(Case{Title: "Open", Description: "d"})
	s.AddAlert(Alert{Type: "t", Source: "s", SourceRef: "r", Title: "Alert", Description: "d", Severity: 3,
		Observables: []Observable{{DataType: "ip", Data: "203.0.113.9", IOC: true}}})
	s.AddObservable(closed, Observable{DataType: "domain", Data: "example.net"})
	s.AddAlert(Alert{Type: "t", Source: "s", SourceRef: "read", Title: "Read alert", Description: "d"})
	s.mu.Lock()
	s.addComment(closed, map[string]any{"message": "hello"}, "ann")
	for _, a := range s.docs[kindAlert] {
		if a["sourceRef"] == "read" {
			a["read"] = true // status New in TheHive 5, Ignored in TheHive 4
		}
	}
	defer s.mu.Unlock()

	checked := 0
	for kind, docs := range s.docs {
		for _, d := range docs {
			for _, v0 := range []bool{false, true} {
				want := render(kind, d, v0)
				names := map[string]bool{"absent": true}
				for k := range d {
					names[k] = true
				}
				for k := range want {
					names[k] = true
				}
				for name := range names {
					o := &lazy{kind: kind, d: d, v0: v0}
					got, gotOK := o.field(name)
					w, wOK := want[name]
					if gotOK != wOK || !reflect.DeepEqual(got, w) {
						t.Errorf("%s %v (v0 %v): field %q reads %v (%v), rendered %v (%v)", kind, d["_id"], v0, name, got, gotOK, w, wOK)
					}
					checked++
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d fields checked", checked)
	}
}
