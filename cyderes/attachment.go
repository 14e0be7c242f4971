package cyderes

import (
	"encoding/json"
	"fmt"
	"time"
)

// Attachment is a file attached to a ticket, with its content decoded.
type Attachment struct {
	ID       string
	TicketID string
	FileName string
	// ContentType is the media type the API reports (file_type in lists,
	// mime_type for a single attachment).
	ContentType string
	// Created is when the attachment was added; zero when not reported.
	Created time.Time
	// Data is the decoded content.
	Data []byte
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
type AttachmentDataError struct {
	ID       string
	FileName string
	Err      error
}

// Error names the attachment and the decoding problem.
func (e *AttachmentDataError) Error() string {
	return fmt.Sprintf("cyderes: attachment %s (%s): content is not valid base64: %v", quote(e.ID), quote(e.FileName), e.Err)
}

// Unwrap returns the base64 decoding error.
func (e *AttachmentDataError) Unwrap() error { return e.Err }

// attachment converts the wire form, decoding the content.
func (w *attachmentWire) attachment() (*Attachment, error) {
	a := &Attachment{
		ID:          string(w.ID),
		TicketID:    string(w.TicketID),
		FileName:    string(w.FileName),
		ContentType: string(w.MimeType),
		Created:     parseTimeLenient(string(w.CreatedAt)),
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

// ParseAttachment decodes one attachment object as the API sends it, in
// either documented shape.
func ParseAttachment(b []byte) (*Attachment, error) {
	var w attachmentWire
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, err
	}
	return w.attachment()
}
