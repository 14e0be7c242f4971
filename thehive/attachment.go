package thehive

import (
	"encoding/json"
)

// Attachment is a file stored in TheHive: attached to a case, an alert or
// a task log, or the file of a file observable (TheHive 5's
// OutputAttachment, the attachment JSON of TheHive 3/4).
type Attachment struct {
	// ID is the stored file's id (its SHA-256 in TheHive 5), which TheHive
	// 3/4's datastore and a file observable's reference take.
	ID string `json:"id"`
	// AttachmentID is TheHive 5's id of the attachment ("~123"), which
	// its attachment routes take; empty in TheHive 3/4.
	AttachmentID string `json:"_id,omitempty"`
	// Name, ContentType and Size describe the file as uploaded.
	Name        string `json:"name"`
	ContentType string `json:"contentType"`
	Size        int64  `json:"size"`
	// Hashes are the file's hashes (SHA-256, SHA-1, MD5).
	Hashes []string `json:"hashes"`
	// Raw is the attachment as the server sent it.
	Raw json.RawMessage `json:"-"`
}

// attachmentWire decodes an attachment (the same in both dialects).
type attachmentWire = asIs[Attachment, *Attachment]

func (a *Attachment) finish(_ *dialectSpec, raw json.RawMessage) { a.Raw = raw }
