package cyderes

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// TestMISPAttributeKeepsWhatMISPSends decodes an attribute as MISP's
// restSearch writes it, with tags, a malware sample, its object and its
// event's date, analysis, publication and timestamps.
func TestMISPAttributeKeepsWhatMISPSends(t *testing.T) {
	sample := bytes.Repeat([]byte("PK\x03\x04 zipped sample "), 5000)
	raw := `{"id":"12","event_id":"3","object_id":"7","object_relation":"malware-sample","category":"Payload delivery",
		"type":"malware-sample","value":"evil.exe|9f86d081884c7d659a2feaa0c55ad015","to_ids":true,"uuid":"a-1","timestamp":"1795428000",
		"event_uuid":"e-3","data":"` + base64.StdEncoding.EncodeToString(sample) + `",
		"Tag":[{"id":"5","name":"tlp:amber","colour":"#FFC000","exportable":true},{"id":"9","name":"malware","colour":"#000","exportable":"0"}],
		"Object":{"id":"7","name":"file","meta-category":"file","uuid":"o-7","distribution":"5"},
		"Event":{"id":"3","uuid":"e-3","info":"Phishing wave","threat_level_id":"1","date":"2026-11-20","analysis":"2",
			"published":true,"timestamp":"1795428000","publish_timestamp":"1795431600","Tag":[{"id":"5","name":"tlp:amber"}]}}`
	var a MISPAttribute
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Tags) != 2 || a.Tags[0].Name != "tlp:amber" || !a.Tags[0].Exportable || a.Tags[1].Exportable || a.EventUUID != "e-3" {
		t.Errorf("tags and event uuid: %+v %q", a.Tags, a.EventUUID)
	}
	if a.Object == nil || a.Object.Name != "file" || a.Object.MetaCategory != "file" || a.Object.ID != 7 {
		t.Errorf("object %+v", a.Object)
	}
	e := a.Event
	if !e.Date.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) || e.Analysis != 2 || !e.Published ||
		e.PublishTimestamp.Unix() != 1795431600 || e.Timestamp.Unix() != 1795428000 || len(e.Tags) != 1 {
		t.Errorf("event %+v", e)
	}
	if !a.HasData() {
		t.Fatal("no data")
	}
	got, err := io.ReadAll(a.Data())
	if err != nil || !bytes.Equal(got, sample) {
		t.Errorf("data: %d bytes, %v", len(got), err)
	}
	if obs := a.Observables(); len(obs) != 1 || obs[0].DataType != "file" || obs[0].Value != "evil.exe" {
		t.Errorf("observables %+v", obs)
	}

	var bad MISPAttribute
	if err := json.Unmarshal([]byte(`{"id":"13","type":"attachment","data":"not*base64"}`), &bad); err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(bad.Data())
	var corrupt base64.CorruptInputError
	if !errors.As(err, &corrupt) || !strings.Contains(err.Error(), "attribute 13") {
		t.Errorf("bad data: %v", err)
	}
	var none MISPAttribute
	if none.HasData() || none.Data() != nil {
		t.Error("an attribute without data has some")
	}
}
