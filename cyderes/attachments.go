package cyderes

import (
	"context"
	"encoding/json"
	"io"
	"iter"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/jsonwalk"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// AttachmentService lists, reads, downloads and uploads the files of a
// ticket. Use it as Client.Attachments.
type AttachmentService struct{ c *Client }

// List returns a ticket's attachments with their content. The API sends
// them all in one answer, unpaged, so the page holds every attachment, its
// Total is known and its NextOffset is -1. Null entries are skipped.
//
// Every file's content arrives base64-encoded in that one answer, which
// WithMaxResponseBytes caps; for large files list them once and fetch each
// with Download, which streams.
func (s *AttachmentService) List(ctx context.Context, ticketID string) (*incidentkit.Page[*Attachment], error) {
	items, err := s.list(ctx, ticketID)
	if err != nil {
		return nil, err
	}
	return wholePage(items), nil
}

// All yields a ticket's attachments, as List returns them. The request is
// sent when the sequence is ranged, again on every ranging; an error is
// yielded once and ends the sequence.
func (s *AttachmentService) All(ctx context.Context, ticketID string) iter.Seq2[*Attachment, error] {
	return each(func() ([]*Attachment, error) { return s.list(ctx, ticketID) }, 0)
}

// list fetches and decodes a ticket's attachments.
func (s *AttachmentService) list(ctx context.Context, ticketID string) ([]*Attachment, error) {
	if err := checkID("ticket id", ticketID); err != nil {
		return nil, err
	}
	var raw rawList
	r := &transport.Request{Path: "/v2/tickets/{}/attachments", Args: []string{ticketID}}
	if _, err := s.c.do(ctx, r, &raw); err != nil {
		return nil, err
	}
	out := make([]*Attachment, 0, len(raw))
	for _, b := range raw {
		a, err := parseAttachment(b)
		if err != nil {
			return nil, err
		}
		if a.TicketID == "" {
			a.TicketID = ticketID
		}
		out = append(out, a)
	}
	return out, nil
}

// rawList keeps a copy of each non-null element of a JSON array.
type rawList []json.RawMessage

// DecodeJSON implements the core's raw decoding hook.
func (l *rawList) DecodeJSON(b []byte) error {
	return jsonwalk.Array(b, func(elem []byte) error {
		if !isNull(elem) {
			*l = append(*l, append(json.RawMessage(nil), elem...))
		}
		return nil
	})
}

// Get returns one attachment with its content, asked for as base64 JSON
// (string_byte_data=true). For large files prefer Download, which streams.
func (s *AttachmentService) Get(ctx context.Context, ticketID, attachmentID string) (*Attachment, error) {
	if err := checkIDs(ticketID, attachmentID); err != nil {
		return nil, err
	}
	var raw json.RawMessage
	r := &transport.Request{
		Path: "/v2/tickets/{}/attachments/{}",
		Args: []string{ticketID, attachmentID},
		Query: struct {
			StringByteData bool `url:"string_byte_data"`
		}{true},
	}
	if _, err := s.c.do(ctx, r, &raw); err != nil {
		return nil, err
	}
	a, err := parseAttachment(raw)
	if err != nil {
		return nil, err
	}
	if a.ID == "" {
		a.ID = attachmentID
	}
	if a.TicketID == "" {
		a.TicketID = ticketID
	}
	return a, nil
}

// Download streams an attachment's raw content to w, in constant memory,
// and returns what the answer says about the file: its name from the
// Content-Disposition header, its media type and the bytes written.
// progress, when not nil, is called as bytes arrive with the count so far
// and the total (-1 when the answer does not say). An interrupted download
// may have written part of the file to w.
func (s *AttachmentService) Download(ctx context.Context, ticketID, attachmentID string, w io.Writer, progress incidentkit.Progress) (*incidentkit.FileInfo, error) {
	if err := checkIDs(ticketID, attachmentID); err != nil {
		return nil, err
	}
	if w == nil {
		return nil, inputErr("writer", "is nil")
	}
	r := &transport.Request{
		Path:     "/v2/tickets/{}/attachments/{}",
		Args:     []string{ticketID, attachmentID},
		Download: w,
		Progress: progress,
	}
	resp, err := s.c.do(ctx, r, nil)
	if err != nil {
		return nil, err
	}
	return &incidentkit.FileInfo{Name: resp.FileName, ContentType: resp.ContentType, Size: resp.Written}, nil
}

// Upload adds a file to a ticket, streamed as the multipart part "file"
// with its name and content type (sniffed when file.ContentType is
// empty); file.Progress, when set, follows the bytes sent. Build file from
// a path with incidentkit.FileUpload.
//
// The API answers with no record. An upload is retried only when the
// server provably did not act on it (the connection was refused, 429, or
// 503 with Retry-After) and the source can be read again (an
// io.ReadSeeker, an io.ReaderAt or Open); a plain io.Reader is sent once.
func (s *AttachmentService) Upload(ctx context.Context, ticketID string, file incidentkit.Upload) error {
	return s.c.postToTicket(ctx, ticketID, "attachment", transport.Request{Body: transport.MultipartBody(nil, "file", file)})
}

// checkIDs rejects an empty ticket or attachment id.
func checkIDs(ticketID, attachmentID string) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	return checkID("attachment id", attachmentID)
}
