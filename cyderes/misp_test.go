package cyderes

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentkit/incidentkit/internal/testkit"
)

const mispSample = `[{"Event":{"distribution":"1","id":"123","info":"Sample","org_id":"4","orgc_id":"5","uuid":"ev-uuid","threat_level_id":"1"},
	"category":"Network activity","comment":"c2","deleted":false,"disable_correlation":false,"distribution":"5",
	"event_id":"123","first_seen":null,"id":"987","last_seen":"2024-05-01T10:00:00.000000+00:00","object_id":"0",
	"object_relation":null,"sharing_group_id":"0","timestamp":"1714557600","to_ids":true,"type":"ip-dst|port",
	"uuid":"attr-uuid","value":"203.0.113.7|8443"},
	{"id":988,"type":"domain","value":"evil.example","to_ids":"True","object_relation":"domain","distribution":4,"timestamp":1714557601}]`

func TestMISPAttributeDecode(t *testing.T) {
	var got []*MISPAttribute
	if err := json.Unmarshal([]byte(mispSample), &got); err != nil {
		t.Fatal(err)
	}
	a := got[0]
	ts := time.Unix(1714557600, 0).UTC()
	last := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	if a.ID != 987 || a.EventID != 123 || a.ObjectID != 0 || a.ObjectRelation != nil || a.Category != "Network activity" ||
		a.Type != "ip-dst|port" || a.Value != "203.0.113.7|8443" || !a.ToIDs || a.Deleted || a.Distribution != DistributionInherit ||
		a.UUID != "attr-uuid" || a.Comment != "c2" || !a.Timestamp.Equal(ts) || a.FirstSeen != nil || a.LastSeen == nil || !a.LastSeen.Equal(last) {
		t.Errorf("attribute %+v", a)
	}
	wantEvent := MISPEvent{ID: 123, UUID: "ev-uuid", Info: "Sample", OrgID: 4, OrgcID: 5, Distribution: DistributionCommunity, ThreatLevelID: 1}
	ev := a.Event
	if !strings.HasPrefix(string(ev.Raw), `{"distribution":"1","id":"123"`) || !json.Valid(ev.Raw) {
		t.Errorf("event raw %s", ev.Raw)
	}
	ev.Raw = nil
	if !reflect.DeepEqual(ev, wantEvent) {
		t.Errorf("event %+v", a.Event)
	}
	if !strings.HasPrefix(string(a.Raw), `{"Event":{`) || !strings.HasSuffix(string(a.Raw), `"value":"203.0.113.7|8443"}`) {
		t.Errorf("raw %s", a.Raw)
	}
	b := got[1]
	if b.ID != 988 || !b.ToIDs || b.ObjectRelation == nil || *b.ObjectRelation != "domain" || b.Distribution != DistributionSharingGroup || b.Timestamp.Unix() != 1714557601 {
		t.Errorf("second %+v", b)
	}
	if b.Event.Raw != nil || b.Event.ID != 0 {
		t.Errorf("second has an event: %+v", b.Event)
	}
	if b.Distribution.String() != "Sharing group" || Distribution(9).String() != "Distribution(9)" {
		t.Error("distribution names")
	}
}

func TestIOCsList(t *testing.T) {
	tests := []struct {
		name      string
		opts      *IOCListOptions
		wantQuery string
	}{
		{name: "nil", opts: nil, wantQuery: ""},
		{name: "no window", opts: &IOCListOptions{}, wantQuery: ""},
		{name: "window", opts: &IOCListOptions{
			CreatedFrom: time.Date(2000, 1, 1, 1, 0, 0, 0, time.FixedZone("X", 3600)),
			CreatedTo:   time.Date(2000, 1, 2, 0, 0, 0, 999, time.UTC),
		}, wantQuery: "created_from=2000-01-01%2000%3A00%3A00&created_to=2000-01-02%2000%3A00%3A00"},
		{name: "from only", opts: &IOCListOptions{CreatedFrom: time.Date(2024, 5, 1, 10, 20, 30, 0, time.UTC), MaxItems: 1},
			wantQuery: "created_from=2024-05-01%2010%3A20%3A30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newTestClient(t)
			m.On("GET", anyURL, testkit.Answer{Body: mispSample})
			p, err := c.IOCs.List(context.Background(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) != 2 || p.Total != 2 || !p.TotalKnown || p.NextOffset != -1 {
				t.Errorf("page of %d: total %d known %v next %d", len(p.Items), p.Total, p.TotalKnown, p.NextOffset)
			}
			sentTo(t, m, "GET", "/misp", tt.wantQuery)
		})
	}
}

func TestIOCsAll(t *testing.T) {
	c, m := newTestClient(t)
	m.On("GET", anyURL, testkit.Answer{Body: `[null,` + mispSample[1:]})
	tests := []struct {
		name    string
		opts    *IOCListOptions
		wantIDs string
	}{
		{name: "nil options, null skipped", opts: nil, wantIDs: "[987 988]"},
		{name: "capped", opts: &IOCListOptions{MaxItems: 1}, wantIDs: "[987]"},
	}
	for _, tt := range tests {
		var ids []int64
		for a, err := range c.IOCs.All(context.Background(), tt.opts) {
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
		if fmt.Sprint(ids) != tt.wantIDs {
			t.Errorf("%s: ids %v, want %s", tt.name, ids, tt.wantIDs)
		}
	}
	if n := len(m.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestSplitComposite(t *testing.T) {
	tests := []struct {
		typ, value, want string
	}{
		{typ: "ip-dst", value: "1.2.3.4", want: "[{ip-dst 1.2.3.4}]"},
		{typ: "filename|sha256", value: "evil.exe|abc", want: "[{filename evil.exe} {sha256 abc}]"},
		{typ: "ip-dst|port", value: "1.2.3.4|443", want: "[{ip-dst 1.2.3.4} {port 443}]"},
		{typ: "domain|ip", value: "a.example|5.6.7.8", want: "[{domain a.example} {ip 5.6.7.8}]"},
		{typ: "filename|md5", value: "a|b.exe|d41d", want: "[{filename a} {md5 b.exe|d41d}]"},
		{typ: "filename|md5", value: "noseparator", want: "[{filename|md5 noseparator}]"},
		{typ: "url", value: "http://x/?a|b", want: "[{url http://x/?a|b}]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(SplitComposite(tt.typ, tt.value)); got != tt.want {
			t.Errorf("SplitComposite(%q, %q) = %s, want %s", tt.typ, tt.value, got, tt.want)
		}
	}
}

func TestObservables(t *testing.T) {
	a := &MISPAttribute{Category: "Payload delivery", Type: "filename|sha256", Value: "evil.exe|9f86"}
	got := fmt.Sprint(a.Observables())
	if got != "[{filename evil.exe filename} {hash 9f86 sha256}]" {
		t.Errorf("observables %s", got)
	}
}
