package cyderes

import (
	"context"
	"io"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Upload is a file to attach. Set exactly one of Reader, ReaderAt (with
// Size) or Open, and FileName; ContentType is sniffed when empty. The
// content is streamed. An upload is retried only when the first attempt
// provably did not reach the server and the source can be read again (an
// io.ReadSeeker, an io.ReaderAt or Open); a plain io.Reader is sent once.
type Upload = transport.Upload

// FileInfo describes a downloaded file.
type FileInfo struct {
	// FileName is the name from the answer's Content-Disposition.
	FileName string
	// ContentType is the answer's media type.
	ContentType string
	// Size is the number of bytes written.
	Size int64
}

// ListAttachments returns a ticket's attachments with their content.
func (c *Client) ListAttachments(ctx context.Context, ticketID string) ([]*Attachment, error) {
	if err := checkID("ticket id", ticketID); err != nil {
		return nil, err
	}
	var wire []attachmentWire
	r := &transport.Request{Path: "/v2/tickets/{}/attachments", Args: []string{ticketID}}
	if _, err := c.do(ctx, r, &wire); err != nil {
		return nil, err
	}
	out := make([]*Attachment, 0, len(wire))
	for i := range wire {
		a, err := wire[i].attachment()
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// GetAttachment returns one attachment with its content, asked for as
// base64 JSON (string_byte_data=true). For large files prefer
// DownloadAttachment, which streams.
func (c *Client) GetAttachment(ctx context.Context, ticketID, attachmentID string) (*Attachment, error) {
	if err := checkIDs(ticketID, attachmentID); err != nil {
		return nil, err
	}
	var w attachmentWire
	r := &transport.Request{
		Path: "/v2/tickets/{}/attachments/{}",
		Args: []string{ticketID, attachmentID},
		Query: struct {
			StringByteData bool `url:"string_byte_data"`
		}{true},
	}
	if _, err := c.do(ctx, r, &w); err != nil {
		return nil, err
	}
	a, err := w.attachment()
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

// DownloadAttachment streams an attachment's raw content to w, in constant
// memory, and returns what the answer says about the file. An interrupted
// download may have written part of the file to w.
func (c *Client) DownloadAttachment(ctx context.Context, ticketID, attachmentID string, w io.Writer) (*FileInfo, error) {
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
	}
	resp, err := c.do(ctx, r, nil)
	if err != nil {
		return nil, err
	}
	return &FileInfo{FileName: resp.FileName, ContentType: resp.ContentType, Size: resp.Written}, nil
}

// UploadAttachment adds a file to a ticket as the multipart part "file".
func (c *Client) UploadAttachment(ctx context.Context, ticketID string, file Upload) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	r := &transport.Request{
		Method: "POST",
		Path:   "/v2/tickets/{}/attachment",
		Args:   []string{ticketID},
		Body:   transport.MultipartBody(nil, "file", file),
		Replay: transport.ReplayUnsafe,
	}
	_, err := c.do(ctx, r, nil)
	return err
}

func checkIDs(ticketID, attachmentID string) error {
	if err := checkID("ticket id", ticketID); err != nil {
		return err
	}
	return checkID("attachment id", attachmentID)
}
