package servicenow

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Upload is a file to attach. Set exactly one of Reader, ReaderAt (with
// Size) or Open. A source that can be read again (an io.ReadSeeker, an
// io.ReaderAt, an Open function) is re-read from the start if the upload
// is retried; a plain io.Reader is sent once and never repeated once any
// of it went out. FileName is required; an empty ContentType is sniffed
// from the first 512 bytes. Progress, when set, reports bytes sent.
type Upload = transport.Upload

// Attachment is the metadata of a sys_attachment record.
type Attachment struct {
	SysID          string
	FileName       string
	ContentType    string
	SizeBytes      int64
	SizeCompressed int64
	Compressed     bool
	// Hash is the content's hash as the instance reports it (SHA-256 on
	// current releases); empty when not reported.
	Hash         string
	TableName    string
	TableSysID   string
	DownloadLink string
	CreatedOn    Time
	CreatedBy    string
	UpdatedOn    Time
	// Raw is the record as the server sent it.
	Raw json.RawMessage
}

// UnmarshalJSON decodes the metadata; numbers and booleans arrive as
// strings and are converted.
func (a *Attachment) UnmarshalJSON(b []byte) error {
	var w struct {
		SysID          Field  `json:"sys_id"`
		FileName       Field  `json:"file_name"`
		ContentType    Field  `json:"content_type"`
		SizeBytes      Field  `json:"size_bytes"`
		SizeCompressed Field  `json:"size_compressed"`
		Compressed     Field  `json:"compressed"`
		Hash           Field  `json:"hash"`
		TableName      Field  `json:"table_name"`
		TableSysID     Field  `json:"table_sys_id"`
		DownloadLink   string `json:"download_link"`
		CreatedOn      Time   `json:"sys_created_on"`
		CreatedBy      Field  `json:"sys_created_by"`
		UpdatedOn      Time   `json:"sys_updated_on"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = Attachment{
		SysID: w.SysID.Value, FileName: w.FileName.Value, ContentType: w.ContentType.Value,
		Hash: w.Hash.Value, TableName: w.TableName.Value, TableSysID: w.TableSysID.Value,
		DownloadLink: w.DownloadLink, CreatedOn: w.CreatedOn, CreatedBy: w.CreatedBy.Value, UpdatedOn: w.UpdatedOn,
		Compressed: strings.EqualFold(w.Compressed.Value, "true"),
		Raw:        append(json.RawMessage(nil), b...),
	}
	a.SizeBytes, _ = strconv.ParseInt(w.SizeBytes.Value, 10, 64)
	a.SizeCompressed, _ = strconv.ParseInt(w.SizeCompressed.Value, 10, 64)
	return nil
}
