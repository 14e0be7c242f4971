package cyderes

import (
	"encoding/json"
	"strconv"
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
	// Event is the event the attribute belongs to.
	Event MISPEvent

	// Raw is the attribute's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`
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
	Event              json.RawMessage `json:"Event"`
}

// mispEventWire is the lenient wire form of a MISPEvent.
type mispEventWire struct {
	ID            flexInt    `json:"id"`
	UUID          flexString `json:"uuid"`
	Info          flexString `json:"info"`
	OrgID         flexInt    `json:"org_id"`
	OrgcID        flexInt    `json:"orgc_id"`
	Distribution  flexInt    `json:"distribution"`
	ThreatLevelID flexInt    `json:"threat_level_id"`
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
			ID:            e.ID.value,
			UUID:          string(e.UUID),
			Info:          string(e.Info),
			OrgID:         e.OrgID.value,
			OrgcID:        e.OrgcID.value,
			Distribution:  Distribution(e.Distribution.value),
			ThreatLevelID: int(e.ThreatLevelID.value),
			Raw:           w.Event,
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
