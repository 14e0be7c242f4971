package servicenow

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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

func checkUpload(file Upload) error {
	if strings.TrimSpace(file.FileName) == "" {
		return inputErr("file name", "is empty")
	}
	if file.Size < 0 {
		return inputErr("size", "is negative")
	}
	if file.Reader == nil && file.ReaderAt == nil && file.Open == nil {
		return inputErr("upload", "has no content: set Reader, ReaderAt or Open")
	}
	return nil
}

// Upload attaches file to the record sysID of table, sending the content
// as the raw request body (POST /api/now/attachment/file).
func (s *AttachmentService) Upload(ctx context.Context, table, sysID string, file Upload) (*Attachment, error) {
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
// with its own Content-Type.
func (s *AttachmentService) UploadMultipart(ctx context.Context, table, sysID string, file Upload) (*Attachment, error) {
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

// UploadFile attaches the file at path, named after its base name, with
// a content type from its extension (sniffed when the extension is
// unknown). The file is reopened for a retry. progress may be nil.
func (s *AttachmentService) UploadFile(ctx context.Context, table, sysID, path string, progress func(done, total int64)) (*Attachment, error) {
	if err := checkTarget(table, sysID); err != nil {
		return nil, err
	}
	if strings.TrimSpace(path) == "" {
		return nil, inputErr("path", "is empty")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Field: "path", Problem: err.Error()}
	}
	if !st.Mode().IsRegular() {
		return nil, inputErr("path", path+" is not a regular file")
	}
	file := Upload{
		Open:        func() (io.ReadCloser, error) { return os.Open(path) },
		Size:        st.Size(),
		FileName:    filepath.Base(path),
		ContentType: mime.TypeByExtension(filepath.Ext(path)),
		Progress:    progress,
	}
	return s.Upload(ctx, table, sysID, file)
}

func (s *AttachmentService) upload(ctx context.Context, r *transport.Request) (*Attachment, error) {
	var out Attachment
	if _, err := do(ctx, s.c, r, &out); err != nil {
		return nil, err
	}
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

// Download streams an attachment's content to w and returns its metadata,
// read from the X-Attachment-Metadata header where the instance sends it,
// else from the answer's own headers. progress may be nil. A failed
// download is not retried once bytes reached w.
func (s *AttachmentService) Download(ctx context.Context, id string, w io.Writer, progress func(done, total int64)) (*Attachment, error) {
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
	a := &Attachment{SysID: id, FileName: resp.FileName, ContentType: resp.ContentType, SizeBytes: resp.Written}
	if meta := resp.Header.Get("X-Attachment-Metadata"); meta != "" {
		var m Attachment
		if json.Unmarshal([]byte(meta), &m) == nil {
			if m.SysID == "" {
				m.SysID = id
			}
			if m.SizeBytes == 0 {
				m.SizeBytes = resp.Written
			}
			a = &m
		}
	}
	return a, nil
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
// opts may narrow the query further and set the page size.
func (s *AttachmentService) List(ctx context.Context, table, sysID string, opts *ListOptions) (*Page[Attachment], error) {
	if err := checkTarget(table, sysID); err != nil {
		return nil, err
	}
	return s.attachmentTable().List(ctx, recordQuery(table, sysID, opts))
}

// All yields every attachment of the record sysID of table, fetching
// pages as the loop advances.
func (s *AttachmentService) All(ctx context.Context, table, sysID string, opts *ListOptions) iter.Seq2[Attachment, error] {
	if err := checkTarget(table, sysID); err != nil {
		return func(yield func(Attachment, error) bool) { yield(Attachment{}, err) }
	}
	return s.attachmentTable().All(ctx, recordQuery(table, sysID, opts))
}

// Attach uploads file as an attachment of the incident sysID.
func (s *IncidentService) Attach(ctx context.Context, sysID string, file Upload) (*Attachment, error) {
	return s.t.c.Attachments.Upload(ctx, "incident", sysID, file)
}

// Attachments yields the attachments of the incident sysID.
func (s *IncidentService) Attachments(ctx context.Context, sysID string) iter.Seq2[Attachment, error] {
	return s.t.c.Attachments.All(ctx, "incident", sysID, nil)
}
