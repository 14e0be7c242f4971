package thehive

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"net/http"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// AttachmentService stores files on cases, alerts and task logs, and
// reads them back. These are TheHive 5's; in V0 they fail with an error
// matching ErrUnsupported (TheHive 3/4 keep files only in observables and
// task logs: see ObservableService.CreateFile and TaskService.AddLogFile).
// Get it from Client.Attachments.
type AttachmentService struct{ c *Client }

// UploadToCase attaches file to a case and returns the stored
// attachment. The file streams from its source; it is sent again after a
// failure only when nothing reached the server and the source can be
// rewound.
func (s *AttachmentService) UploadToCase(ctx context.Context, caseID string, file incidentkit.Upload) (*Attachment, error) {
	return s.upload(ctx, route{path: s.c.sp.caseAttach, what: "attaching a file", idField: "case id", id: caseID}, file)
}

// UploadToAlert attaches file to an alert, like UploadToCase.
func (s *AttachmentService) UploadToAlert(ctx context.Context, alertID string, file incidentkit.Upload) (*Attachment, error) {
	return s.upload(ctx, route{path: s.c.sp.alertAttach, what: "attaching a file", idField: "alert id", id: alertID}, file)
}

// UploadToLog attaches file to a task log entry. TheHive answers 204
// without the attachment: list the log's attachments to see it.
func (s *AttachmentService) UploadToLog(ctx context.Context, logID string, file incidentkit.Upload) error {
	r, err := s.uploadRequest(route{path: s.c.sp.logAttach, what: "attaching a file", idField: "log id", id: logID}, file)
	if err == nil {
		_, err = s.c.do(ctx, r, nil)
	}
	return err
}

// upload posts file to rt as the multipart part "attachments" and reads
// the first attachment of TheHive's {"attachments": [...]} answer.
func (s *AttachmentService) upload(ctx context.Context, rt route, file incidentkit.Upload) (*Attachment, error) {
	r, err := s.uploadRequest(rt, file)
	if err != nil {
		return nil, err
	}
	var answer struct {
		Attachments []json.RawMessage `json:"attachments"`
	}
	resp, err := s.c.do(ctx, r, &answer)
	if err != nil {
		return nil, err
	}
	if len(answer.Attachments) == 0 {
		return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodPost, URL: r.Path, StatusCode: resp.StatusCode,
			Err: errNoAttachment}
	}
	a := &attachmentWire{}
	if err := json.Unmarshal(answer.Attachments[0], a); err != nil {
		return nil, &incidentkit.BodyError{Service: "thehive", Method: http.MethodPost, URL: r.Path, StatusCode: resp.StatusCode, Err: err}
	}
	return a.record(s.c.sp, answer.Attachments[0]), nil
}

// uploadRequest builds the multipart upload of file to rt.
func (s *AttachmentService) uploadRequest(rt route, file incidentkit.Upload) (*transport.Request, error) {
	r, err := s.c.request(http.MethodPost, rt, transport.ReplayUnsafe)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(file.FileName) == "" {
		return nil, inputErr("file name", "is empty")
	}
	r.Body = transport.MultipartBody(nil, "attachments", file)
	return r, nil
}

// ListForCase returns one page of a case's attachments.
func (s *AttachmentService) ListForCase(ctx context.Context, caseID string, opts *ListOptions) (*incidentkit.Page[*Attachment], error) {
	return list[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.caseAttachments, "case id", caseID), opts)
}

// AllForCase returns a lazy sequence of a case's attachments.
func (s *AttachmentService) AllForCase(ctx context.Context, caseID string, opts *ListOptions) iter.Seq2[*Attachment, error] {
	return all[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.caseAttachments, "case id", caseID), opts)
}

// ListForAlert returns one page of an alert's attachments.
func (s *AttachmentService) ListForAlert(ctx context.Context, alertID string, opts *ListOptions) (*incidentkit.Page[*Attachment], error) {
	return list[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.alertAttachments, "alert id", alertID), opts)
}

// AllForAlert returns a lazy sequence of an alert's attachments.
func (s *AttachmentService) AllForAlert(ctx context.Context, alertID string, opts *ListOptions) iter.Seq2[*Attachment, error] {
	return all[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.alertAttachments, "alert id", alertID), opts)
}

// ListForLog returns one page of a task log entry's attachments.
func (s *AttachmentService) ListForLog(ctx context.Context, logID string, opts *ListOptions) (*incidentkit.Page[*Attachment], error) {
	return list[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.logAttachments, "log id", logID), opts)
}

// AllForLog returns a lazy sequence of a task log entry's attachments.
func (s *AttachmentService) AllForLog(ctx context.Context, logID string, opts *ListOptions) iter.Seq2[*Attachment, error] {
	return all[Attachment, attachmentWire](ctx, s.c, childListing(s.c.sp.logAttachments, "log id", logID), opts)
}

// Download streams the attachment id (Attachment.AttachmentID) to w and reports the
// file's name, media type and the bytes written. progress, when set, is
// called as bytes arrive. A download is retried like any read, but not
// once bytes reached w.
func (s *AttachmentService) Download(ctx context.Context, id string, w io.Writer, progress incidentkit.Progress) (*incidentkit.FileInfo, error) {
	r, err := s.c.request(http.MethodGet, route{path: s.c.sp.attachDownload, what: "downloading an attachment",
		idField: "attachment id", id: id}, transport.ReplayByMethod)
	if err != nil {
		return nil, err
	}
	return s.c.download(ctx, r, w, progress)
}

// DeleteFromCase deletes an attachment of a case.
func (s *AttachmentService) DeleteFromCase(ctx context.Context, caseID, id string) error {
	return s.c.remove(ctx, route{path: s.c.sp.caseAttachItem, what: "deleting an attachment", idField: "case id", id: caseID,
		idField2: "attachment id", id2: id})
}

// DeleteFromAlert deletes an attachment of an alert.
func (s *AttachmentService) DeleteFromAlert(ctx context.Context, alertID, id string) error {
	return s.c.remove(ctx, route{path: s.c.sp.alertAttachItem, what: "deleting an attachment", idField: "alert id", id: alertID,
		idField2: "attachment id", id2: id})
}

// DeleteFromLog deletes an attachment of a task log entry.
func (s *AttachmentService) DeleteFromLog(ctx context.Context, logID, id string) error {
	return s.c.remove(ctx, route{path: s.c.sp.logAttachItem, what: "deleting an attachment", idField: "log id", id: logID,
		idField2: "attachment id", id2: id})
}

// download sends r, streaming a success to w, and describes the file.
func (c *Client) download(ctx context.Context, r *transport.Request, w io.Writer, progress incidentkit.Progress) (*incidentkit.FileInfo, error) {
	if w == nil {
		return nil, inputErr("writer", "is nil")
	}
	r.Accept, r.Download, r.Progress = "*/*", w, progress
	resp, err := c.do(ctx, r, nil)
	if err != nil {
		return nil, err
	}
	return &incidentkit.FileInfo{Name: resp.FileName, ContentType: resp.ContentType, Size: resp.Written}, nil
}

// errNoAttachment is the cause of the *BodyError for an upload answer
// that names no attachment.
var errNoAttachment = errors.New("answer names no attachment")
