package soak

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/cyderes"
	"github.com/incidentkit/incidentkit/servicenow"
	"github.com/incidentkit/incidentkit/thehive"
)

// TestHeaderValuesCannotInject is the header-injection class: every value
// a caller supplies that becomes a header — an upload's content type and
// file name in each client that uploads, an extra header, TheHive's
// organisation — is refused with an input error before anything is sent
// when it holds CR, LF or another control character.
func TestHeaderValuesCannotInject(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		w.WriteHeader(http.StatusTeapot)
	}))
	defer srv.Close()
	ctx := context.Background()
	snc, _ := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"))
	thc, _ := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"))
	cyc, _ := cyderes.NewClient(srv.URL, cyderes.WithToken("k"))

	const inject = "\r\nX-Injected: 1"
	uploads := map[string]incidentkit.Upload{
		"content type": {Reader: strings.NewReader("x"), FileName: "a.txt", ContentType: "text/plain" + inject},
		"file name":    {Reader: strings.NewReader("x"), FileName: "a.txt" + inject},
		"bare LF name": {Reader: strings.NewReader("x"), FileName: "a\nb.txt"},
		"NUL in name":  {Reader: strings.NewReader("x"), FileName: "a\x00.txt"},
	}
	uploads["clean (control)"] = incidentkit.Upload{Reader: strings.NewReader("x"), FileName: "a.txt", ContentType: "text/plain"}
	for name, up := range uploads {
		// Each call reads its own copy of the content.
		fresh := func() incidentkit.Upload { u := up; u.Reader = strings.NewReader("x"); return u }
		calls := map[string]func() error{
			"servicenow upload": func() error { _, err := snc.Attachments.Upload(ctx, "incident", "abc", fresh()); return err },
			"servicenow multipart": func() error {
				_, err := snc.Attachments.UploadMultipart(ctx, "incident", "abc", fresh())
				return err
			},
			"thehive file observable": func() error {
				_, err := thc.Observables.CreateFile(ctx, "~1", &thehive.ObservableInput{Message: "m"}, fresh())
				return err
			},
			"cyderes upload": func() error { return cyc.Attachments.Upload(ctx, "T1", fresh()) },
		}
		for call, fn := range calls {
			err := fn()
			if control := name == "clean (control)"; control == errors.Is(err, incidentkit.ErrInvalidInput) {
				t.Errorf("%s, %s: err = %v; input error expected: %v", call, name, err, !control)
			}
		}
	}
	constructors := map[string]func() error{
		"servicenow header": func() error {
			_, err := servicenow.NewClient(srv.URL, servicenow.WithAPIKey("k"), servicenow.WithHeader("X-Team", "soc"+inject))
			return err
		},
		"thehive header": func() error {
			_, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"), thehive.WithHeader("X-Team", "soc"+inject))
			return err
		},
		"thehive organisation": func() error {
			_, err := thehive.NewClient(srv.URL, thehive.WithAPIKey("k"), thehive.WithOrganisation("soc"+inject))
			return err
		},
		"cyderes header": func() error {
			_, err := cyderes.NewClient(srv.URL, cyderes.WithToken("k"), cyderes.WithHeader("X-Team", "soc\x00"))
			return err
		},
		"header name": func() error {
			_, err := cyderes.NewClient(srv.URL, cyderes.WithToken("k"), cyderes.WithHeader("X-Team\r\nX", "soc"))
			return err
		},
	}
	for name, fn := range constructors {
		if err := fn(); !errors.Is(err, incidentkit.ErrInvalidInput) {
			t.Errorf("%s: err = %v, want an input error", name, err)
		}
	}
	if n := hits.Load(); n != 4 {
		t.Errorf("%d requests reached the server, want the 4 clean uploads", n)
	}
}
