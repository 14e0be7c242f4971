package thehive

import (
	"encoding/json"
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
	Attachment *Attachment `json:"attachment,omitempty"`
	// Reports holds analyzer reports as the server sent them.
	Reports json.RawMessage `json:"reports,omitempty"`
	// Raw is the observable as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// observableWire decodes an observable from either dialect.
type observableWire struct {
	Observable
	v0Record
}

func (w *observableWire) record(sp *dialectSpec, raw json.RawMessage) *Observable {
	return legacy(&w.Observable, &w.v0Record, sp, raw)
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
	// IsZip, for a file observable, says the uploaded file is a zip to
	// unpack: TheHive creates one observable per file inside, opening the
	// zip with ZipPassword (the server's datastore password, "malware" by
	// default, when empty).
	IsZip       bool
	ZipPassword string
	// Attachment, for a plain (not uploaded) create, makes a file
	// observable of a file TheHive stores already, such as an attachment
	// of the case; Data must then be empty.
	Attachment *Attachment
}

// put checks in and writes its create body for the dialect of sp to b.
func (in *ObservableInput) put(sp *dialectSpec, b map[string]any) error {
	return in.fields(sp, b, false)
}

// putUpload checks in and writes the _json part of a file observable
// for the dialect of sp to b.
func (in *ObservableInput) putUpload(sp *dialectSpec, b map[string]any) error {
	return in.fields(sp, b, true)
}

// fields checks in and writes its fields for the dialect of sp to b; file
// is true for the _json part of a file observable, whose data comes from
// the attachment.
func (in *ObservableInput) fields(sp *dialectSpec, b map[string]any, file bool) error {
	dt := in.DataType
	if in.ZipPassword != "" && !in.IsZip {
		return inputErr("observable zip password", "is set but IsZip is not")
	}
	if in.IsZip && !file {
		return inputErr("observable IsZip", "applies only to an uploaded file (CreateFile)")
	}
	switch {
	case file && in.Attachment != nil:
		return inputErr("observable attachment", "is set for an uploaded file")
	case file || in.Attachment != nil:
		if dt == "" {
			dt = "file"
		}
		if len(in.Data) > 0 {
			return inputErr("observable data", "must be empty for a file observable")
		}
		if err := in.putFile(b); err != nil {
			return err
		}
	default:
		if err := required("observable data type", dt); err != nil {
			return err
		}
		if len(in.Data) == 0 {
			return inputErr("observable data", "is empty")
		}
		for _, v := range in.Data {
			if v == "" {
				return inputErr("observable data", "contains an empty value")
			}
		}
	}
	b["dataType"] = dt
	switch len(in.Data) {
	case 0:
	case 1:
		b["data"] = in.Data[0]
	default:
		b["data"] = in.Data
	}
	putTime(b, "startDate", in.StartDate)
	// The other fields are written as an ObservableUpdate setting them
	// would write them.
	u := ObservableUpdate{Message: orNil(in.Message), Tags: in.Tags, TLP: in.TLP, PAP: in.PAP, IOC: in.IOC,
		Sighted: in.Sighted, SightedAt: timeOrNil(in.SightedAt), IgnoreSimilarity: in.IgnoreSimilarity}
	return u.put(sp, b)
}

// putFile writes what a file observable adds to the body: the zip
// handling of an upload, or the stored file it refers to ({"id", "name",
// "contentType"}, the InputAttachment of TheHive 4 and 5 and the
// attachment object of TheHive 3).
func (in *ObservableInput) putFile(b map[string]any) error {
	if in.IsZip {
		b["isZip"] = true
		putText(b, "zipPassword", in.ZipPassword)
	}
	if a := in.Attachment; a != nil {
		if err := required("observable attachment id", a.ID); err != nil {
			return err
		}
		if err := required("observable attachment name", a.Name); err != nil {
			return err
		}
		if err := required("observable attachment content type", a.ContentType); err != nil {
			return err
		}
		b["attachment"] = map[string]any{"id": a.ID, "name": a.Name, "contentType": a.ContentType}
	}
	return nil
}

// ObservableUpdate changes some fields of an observable; nil pointers
// leave fields unchanged. The data and data type cannot change.
type ObservableUpdate struct {
	// DataType changes the kind of value (V1 only).
	DataType *string
	// Message replaces the description.
	Message *string
	// Tags, when non-nil, replaces all tags.
	Tags []string
	// AddTags and RemoveTags change single tags (V1 only).
	AddTags    []string
	RemoveTags []string
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

// put checks the fields u sets and writes them for the dialect of sp to
// b, which must not be left empty.
func (u *ObservableUpdate) put(sp *dialectSpec, b map[string]any) error {
	if u.DataType != nil {
		if !sp.observableTypeSet {
			return sp.unsupported("observable update", "DataType cannot be changed", "")
		}
		if err := putRequired(b, "dataType", "observable data type", u.DataType); err != nil {
			return err
		}
	}
	if err := sp.putTagDeltas(b, "observable update", u.AddTags, u.RemoveTags); err != nil {
		return err
	}
	putPtr(b, "message", u.Message)
	if err := sp.putMarks(b, "observable", u.Tags, nil, u.TLP, u.PAP); err != nil {
		return err
	}
	putPtr(b, "ioc", u.IOC)
	putPtr(b, "sighted", u.Sighted)
	putDate(b, "sightedAt", u.SightedAt)
	putPtr(b, "ignoreSimilarity", u.IgnoreSimilarity)
	return nothing(b, "observable update")
}
