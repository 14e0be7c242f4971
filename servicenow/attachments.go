package servicenow

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
	"github.com/incidentkit/incidentkit/servicenow/encodedquery"
)

// AttachmentService manages the attachments of any record through the
// Attachment API. Uploads are never sent twice once content went out,
// unless the source can be read again; downloads stream to an io.Writer.
type AttachmentService struct {
	c *Client
}

func checkTarget(table, sysID string) error {
	if strings.TrimSpace(table) == "" {
		return inputErr("table", "is empty")
	}
	if strings.ContainsAny(table, "/?#^=\r\n ") {
		return inputErr("table", table+" is not a table name")
	}
	return checkID(sysID)
}

func checkUpload(file incidentkit.Upload) error {
	if strings.TrimSpace(file.FileName) == "" {
		return inputErr("file name", "is empty")
	}
	if file.Size < 0 {
		return inputErr("size", "is negative")
	}
	switch n := btoi(file.Reader != nil) + btoi(file.ReaderAt != nil) + btoi(file.Open != nil); {
	case n == 0:
		return inputErr("upload", "has no content: set Reader, ReaderAt or Open")
	case n > 1:
		return inputErr("upload", "set exactly one of Reader, ReaderAt and Open")
	}
	return nil
}

// Upload attaches file to the record sysID of table, sending the content
// as the raw request body (POST /api/now/attachment/file). file.FileName is
// required; an empty ContentType is sniffed from the first 512 bytes. Use
// incidentkit.FileUpload for a file on disk. The upload is never sent
// twice once content went out, unless file can be read again (a Seeker, a
// ReaderAt or Open) and the instance provably did not store it (429, or
// 503 with Retry-After).
func (s *AttachmentService) Upload(ctx context.Context, table, sysID string, file incidentkit.Upload) (*Attachment, error) {
	if err := checkTarget(table, sysID); err != nil {
		return nil, err
	}
	if err := checkUpload(file); err != nil {
		return nil, err
	}
	q := url.Values{"table_name": {table}, "table_sys_id": {sysID}, "file_name": {file.FileName}}
	return s.upload(ctx, &transport.Request{Method: http.MethodPost, Path: "api/now/attachment/file", Query: q,
		Body: transport.RawBody(file), Replay: transport.ReplayUnsafe})
}

// UploadMultipart attaches file with a multipart/form-data request (POST
// /api/now/attachment/upload): the table fields first, the file part last
// with its own Content-Type. It follows Upload's rules.
func (s *AttachmentService) UploadMultipart(ctx context.Context, table, sysID string, file incidentkit.Upload) (*Attachment, error) {
	if err := checkTarget(table, sysID); err != nil {
		return nil, err
	}
	if err := checkUpload(file); err != nil {
		return nil, err
	}
	fields := []transport.FormField{{Name: "table_name", Value: table}, {Name: "table_sys_id", Value: sysID}}
	return s.upload(ctx, &transport.Request{Method: http.MethodPost, Path: "api/now/attachment/upload",
		Body: transport.MultipartBody(fields, "uploadFile", file), Replay: transport.ReplayUnsafe})
}

func (s *AttachmentService) upload(ctx context.Context, r *transport.Request) (*Attachment, error) {
	var out Attachment
	resp, err := do(ctx, s.c, r, &out)
	if err != nil {
		return nil, err
	}
	out.Location = resp.Header.Get("Location")
	return &out, nil
}

// Get returns an attachment's metadata.
func (s *AttachmentService) Get(ctx context.Context, id string) (*Attachment, error) {
	if err := checkID(id); err != nil {
		return nil, err
	}
	var out Attachment
	if _, err := do(ctx, s.c, &transport.Request{Path: "api/now/attachment/{}", Args: []string{id}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete removes an attachment.
func (s *AttachmentService) Delete(ctx context.Context, id string) error {
	if err := checkID(id); err != nil {
		return err
	}
	_, err := s.c.core.Do(ctx, &transport.Request{Method: http.MethodDelete, Path: "api/now/attachment/{}", Args: []string{id}}, nil)
	return err
}

// Download streams an attachment's content to w and reports the file's
// name, media type and the bytes written; Get reads the rest of its
// metadata. progress, when set, is called as bytes arrive. A download is
// retried like any read, but not once bytes reached w.
func (s *AttachmentService) Download(ctx context.Context, id string, w io.Writer, progress incidentkit.Progress) (*incidentkit.FileInfo, error) {
	if err := checkID(id); err != nil {
		return nil, err
	}
	if w == nil {
		return nil, inputErr("writer", "is nil")
	}
	resp, err := s.c.core.Do(ctx, &transport.Request{Path: "api/now/attachment/{}/file", Args: []string{id},
		Accept: "*/*", Download: w, Progress: progress}, nil)
	if err != nil {
		return nil, err
	}
	info := &incidentkit.FileInfo{Name: resp.FileName, ContentType: resp.ContentType, Size: resp.Written}
	if meta := resp.Header.Get("X-Attachment-Metadata"); meta != "" {
		var m Attachment
		if json.Unmarshal([]byte(meta), &m) == nil {
			if name := baseName(m.FileName); name != "" {
				info.Name = name
			}
			if m.ContentType != "" {
				info.ContentType = m.ContentType
			}
		}
	}
	return info, nil
}

// baseName reduces a stored file name to its last path element, so that it
// is safe to use as a local file name; "" when nothing usable is left.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimSpace(name)
	if name == "." || name == ".." || strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return ""
	}
	return name
}

// attachmentTable lists sys_attachment records at the Attachment API's
// own path.
func (s *AttachmentService) attachmentTable() *Table[Attachment] {
	return &Table[Attachment]{c: s.c, name: "sys_attachment", listPath: "api/now/attachment"}
}

func recordQuery(table, sysID string, opts *ListOptions) *ListOptions {
	var o ListOptions
	if opts != nil {
		o = *opts
	}
	o.Query = encodedquery.And(
		encodedquery.Field("table_name").Eq(table),
		encodedquery.Field("table_sys_id").Eq(sysID),
		o.Query,
	)
	return &o
}

// List returns one page of the attachments of the record sysID of table.
// opts (nil for none) may narrow the query further and set the page size.
func (s *AttachmentService) List(ctx context.Context, table, sysID string, opts *ListOptions) (*incidentkit.Page[*Attachment], error) {
	if err := checkTarget(table, sysID); err != nil {
		return nil, err
	}
	return s.attachmentTable().List(ctx, recordQuery(table, sysID, opts))
}

// Find returns one page of the attachments of any record that opts.Query
// selects (sysparm_query on the Attachment API: file_name, content_type,
// table_name, size_bytes, ...); nil lists every attachment the user may
// read.
func (s *AttachmentService) Find(ctx context.Context, opts *ListOptions) (*incidentkit.Page[*Attachment], error) {
	return s.attachmentTable().List(ctx, opts)
}

// FindAll yields every attachment opts.Query selects, fetching pages as
// the loop advances, with the guarantees of Table.All.
func (s *AttachmentService) FindAll(ctx context.Context, opts *ListOptions) iter.Seq2[*Attachment, error] {
	return s.attachmentTable().All(ctx, opts)
}

// All yields every attachment of the record sysID of table, fetching
// pages as the loop advances, with the guarantees of Table.All.
func (s *AttachmentService) All(ctx context.Context, table, sysID string, opts *ListOptions) iter.Seq2[*Attachment, error] {
	if err := checkTarget(table, sysID); err != nil {
		return func(yield func(*Attachment, error) bool) { yield(nil, err) }
	}
	return s.attachmentTable().All(ctx, recordQuery(table, sysID, opts))
}

// Attach uploads file as an attachment of the incident sysID, as
// AttachmentService.Upload does.
func (s *IncidentService) Attach(ctx context.Context, sysID string, file incidentkit.Upload) (*Attachment, error) {
	return s.t.c.Attachments.Upload(ctx, "incident", sysID, file)
}

// Attachments yields the attachments of the incident sysID, fetching
// pages as the loop advances.
func (s *IncidentService) Attachments(ctx context.Context, sysID string) iter.Seq2[*Attachment, error] {
	return s.t.c.Attachments.All(ctx, "incident", sysID, nil)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
