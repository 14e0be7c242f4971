package thehive

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/transport"
)

// DownloadFile streams the file of the file observable o, as Get or List
// return it, to w and reports the file's name, media type and the bytes
// written; progress, when set, is called as bytes arrive. With zipped the
// file comes inside a zip protected by the server's datastore password
// ("malware" unless configured otherwise), the safe way to move a malware
// sample. TheHive 5 serves it at /api/v1/observable/{id}/attachment/{id}/
// download (asZip=true for the zip); TheHive 3/4 at /api/datastore/{id}
// (or /api/datastorezip) with the name to give it, from which the
// characters TheHive refuses in a file name are replaced by "_"
// (AttachmentCtrl).
func (s *ObservableService) DownloadFile(ctx context.Context, o *Observable, w io.Writer, zipped bool,
	progress incidentkit.Progress) (*incidentkit.FileInfo, error) {
	if o == nil || o.Attachment == nil {
		return nil, inputErr("observable", "is not a file observable (no attachment)")
	}
	a := o.Attachment
	if err := required("attachment id", a.ID+a.AttachmentID); err != nil {
		return nil, err
	}
	sp := s.c.sp
	r := &transport.Request{Method: http.MethodGet, Replay: transport.ReplayByMethod}
	if sp.datastoreDownload {
		r.Path, r.Args = sp.observableDownload, []string{a.ID}
		if zipped {
			r.Path = sp.observableDownloadZip
		}
		name := safeFileName(a.Name)
		if zipped {
			name += ".zip"
		}
		r.Query = url.Values{"name": {name}}
	} else {
		if err := required("observable id", o.ID); err != nil {
			return nil, err
		}
		id := a.AttachmentID
		if id == "" {
			id = a.ID
		}
		r.Path, r.Args = sp.observableDownload, []string{o.ID, id}
		if zipped {
			r.Query = url.Values{"asZip": {"true"}}
		}
	}
	return s.c.download(ctx, r, w, progress)
}

// safeFileName replaces the characters TheHive 3/4 refuse in a download's
// file name (elastic4play's AttachmentAttributeFormat.forbiddenChar) by
// "_", as TheHive 4 does; an empty name becomes "file".
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune("/\n\r\t\x00\f`?*\\<>|\":;", r) {
			return '_'
		}
		return r
	}, name)
	if strings.TrimSpace(name) == "" {
		return "file"
	}
	return name
}
