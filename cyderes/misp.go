package cyderes

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Distribution is a MISP distribution level. Unknown levels decode as
// their number.
type Distribution int

// MISP distribution levels.
const (
	DistributionOrganisation Distribution = 0 // your organisation only
	DistributionCommunity    Distribution = 1 // this community only
	DistributionConnected    Distribution = 2 // connected communities
	DistributionAll          Distribution = 3 // all communities
	DistributionSharingGroup Distribution = 4 // a sharing group
	DistributionInherit      Distribution = 5 // inherit the event's level
)

// distributionNames are MISP's names of the levels.
var distributionNames = [...]string{
	DistributionOrganisation: "Your organisation only",
	DistributionCommunity:    "This community only",
	DistributionConnected:    "Connected communities",
	DistributionAll:          "All communities",
	DistributionSharingGroup: "Sharing group",
	DistributionInherit:      "Inherit event",
}

// String returns MISP's name of the level.
func (d Distribution) String() string {
	if d >= 0 && int(d) < len(distributionNames) {
		return distributionNames[d]
	}
	return "Distribution(" + strconv.Itoa(int(d)) + ")"
}

// MISPAttribute is one indicator of compromise: a MISP attribute with the
// event it belongs to. The API sends numbers as strings; they are parsed
// here, and an absent or unreadable number is 0. Raw keeps the JSON.
type MISPAttribute struct {
	// ID, UUID, EventID and ObjectID identify the attribute, its event and
	// the MISP object it is part of (0 when none).
	ID       int64
	UUID     string
	EventID  int64
	ObjectID int64
	// ObjectRelation is nil when the attribute is not part of an object.
	ObjectRelation *string
	// Category is the MISP category ("Network activity", "Payload
	// delivery" …).
	Category string
	// Type is the MISP attribute type, such as "ip-dst", "domain" or a
	// composite "filename|sha256"; see SplitComposite.
	Type string
	// Value is the indicator itself; a composite type's parts are joined
	// by "|".
	Value string
	// ToIDs reports whether the indicator is meant for detection.
	ToIDs bool
	// Comment is the attribute's comment.
	Comment string
	// Deleted reports a soft-deleted attribute.
	Deleted bool
	// DisableCorrelation reports that MISP does not correlate the value.
	DisableCorrelation bool
	// Distribution and SharingGroupID say who may see the attribute.
	Distribution   Distribution
	SharingGroupID int64
	// Timestamp is the attribute's last change, from epoch seconds.
	Timestamp time.Time
	// FirstSeen and LastSeen are nil when unset.
	FirstSeen *time.Time
	LastSeen  *time.Time
	// Tags are the attribute's tags (MISP's "Tag" list).
	Tags []MISPTag
	// EventUUID is the event's UUID as the attribute states it (MISP's
	// event_uuid; Event.UUID when the event is embedded).
	EventUUID string
	// Object is the MISP object the attribute is part of, when the answer
	// embeds it (nil otherwise; ObjectID still names it).
	Object *MISPObject
	// Event is the event the attribute belongs to.
	Event MISPEvent

	// Raw is the attribute's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`

	// data is the base64 content of a malware sample or attachment.
	data string
}

// MISPTag is a MISP tag.
type MISPTag struct {
	ID         int64
	Name       string
	Colour     string
	Exportable bool
}

// MISPObject is a MISP object: a group of attributes that describe one
// thing (a file, a network connection …).
type MISPObject struct {
	ID           int64
	UUID         string
	Name         string
	MetaCategory string
	Distribution Distribution
	// Raw is the object's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`
}

// HasData reports whether the attribute carries file content (MISP sends
// it for attachment and malware-sample attributes when asked to).
func (a *MISPAttribute) HasData() bool { return a.data != "" }

// Data returns the attribute's file content, decoded from base64 as it is
// read, so that a large sample is never held decoded in memory; nil when
// there is none. Malware samples come zipped with the password
// "infected", as MISP stores them. Content that is not base64 fails the
// Read with an error naming the attribute.
func (a *MISPAttribute) Data() io.Reader {
	if a.data == "" {
		return nil
	}
	return &attributeData{r: base64.NewDecoder(base64.StdEncoding, strings.NewReader(a.data)), id: a.ID}
}

// attributeData decodes an attribute's data, naming it in errors.
type attributeData struct {
	r  io.Reader
	id int64
}

func (d *attributeData) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		err = fmt.Errorf("cyderes: MISP attribute %d: its data is not base64: %w", d.id, err)
	}
	return n, err
}

// MISPEvent is the event an attribute belongs to.
type MISPEvent struct {
	// ID and UUID identify the event.
	ID   int64
	UUID string
	// Info is the event's title.
	Info string
	// OrgID is the owning organisation and OrgcID the creating one.
	OrgID  int64
	OrgcID int64
	// Distribution says who may see the event.
	Distribution Distribution
	// ThreatLevelID is MISP's threat level (1 high … 4 undefined), 0 when
	// the API does not send it; sla.DefaultMISPThreatLevels maps it to a
	// TheHive severity.
	ThreatLevelID int
	// Date is the event's date (a day, at midnight UTC); zero when absent.
	Date time.Time
	// Analysis is the analysis stage: 0 initial, 1 ongoing, 2 complete.
	Analysis int
	// Published reports a published event; PublishTimestamp is when it
	// was last published and Timestamp its last change.
	Published        bool
	PublishTimestamp time.Time
	Timestamp        time.Time
	// Tags are the event's tags.
	Tags []MISPTag

	// Raw is the event's JSON object exactly as received; nil when the
	// attribute came without one.
	Raw json.RawMessage `json:"-"`
}

// mispWire is the lenient wire form of a MISPAttribute.
type mispWire struct {
	ID                 flexInt         `json:"id"`
	UUID               flexString      `json:"uuid"`
	EventID            flexInt         `json:"event_id"`
	ObjectID           flexInt         `json:"object_id"`
	ObjectRelation     *flexString     `json:"object_relation"`
	Category           flexString      `json:"category"`
	Type               flexString      `json:"type"`
	Value              flexString      `json:"value"`
	ToIDs              flexBool        `json:"to_ids"`
	Comment            flexString      `json:"comment"`
	Deleted            flexBool        `json:"deleted"`
	DisableCorrelation flexBool        `json:"disable_correlation"`
	Distribution       flexInt         `json:"distribution"`
	SharingGroupID     flexInt         `json:"sharing_group_id"`
	Timestamp          flexString      `json:"timestamp"`
	FirstSeen          flexString      `json:"first_seen"`
	LastSeen           flexString      `json:"last_seen"`
	Data               flexString      `json:"data"`
	EventUUID          flexString      `json:"event_uuid"`
	Tags               []mispTagWire   `json:"Tag"`
	Object             json.RawMessage `json:"Object"`
	Event              json.RawMessage `json:"Event"`
}

// mispTagWire is the lenient wire form of a MISPTag.
type mispTagWire struct {
	ID         flexInt    `json:"id"`
	Name       flexString `json:"name"`
	Colour     flexString `json:"colour"`
	Exportable flexBool   `json:"exportable"`
}

// mispObjectWire is the lenient wire form of a MISPObject.
type mispObjectWire struct {
	ID           flexInt    `json:"id"`
	UUID         flexString `json:"uuid"`
	Name         flexString `json:"name"`
	MetaCategory flexString `json:"meta-category"`
	Distribution flexInt    `json:"distribution"`
}

func tagsOf(w []mispTagWire) []MISPTag {
	if len(w) == 0 {
		return nil
	}
	out := make([]MISPTag, len(w))
	for i, t := range w {
		out[i] = MISPTag{ID: t.ID.value, Name: string(t.Name), Colour: string(t.Colour), Exportable: t.Exportable.value}
	}
	return out
}

// mispEventWire is the lenient wire form of a MISPEvent.
type mispEventWire struct {
	ID            flexInt       `json:"id"`
	UUID          flexString    `json:"uuid"`
	Info          flexString    `json:"info"`
	OrgID         flexInt       `json:"org_id"`
	OrgcID        flexInt       `json:"orgc_id"`
	Distribution  flexInt       `json:"distribution"`
	ThreatLevelID flexInt       `json:"threat_level_id"`
	Date          flexString    `json:"date"`
	Analysis      flexInt       `json:"analysis"`
	Published     flexBool      `json:"published"`
	PublishTS     flexString    `json:"publish_timestamp"`
	Timestamp     flexString    `json:"timestamp"`
	Tags          []mispTagWire `json:"Tag"`
}

// UnmarshalJSON decodes an attribute leniently and keeps its raw JSON and
// its event's.
func (a *MISPAttribute) UnmarshalJSON(b []byte) error {
	var w mispWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	out := MISPAttribute{
		ID:                 w.ID.value,
		UUID:               string(w.UUID),
		EventID:            w.EventID.value,
		ObjectID:           w.ObjectID.value,
		Category:           string(w.Category),
		Type:               string(w.Type),
		Value:              string(w.Value),
		ToIDs:              w.ToIDs.value,
		Comment:            string(w.Comment),
		Deleted:            w.Deleted.value,
		DisableCorrelation: w.DisableCorrelation.value,
		Distribution:       Distribution(w.Distribution.value),
		SharingGroupID:     w.SharingGroupID.value,
		Timestamp:          parseEpochOrTime(string(w.Timestamp)),
		FirstSeen:          timePtr(parseEpochOrTime(string(w.FirstSeen))),
		LastSeen:           timePtr(parseEpochOrTime(string(w.LastSeen))),
		Raw:                append(json.RawMessage(nil), b...),
		Tags:               tagsOf(w.Tags),
		EventUUID:          string(w.EventUUID),
		data:               strings.TrimSpace(string(w.Data)),
	}
	if len(w.Object) > 0 && !isNull(w.Object) {
		var o mispObjectWire
		if err := json.Unmarshal(w.Object, &o); err != nil {
			return err
		}
		out.Object = &MISPObject{ID: o.ID.value, UUID: string(o.UUID), Name: string(o.Name), MetaCategory: string(o.MetaCategory),
			Distribution: Distribution(o.Distribution.value), Raw: w.Object}
	}
	if w.ObjectRelation != nil && *w.ObjectRelation != "" {
		s := string(*w.ObjectRelation)
		out.ObjectRelation = &s
	}
	if len(w.Event) > 0 && !isNull(w.Event) {
		var e mispEventWire
		if err := json.Unmarshal(w.Event, &e); err != nil {
			return err
		}
		out.Event = MISPEvent{
			ID:               e.ID.value,
			UUID:             string(e.UUID),
			Info:             string(e.Info),
			OrgID:            e.OrgID.value,
			OrgcID:           e.OrgcID.value,
			Distribution:     Distribution(e.Distribution.value),
			ThreatLevelID:    int(e.ThreatLevelID.value),
			Analysis:         int(e.Analysis.value),
			Published:        e.Published.value,
			PublishTimestamp: parseEpochOrTime(string(e.PublishTS)),
			Timestamp:        parseEpochOrTime(string(e.Timestamp)),
			Tags:             tagsOf(e.Tags),
			Raw:              w.Event,
		}
		if d, err := time.Parse(time.DateOnly, string(e.Date)); err == nil {
			out.Event.Date = d
		}
		if out.EventUUID == "" {
			out.EventUUID = out.Event.UUID
		}
	}
	*a = out
	return nil
}

// parseEpochOrTime reads epoch seconds (MISP's timestamp), epoch
// microseconds (MISP's first_seen/last_seen in some versions) or an
// ISO 8601 time; anything else is the zero time.
func parseEpochOrTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		switch {
		case n <= 0:
			return time.Time{}
		case n < 1e11: // seconds until the year 5138
			return time.Unix(n, 0).UTC()
		case n < 1e14:
			return time.UnixMilli(n).UTC()
		default:
			return time.UnixMicro(n).UTC()
		}
	}
	return parseTimeLenient(s)
}

// timePtr returns a pointer to t, or nil for the zero time.
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
