package cyderes

import (
	"encoding/json"
	"fmt"
	"time"
)

// Attachment is a file attached to a ticket, with its content decoded.
type Attachment struct {
	// ID is the attachment's id.
	ID string
	// TicketID is the ticket the file belongs to.
	TicketID string
	// FileName is the file's name.
	FileName string
	// ContentType is the media type the API reports (file_type in lists,
	// mime_type for a single attachment).
	ContentType string
	// Created is when the attachment was added; zero when not reported
	// (lists do not report it).
	Created time.Time
	// Data is the decoded content; empty, never nil, when the API sent
	// none.
	Data []byte

	// Raw is the attachment's JSON object exactly as received, the
	// base64 content included.
	Raw json.RawMessage `json:"-"`
}

// attachmentWire accepts both documented shapes: the list's {id,
// file_name, file_type, attachment_byte_data} and the single attachment's
// {id, ticket_id, file_name, created_at, mime_type, bytes_data}.
type attachmentWire struct {
	ID                 flexString  `json:"id"`
	TicketID           flexString  `json:"ticket_id"`
	FileName           flexString  `json:"file_name"`
	FileType           flexString  `json:"file_type"`
	MimeType           flexString  `json:"mime_type"`
	CreatedAt          flexString  `json:"created_at"`
	AttachmentByteData *flexString `json:"attachment_byte_data"`
	BytesData          *flexString `json:"bytes_data"`
}

// AttachmentDataError reports attachment content that is not valid base64.
// errors.As finds it in the error of AttachmentService.List or Get.
type AttachmentDataError struct {
	// ID and FileName name the attachment.
	ID       string
	FileName string
	// Err is the base64 decoding error.
	Err error
}

// Error names the attachment and the decoding problem.
func (e *AttachmentDataError) Error() string {
	return fmt.Sprintf("cyderes: attachment %s (%s): content is not valid base64: %v", quote(e.ID), quote(e.FileName), e.Err)
}

// Unwrap returns the base64 decoding error.
func (e *AttachmentDataError) Unwrap() error { return e.Err }

// UnmarshalJSON decodes one attachment object in either documented shape,
// decodes its base64 content (an *AttachmentDataError when that fails) and
// keeps its raw JSON.
func (a *Attachment) UnmarshalJSON(b []byte) error {
	got, err := parseAttachment(append(json.RawMessage(nil), b...))
	if err != nil {
		return err
	}
	*a = *got
	return nil
}

// ParseAttachment decodes one attachment object as the API sends it, in
// either documented shape; it is json.Unmarshal into an Attachment.
func ParseAttachment(b []byte) (*Attachment, error) {
	var a Attachment
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// parseAttachment decodes raw, which the attachment keeps as its Raw. An
// empty raw (an answer without a body) is an attachment the API said
// nothing about.
func parseAttachment(raw json.RawMessage) (*Attachment, error) {
	var w attachmentWire
	if len(raw) == 0 {
		raw = nil
	} else if err := json.Unmarshal(raw, &w); err != nil {
		return nil, err
	}
	a := &Attachment{
		ID:          string(w.ID),
		TicketID:    string(w.TicketID),
		FileName:    string(w.FileName),
		ContentType: string(w.MimeType),
		Created:     parseTimeLenient(string(w.CreatedAt)),
		Raw:         raw,
	}
	if a.ContentType == "" {
		a.ContentType = string(w.FileType)
	}
	data := w.BytesData
	if data == nil || *data == "" {
		data = w.AttachmentByteData
	}
	if data != nil && *data != "" {
		b, err := DecodeBase64(string(*data))
		if err != nil {
			return nil, &AttachmentDataError{ID: a.ID, FileName: a.FileName, Err: err}
		}
		a.Data = b
	} else {
		a.Data = []byte{}
	}
	return a, nil
}
