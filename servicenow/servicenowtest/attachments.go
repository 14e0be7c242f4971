package servicenowtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

type attachmentContent struct {
	data []byte
}

// Attachment returns a stored attachment's metadata and content.
func (s *Server) Attachment(sysID string) (Record, []byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, meta := s.tables["sys_attachment"].find(sysID)
	if meta == nil {
		return nil, nil, false
	}
	return clone(meta), append([]byte(nil), s.content[sysID].data...), true
}

func (s *Server) attachmentAPI(w http.ResponseWriter, r *http.Request, user string, rest []string) {
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		s.listTable(w, r, "sys_attachment")
	case len(rest) == 1 && rest[0] == "file" && r.Method == http.MethodPost:
		q := r.URL.Query()
		ct := r.Header.Get("Content-Type")
		if ct == "" {
			writeError(w, http.StatusBadRequest, "Content-Type is mandatory", "")
			return
		}
		s.storeAttachment(w, user, q.Get("table_name"), q.Get("table_sys_id"), q.Get("file_name"), ct, r.Body)
	case len(rest) == 1 && rest[0] == "upload" && r.Method == http.MethodPost:
		s.multipartUpload(w, r, user)
	case len(rest) == 1 && r.Method == http.MethodGet:
		s.mu.Lock()
		_, meta := s.tables["sys_attachment"].find(rest[0])
		var out map[string]any
		if meta != nil {
			out = s.renderIn("sys_attachment", meta, r)
		}
		s.mu.Unlock()
		if meta == nil {
			writeError(w, http.StatusNotFound, "Record doesn't exist or ACL restricts the record retrieval", "")
			return
		}
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"result": out})
	case len(rest) == 2 && rest[1] == "file" && r.Method == http.MethodGet:
		meta, data, ok := s.Attachment(rest[0])
		if !ok {
			writeError(w, http.StatusNotFound, "Record doesn't exist or ACL restricts the record retrieval", "")
			return
		}
		m, _ := json.Marshal(meta)
		w.Header().Set("X-Attachment-Metadata", string(m))
		w.Header().Set("Content-Type", meta["content_type"])
		w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": meta["file_name"]}))
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		_, _ = w.Write(data)
	case len(rest) == 1 && r.Method == http.MethodDelete:
		s.mu.Lock()
		t := s.tables["sys_attachment"]
		i, meta := t.find(rest[0])
		if meta != nil {
			t.rows = append(t.rows[:i], t.rows[i+1:]...)
			delete(s.content, rest[0])
		}
		s.mu.Unlock()
		if meta == nil {
			writeError(w, http.StatusNotFound, "Record doesn't exist or ACL restricts the record retrieval", "")
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		writeError(w, http.StatusBadRequest, "Requested URI does not represent any resource", r.URL.Path)
	}
}

// multipartUpload reads table_name and table_sys_id, then the file part,
// which must come last.
func (s *Server) multipartUpload(w http.ResponseWriter, r *http.Request, user string) {
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, "Failed to create attachment", err.Error())
		return
	}
	fields := map[string]string{}
	for {
		p, err := mr.NextPart()
		if err != nil {
			writeError(w, http.StatusBadRequest, "Failed to create attachment", "no file part")
			return
		}
		if p.FileName() == "" {
			b, _ := io.ReadAll(io.LimitReader(p, 4096))
			fields[p.FormName()] = string(b)
			continue
		}
		ct := p.Header.Get("Content-Type")
		if ct == "" {
			ct = "application/octet-stream"
		}
		s.storeAttachment(w, user, fields["table_name"], fields["table_sys_id"], p.FileName(), ct, &lastPart{p, mr})
		return
	}
}

// lastPart reads the file part and fails when another part follows it.
type lastPart struct {
	p  *multipart.Part
	mr *multipart.Reader
}

func (l *lastPart) Read(b []byte) (int, error) {
	n, err := l.p.Read(b)
	if errors.Is(err, io.EOF) {
		if _, next := l.mr.NextPart(); !errors.Is(next, io.EOF) {
			return n, errPartAfterFile
		}
	}
	return n, err
}

type uploadError string

func (e uploadError) Error() string { return string(e) }

const errPartAfterFile = uploadError("the file part must be the last part")

func (s *Server) storeAttachment(w http.ResponseWriter, user, tableName, id, fileName, contentType string, body io.Reader) {
	if tableName == "" || id == "" || strings.TrimSpace(fileName) == "" {
		writeError(w, http.StatusBadRequest, "Failed to create attachment", "table_name, table_sys_id and file_name are required")
		return
	}
	s.mu.Lock()
	limit := s.maxAttachment
	t, ok := s.tables[tableName]
	exists := false
	if ok {
		_, rec := t.find(id)
		exists = rec != nil
	}
	s.mu.Unlock()
	if !exists {
		writeError(w, http.StatusBadRequest, "Invalid table or record", tableName+"/"+id)
		return
	}
	data, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "Failed to create attachment", err.Error())
		return
	}
	if int64(len(data)) > limit {
		writeError(w, http.StatusRequestEntityTooLarge, "Failed to create attachment", "the file exceeds the maximum attachment size")
		return
	}
	sum := sha256.Sum256(data)
	meta := Record{
		"file_name": fileName, "content_type": contentType, "size_bytes": strconv.Itoa(len(data)),
		"size_compressed": strconv.Itoa(len(data)), "compressed": "false", "table_name": tableName, "table_sys_id": id,
		"hash": hex.EncodeToString(sum[:]),
	}
	s.mu.Lock()
	s.insert("sys_attachment", meta, user)
	meta["download_link"] = s.controls.URL() + "/api/now/attachment/" + meta["sys_id"] + "/file"
	s.content[meta["sys_id"]] = attachmentContent{data: data}
	out := clone(meta)
	s.mu.Unlock()
	w.Header().Set("Location", s.controls.URL()+"/api/now/attachment/"+meta["sys_id"])
	fakehttp.WriteJSON(w, http.StatusCreated, map[string]any{"result": out})
}
