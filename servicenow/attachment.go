package servicenow

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Attachment is the metadata of a sys_attachment record.
type Attachment struct {
	// SysID identifies the attachment.
	SysID string
	// FileName and ContentType are the stored name and media type.
	FileName    string
	ContentType string
	// SizeBytes is the content's size; SizeCompressed its size as stored,
	// when Compressed.
	SizeBytes      int64
	SizeCompressed int64
	Compressed     bool
	// Hash is the content's hash as the instance reports it (SHA-256 on
	// current releases); empty when not reported.
	Hash string
	// TableName and TableSysID name the record the file is attached to.
	TableName  string
	TableSysID string
	// DownloadLink is the instance's URL of the content.
	DownloadLink string
	// CreatedOn, CreatedBy and UpdatedOn are the record's sys_ fields.
	CreatedOn Time
	CreatedBy string
	UpdatedOn Time
	// Location is the URL of the new attachment's metadata, from the
	// Location header of an upload's answer; empty otherwise.
	Location string
	// Raw is the record as the server sent it.
	Raw json.RawMessage `json:"-"`
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
