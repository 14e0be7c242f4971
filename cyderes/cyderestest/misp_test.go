package cyderestest_test

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/cyderes/cyderestest"
)

// TestMISPAttributesCarryTagsDataAndEvent serves a malware sample with
// tags from the fake and reads it back whole through the client.
func TestMISPAttributesCarryTagsDataAndEvent(t *testing.T) {
	srv, c := setup(t)
	sample := bytes.Repeat([]byte{0x4d, 0x5a, 0x90, 0}, 1<<14)
	srv.AddAttribute(cyderestest.Attribute{Category: "Payload delivery", Type: "malware-sample", Value: "dropper.exe|5d41402abc4b2a76b9719d911017c592",
		Tags: []string{"tlp:amber", "ransomware"}, Data: sample, Timestamp: now.Add(-time.Hour), EventInfo: "Dropper",
		EventThreatLevel: 2, EventAnalysis: 1, EventPublished: true})
	page, err := c.IOCs.List(context.Background(), nil)
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("%+v %v", page, err)
	}
	a := page.Items[0]
	got, err := io.ReadAll(a.Data())
	if err != nil || !bytes.Equal(got, sample) || len(a.Tags) != 2 || a.Tags[1].Name != "ransomware" ||
		a.EventUUID == "" || a.EventUUID != a.Event.UUID || a.Event.Analysis != 1 || !a.Event.Published || a.Event.Date.IsZero() {
		t.Errorf("attribute %+v (data %d bytes, %v)", a, len(got), err)
	}
}
