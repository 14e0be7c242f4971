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
	DataType string   `json:"dataType"`
	Data     string   `json:"data,omitempty"`
	Message  string   `json:"message,omitempty"`
	Tags     []string `json:"tags"`
	// TLP is the semantic level, read like Case.TLP.
	TLP              TLP    `json:"tlp"`
	TLPLabel         string `json:"tlpLabel,omitempty"`
	PAP              PAP    `json:"pap"`
	StartDate        Time   `json:"startDate"`
	IOC              bool   `json:"ioc"`
	Sighted          bool   `json:"sighted"`
	SightedAt        Time   `json:"sightedAt"`
	IgnoreSimilarity bool   `json:"ignoreSimilarity"`
	// Attachment describes the file of a file observable.
	Attachment *ObservableFile `json:"attachment,omitempty"`
	// Reports holds analyzer reports as the server sent them.
	Reports json.RawMessage `json:"reports,omitempty"`
}

// ObservableFile describes a file observable's stored file.
type ObservableFile struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Size        int64    `json:"size"`
	ContentType string   `json:"contentType"`
	Hashes      []string `json:"hashes"`
}

type v0Observable struct {
	Observable
	v0Record
}

func (w *v0Observable) result() *Observable {
	o := &w.Observable
	w.fold(&o.Record)
	o.normalize(V0)
	return o
}

func (o *Observable) normalize(d Dialect) { o.TLP = decodeTLP(o.TLP, o.TLPLabel, d) }

func fixObservable(o *Observable) { o.normalize(V1) }

// ObservableInput is one or more new observables of one data type:
// TheHive creates one observable per element of Data. DataType is
// required, and Data too except for a file observable.
type ObservableInput struct {
	// DataType is "ip", "domain", "url", "hash", "mail", "filename",
	// "other", ... or an instance-specific type.
	DataType string
	Data     []string
	Message  string
	Tags     []string
	TLP      *TLP
	PAP      *PAP
	// StartDate is when the observable was seen; zero means now.
	StartDate        time.Time
	IOC              *bool
	Sighted          *bool
	SightedAt        time.Time
	IgnoreSimilarity *bool
}

// body builds the JSON for d; file is true for the _json part of a file
// observable, whose data comes from the attachment.
func (in *ObservableInput) body(d Dialect, file bool) (map[string]any, error) {
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
	if err := putTLP(b, in.TLP, d, "observable TLP"); err != nil {
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
// leave fields unchanged.
type ObservableUpdate struct {
	Message          *string
	Tags             []string
	TLP              *TLP
	PAP              *PAP
	IOC              *bool
	Sighted          *bool
	SightedAt        *time.Time
	IgnoreSimilarity *bool
}

func (u *ObservableUpdate) body(d Dialect) (map[string]any, error) {
	b := map[string]any{}
	if u.Message != nil {
		b["message"] = *u.Message
	}
	if u.Tags != nil {
		b["tags"] = u.Tags
	}
	if err := putTLP(b, u.TLP, d, "observable TLP"); err != nil {
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
