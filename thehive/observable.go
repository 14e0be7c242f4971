package thehive

import (
	"encoding/json"
	"strings"
	"time"
)

// Observable is an observable (an artifact in TheHive 3/4) of a case or
// alert.
type Observable struct {
	Record
	// DataType is the kind of value ("ip", "domain", "file", ...).
	DataType string `json:"dataType"`
	// Data is the value; empty for a file observable.
	Data string `json:"data,omitempty"`
	// Message describes the observable.
	Message string `json:"message,omitempty"`
	// Tags are the observable's tags.
	Tags []string `json:"tags"`
	// TLP is the semantic level, read like Case.TLP; TLPLabel is the
	// label the server sent.
	TLP      TLP    `json:"tlp"`
	TLPLabel string `json:"tlpLabel,omitempty"`
	// PAP is the Permissible Actions Protocol level.
	PAP PAP `json:"pap"`
	// StartDate is when the observable was seen.
	StartDate Time `json:"startDate"`
	// IOC marks an indicator of compromise.
	IOC bool `json:"ioc"`
	// Sighted marks an observable seen in the organisation, at
	// SightedAt.
	Sighted   bool `json:"sighted"`
	SightedAt Time `json:"sightedAt"`
	// IgnoreSimilarity excludes the observable from similarity searches.
	IgnoreSimilarity bool `json:"ignoreSimilarity"`
	// Attachment describes the file of a file observable.
	Attachment *ObservableFile `json:"attachment,omitempty"`
	// Reports holds analyzer reports as the server sent them.
	Reports json.RawMessage `json:"reports,omitempty"`
	// Raw is the observable as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// ObservableFile describes a file observable's stored file.
type ObservableFile struct {
	// ID is the stored file's id (its SHA-256 in TheHive 5).
	ID string `json:"id"`
	// Name, Size and ContentType describe the file as uploaded.
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	ContentType string `json:"contentType"`
	// Hashes are the file's hashes (SHA-256, SHA-1, MD5).
	Hashes []string `json:"hashes"`
}

// observableWire decodes an observable from either dialect.
type observableWire struct {
	Observable
	v0Record
}

func (w *observableWire) record(sp *dialectSpec, raw json.RawMessage) *Observable {
	o := &w.Observable
	w.fold(&o.Record)
	o.finish(sp, raw)
	return o
}

func (o *Observable) finish(sp *dialectSpec, raw json.RawMessage) {
	o.TLP = sp.readTLP(o.TLP, o.TLPLabel)
	o.Raw = raw
}

// ObservableInput is one or more new observables of one data type:
// TheHive creates one observable per element of Data. DataType is
// required, and Data too except for a file observable.
type ObservableInput struct {
	// DataType is "ip", "domain", "url", "hash", "mail", "filename",
	// "other", ... or an instance-specific type.
	DataType string
	// Data are the values, one observable each; empty for a file.
	Data []string
	// Message describes the observables.
	Message string
	// Tags are set on every observable created.
	Tags []string
	// TLP and PAP are the sharing levels; nil leaves the server's default.
	TLP *TLP
	PAP *PAP
	// StartDate is when the observable was seen; zero means now.
	StartDate time.Time
	// IOC marks indicators of compromise.
	IOC *bool
	// Sighted marks values seen in the organisation, at SightedAt.
	Sighted   *bool
	SightedAt time.Time
	// IgnoreSimilarity excludes the observables from similarity searches.
	IgnoreSimilarity *bool
}

// body builds the JSON for the dialect of sp; file is true for the _json
// part of a file observable, whose data comes from the attachment.
func (in *ObservableInput) body(sp *dialectSpec, file bool) (map[string]any, error) {
	dt := in.DataType
	if file {
		if dt == "" {
			dt = "file"
		}
		if len(in.Data) > 0 {
			return nil, inputErr("observable data", "must be empty for a file observable")
		}
	} else {
		if strings.TrimSpace(dt) == "" {
			return nil, inputErr("observable data type", "is empty")
		}
		if len(in.Data) == 0 {
			return nil, inputErr("observable data", "is empty")
		}
		for _, v := range in.Data {
			if v == "" {
				return nil, inputErr("observable data", "contains an empty value")
			}
		}
	}
	b := map[string]any{"dataType": dt}
	switch len(in.Data) {
	case 0:
	case 1:
		b["data"] = in.Data[0]
	default:
		b["data"] = in.Data
	}
	if in.Message != "" {
		b["message"] = in.Message
	}
	if in.Tags != nil {
		b["tags"] = in.Tags
	}
	if err := sp.putTLP(b, in.TLP, "observable TLP"); err != nil {
		return nil, err
	}
	if err := putPAP(b, in.PAP, "observable PAP"); err != nil {
		return nil, err
	}
	putTime(b, "startDate", in.StartDate)
	if in.IOC != nil {
		b["ioc"] = *in.IOC
	}
	if in.Sighted != nil {
		b["sighted"] = *in.Sighted
	}
	putTime(b, "sightedAt", in.SightedAt)
	if in.IgnoreSimilarity != nil {
		b["ignoreSimilarity"] = *in.IgnoreSimilarity
	}
	return b, nil
}

// ObservableUpdate changes some fields of an observable; nil pointers
// leave fields unchanged. The data and data type cannot change.
type ObservableUpdate struct {
	// Message replaces the description.
	Message *string
	// Tags, when non-nil, replaces all tags.
	Tags []string
	// TLP and PAP change the sharing levels.
	TLP *TLP
	PAP *PAP
	// IOC sets or removes the indicator mark.
	IOC *bool
	// Sighted and SightedAt set the sighting.
	Sighted   *bool
	SightedAt *time.Time
	// IgnoreSimilarity sets whether similarity searches skip it.
	IgnoreSimilarity *bool
}

// body checks u and builds the update body for the dialect of sp.
func (u *ObservableUpdate) body(sp *dialectSpec) (map[string]any, error) {
	b := map[string]any{}
	if u.Message != nil {
		b["message"] = *u.Message
	}
	if u.Tags != nil {
		b["tags"] = u.Tags
	}
	if err := sp.putTLP(b, u.TLP, "observable TLP"); err != nil {
		return nil, err
	}
	if err := putPAP(b, u.PAP, "observable PAP"); err != nil {
		return nil, err
	}
	if u.IOC != nil {
		b["ioc"] = *u.IOC
	}
	if u.Sighted != nil {
		b["sighted"] = *u.Sighted
	}
	if u.SightedAt != nil {
		b["sightedAt"] = millis(*u.SightedAt)
	}
	if u.IgnoreSimilarity != nil {
		b["ignoreSimilarity"] = *u.IgnoreSimilarity
	}
	if len(b) == 0 {
		return nil, inputErr("observable update", "changes nothing")
	}
	return b, nil
}
