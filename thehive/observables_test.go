package thehive

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
)

func TestObservablePartial(t *testing.T) {
	for _, d := range []Dialect{V1, V0} {
		c, mock := newMock(t, d)
		var got []seen
		mock.RegisterNoResponder(recorder(&got, 207, `{"success":[{"_id":"~1","id":"~1","data":"a.test","tlp":3}],
			"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"b.test"}}]}`))
		res, err := c.Observables.Create(context.Background(), "~9", ObservableInput{DataType: "domain", Data: []string{"a.test", "b.test"}})
		if !errors.Is(err, ErrPartial) {
			t.Fatalf("%v: error = %v, want ErrPartial", d, err)
		}
		var pe *PartialError
		if !errors.As(err, &pe) || pe.Result != res {
			t.Fatalf("%v: PartialError does not carry the result", d)
		}
		if len(res.Created) != 1 || res.Created[0].ID != "~1" || res.Created[0].Data != "a.test" {
			t.Errorf("%v: created = %+v", d, res.Created)
		}
		wantTLP := TLPAmberStrict
		if d == V0 {
			wantTLP = TLPRed
		}
		if res.Created[0].TLP != wantTLP {
			t.Errorf("%v: TLP = %v", d, res.Created[0].TLP)
		}
		if len(res.Failures) != 1 || res.Failures[0].Type != "CreateError" || !strings.Contains(string(res.Failures[0].Object), "b.test") {
			t.Errorf("%v: failures = %+v", d, res.Failures)
		}
		if !strings.Contains(err.Error(), "1 observable(s) created, 1 refused: CreateError: Observable already exists") {
			t.Errorf("%v: message = %q", d, err)
		}
	}
}

func TestObservableAnswerShapes(t *testing.T) {
	for _, body := range []string{`[{"_id":"~1"}]`, `{"id":"~1","dataType":"ip"}`, `{"success":[{"_id":"~1"}],"failure":[]}`} {
		c, mock := newMock(t, V0)
		var got []seen
		mock.RegisterNoResponder(recorder(&got, 201, body))
		res, err := c.Observables.Create(context.Background(), "x", ObservableInput{DataType: "ip", Data: []string{"1"}})
		if err != nil || len(res.Created) != 1 || res.Created[0].ID != "~1" {
			t.Errorf("%s: %+v, %v", body, res, err)
		}
	}
}

// parseMultipart returns the _json field and the attachment part of a
// recorded multipart request.
func parseMultipart(t *testing.T, r seen) (string, string, string, string) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		t.Fatalf("content type %q", r.header.Get("Content-Type"))
	}
	mr := multipart.NewReader(strings.NewReader(r.body), params["boundary"])
	var js, name, ctype, data string
	var order []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		order = append(order, p.FormName())
		switch p.FormName() {
		case "_json":
			js = string(b)
		case "attachment":
			name, ctype, data = p.FileName(), p.Header.Get("Content-Type"), string(b)
		}
	}
	if strings.Join(order, ",") != "_json,attachment" {
		t.Errorf("parts = %v", order)
	}
	return js, name, ctype, data
}

func TestFileObservable(t *testing.T) {
	for _, tt := range []struct {
		d    Dialect
		path string
		tlp  string
	}{{V1, "/api/v1/case/~1/observable", "4"}, {V0, "/api/case/~1/artifact", "3"}} {
		c, mock := newMock(t, tt.d)
		var got []seen
		mock.RegisterNoResponder(recorder(&got, 201, `[{"_id":"~5","dataType":"file","attachment":{"id":"h","name":"m.exe","size":5,"hashes":["abc"]}}]`))
		res, err := c.Observables.CreateFile(context.Background(), "~1",
			ObservableInput{Message: "sample", TLP: Ptr(TLPRed), IOC: Ptr(false)},
			Upload{Reader: strings.NewReader("MZ..."), FileName: "mal.exe", ContentType: "application/octet-stream"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Created[0].Attachment == nil || res.Created[0].Attachment.Hashes[0] != "abc" {
			t.Errorf("attachment = %+v", res.Created[0].Attachment)
		}
		r := got[0]
		if r.method != "POST" || r.path != tt.path {
			t.Errorf("request %s %s", r.method, r.path)
		}
		js, name, ctype, data := parseMultipart(t, r)
		jsonEqual(t, js, `{"dataType":"file","message":"sample","tlp":`+tt.tlp+`,"ioc":false}`)
		if name != "mal.exe" || ctype != "application/octet-stream" || data != "MZ..." {
			t.Errorf("file part %q %q %q", name, ctype, data)
		}
	}
}

// TestFileObservableRetry checks that a rewindable upload is sent again
// after a 429 while a plain reader is not.
func TestFileObservableRetry(t *testing.T) {
	for _, tt := range []struct {
		name     string
		upload   Upload
		attempts int
		ok       bool
	}{
		{"seeker", Upload{Reader: bytes.NewReader([]byte("data")), FileName: "f.txt"}, 2, true},
		{"open", Upload{Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("data")), nil }, FileName: "f.txt"}, 2, true},
		{"plain reader", Upload{Reader: io.MultiReader(strings.NewReader("data")), FileName: "f.txt"}, 1, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, V1)
			var bodies []string
			mock.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
				b, _ := io.ReadAll(r.Body)
				bodies = append(bodies, string(b))
				if len(bodies) == 1 {
					resp := httpmock.NewStringResponse(429, `{"type":"TooManyRequests","message":"slow down"}`)
					resp.Header.Set("Retry-After", "0")
					return resp, nil
				}
				return httpmock.NewStringResponse(201, `[{"_id":"~1"}]`), nil
			})
			_, err := c.Observables.CreateFile(context.Background(), "~1", ObservableInput{}, tt.upload)
			if (err == nil) != tt.ok {
				t.Fatalf("error = %v", err)
			}
			if len(bodies) != tt.attempts {
				t.Fatalf("sent %d times, want %d", len(bodies), tt.attempts)
			}
			if tt.attempts == 2 && bodies[0] != bodies[1] {
				t.Error("the retried body differs")
			}
			if !tt.ok && !errors.Is(err, ErrNotReplayable) && !errors.Is(err, ErrRateLimited) {
				t.Errorf("error = %v", err)
			}
		})
	}
}
