package thehivetest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// observableFiles returns the files a file observable create makes
// observables of: the uploaded files, each zip among them unpacked when
// isZip is set (one observable per file inside; the fake opens only zips
// without a password), or the stored file an "attachment" reference
// names.
func (s *Server) observableFiles(in map[string]any, files []attachment) ([]attachment, problems) {
	var p problems
	if ref, ok := in["attachment"].(map[string]any); ok && len(files) == 0 {
		stored := s.storedFile(fmt.Sprint(ref["id"]))
		if stored == nil {
			p.add("attachment", "no stored file "+fmt.Sprint(ref["id"]))
			return nil, p
		}
		return []attachment{{name: fmt.Sprint(ref["name"]), contentType: fmt.Sprint(ref["contentType"]), data: stored}}, nil
	}
	if isZip, _ := in["isZip"].(bool); !isZip {
		return files, nil
	}
	var out []attachment
	for _, f := range files {
		zr, err := zip.NewReader(bytes.NewReader(f.data), int64(len(f.data)))
		if err != nil {
			p.add("attachment", "not a zip: "+err.Error())
			return nil, p
		}
		for _, zf := range zr.File {
			if zf.FileInfo().IsDir() {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				p.add("attachment", "zip entry "+zf.Name+": "+err.Error())
				return nil, p
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				p.add("attachment", "zip entry "+zf.Name+": "+err.Error())
				return nil, p
			}
			out = append(out, attachment{name: zf.Name, contentType: mime.TypeByExtension(zf.Name), data: b})
		}
	}
	return out, nil
}

// storedFile returns the content of the stored file id (its SHA-256),
// whether an attachment or a file observable holds it.
func (s *Server) storedFile(id string) []byte {
	for _, kind := range []string{kindAttachment, kindObservable} {
		for _, d := range s.docs[kind] {
			a, _ := d["attachment"].(map[string]any)
			if d["id"] == id || (a != nil && a["id"] == id) {
				b, _ := d["__file"].([]byte)
				return b
			}
		}
	}
	return nil
}

// addAttachments stores the "attachments" parts of r on the case, alert
// or log id of kind, as TheHive 5 does: 201 with the attachments, or 204
// for a log.
func (s *Server) addAttachments(w http.ResponseWriter, r *http.Request, user, kind, id string) {
	_, files, err := readParts(r)
	if err != nil || len(files["attachments"]) == 0 {
		writeError(w, http.StatusBadRequest, "BadRequest", fmt.Sprintf("no attachments part (%v)", err))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if kind == kindCase {
		id = s.caseID(id)
	}
	if s.find(kind, id) == nil {
		notFound(kind, id).write(w, false)
		return
	}
	var out []any
	for _, f := range files["attachments"] {
		d := doc{"__" + kind: id, "__file": f.data}
		for k, v := range f.json() {
			d[k] = v
		}
		s.insert(kindAttachment, d, user)
		out = append(out, render(kindAttachment, d, false))
	}
	if kind == kindLog {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	fakehttp.WriteJSON(w, http.StatusCreated, map[string]any{"attachments": out})
}

// deleteAttachment deletes the attachment attID of the case, alert or log
// id of kind.
func (s *Server) deleteAttachment(kind, id, attID string) answer {
	if kind == kindCase {
		id = s.caseID(id)
	}
	a := s.find(kindAttachment, attID)
	if a == nil || a["__"+kind] != id {
		return notFound("Attachment", attID)
	}
	s.remove(kindAttachment, attID)
	return answer{status: http.StatusNoContent}
}

// serveFile writes a stored file as TheHive does: its bytes with its
// media type and a Content-Disposition naming it, or, zipped, a zip
// holding it (TheHive protects that zip with its datastore password; the
// fake's zip has none).
func serveFile(w http.ResponseWriter, name, contentType string, data []byte, zipped bool) {
	if zipped {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		f, _ := zw.Create(name)
		_, _ = f.Write(data)
		_ = zw.Close()
		name, contentType, data = name+".zip", "application/zip", buf.Bytes()
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data)
}

// download answers a download of a stored file: TheHive 5's
// /api/v1/attachment/{id}/download and
// /api/v1/observable/{id}/attachment/{id}/download, or TheHive 3/4's
// /api/datastore[zip]/{id}?name=.
func (s *Server) download(w http.ResponseWriter, r *http.Request, seg []string) bool {
	var name, contentType string
	var data []byte
	zipped := r.URL.Query().Get("asZip") == "true"
	s.mu.Lock()
	switch {
	case len(seg) == 4 && seg[0] == "v1" && seg[1] == "attachment" && seg[3] == "download":
		if a := s.find(kindAttachment, seg[2]); a != nil {
			name, contentType, data = fmt.Sprint(a["name"]), fmt.Sprint(a["contentType"]), a["__file"].([]byte)
		}
	case len(seg) == 6 && seg[0] == "v1" && seg[1] == "observable" && seg[3] == "attachment" && seg[5] == "download":
		if o := s.find(kindObservable, seg[2]); o != nil {
			if a, _ := o["attachment"].(map[string]any); a != nil && (a["id"] == seg[4] || a["_id"] == seg[4]) {
				name, contentType, data = fmt.Sprint(a["name"]), fmt.Sprint(a["contentType"]), o["__file"].([]byte)
			}
		}
	case len(seg) == 2 && (seg[0] == "datastore" || seg[0] == "datastorezip"):
		zipped = seg[0] == "datastorezip"
		name = strings.TrimSuffix(r.URL.Query().Get("name"), ".zip")
		data = s.storedFile(seg[1])
	default:
		s.mu.Unlock()
		return false
	}
	s.mu.Unlock()
	if data == nil {
		writeError(w, http.StatusNotFound, "NotFoundError", "file not found")
		return true
	}
	serveFile(w, name, contentType, data, zipped)
	return true
}

// isMultipart reports whether r's body is multipart.
func isMultipart(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/")
}

// addLogFile adds a task log entry with files: the entry's fields in the
// _json part, its files in filePart ("attachments" in TheHive 5,
// "attachment" in TheHive 3/4).
func (s *Server) addLogFile(w http.ResponseWriter, r *http.Request, user, taskID, filePart string, v0 bool) {
	in, files, err := readParts(r)
	if err != nil || in == nil || len(files[filePart]) == 0 {
		writeError(w, http.StatusBadRequest, "BadRequest", fmt.Sprintf("a log with a file needs _json and %s parts (%v)", filePart, err))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.addLog(taskID, in, user)
	if a.obj != nil {
		for _, f := range files[filePart] {
			d := doc{"__log": a.obj["_id"], "__file": f.data}
			for k, v := range f.json() {
				d[k] = v
			}
			s.insert(kindAttachment, d, user)
			a.obj["attachment"] = f.json()
		}
	}
	a.write(w, v0)
}
