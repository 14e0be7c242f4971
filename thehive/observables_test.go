package thehive

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/incidentkit/incidentkit"
	"github.com/incidentkit/incidentkit/internal/testkit"
)

func TestObservablePartial(t *testing.T) {
	for _, d := range []Dialect{V1, V0} {
		c, mock := newMock(t, d)
		answerAll(mock, testkit.Answer{Status: 207, Body: `{"success":[{"_id":"~1","id":"~1","data":"a.test","tlp":3}],
			"failure":[{"type":"CreateError","message":"Observable already exists","object":{"data":"b.test"}}]}`})
		res, err := c.Observables.Create(context.Background(), "~9", &ObservableInput{DataType: "domain", Data: []string{"a.test", "b.test"}})
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
		answerAll(mock, testkit.Answer{Status: 201, Body: body})
		res, err := c.Observables.Create(context.Background(), "x", &ObservableInput{DataType: "ip", Data: []string{"1"}})
		if err != nil || len(res.Created) != 1 || res.Created[0].ID != "~1" {
			t.Errorf("%s: %+v, %v", body, res, err)
		}
	}
}

func TestFileObservable(t *testing.T) {
	for _, tt := range []struct {
		d    Dialect
		path string
		tlp  string
	}{{d: V1, path: "/api/v1/case/~1/observable", tlp: "4"}, {d: V0, path: "/api/case/~1/artifact", tlp: "3"}} {
		c, mock := newMock(t, tt.d)
		answerAll(mock, testkit.Answer{Status: 201, Body: `[{"_id":"~5","dataType":"file","attachment":{"id":"h","name":"m.exe","size":5,"hashes":["abc"]}}]`})
		var progress [][2]int64
		res, err := c.Observables.CreateFile(context.Background(), "~1",
			&ObservableInput{Message: "sample", TLP: incidentkit.Ptr(TLPRed), IOC: incidentkit.Ptr(false)},
			incidentkit.Upload{Reader: strings.NewReader("MZ..."), FileName: "mal.exe", ContentType: "application/octet-stream",
				Progress: func(done, total int64) { progress = append(progress, [2]int64{done, total}) }})
		if err != nil {
			t.Fatal(err)
		}
		if res.Created[0].Attachment == nil || res.Created[0].Attachment.Hashes[0] != "abc" {
			t.Errorf("attachment = %+v", res.Created[0].Attachment)
		}
		if len(progress) == 0 || progress[len(progress)-1] != [2]int64{5, 5} {
			t.Errorf("progress = %v, want it to end at 5 of 5 bytes", progress)
		}
		r := mock.Last(t)
		if r.Method != "POST" || r.RawPath != tt.path {
			t.Errorf("request %s %s", r.Method, r.RawPath)
		}
		parts := r.Parts(t)
		if names := testkit.Names(parts); !slices.Equal(names, []string{"_json", "attachment"}) {
			t.Fatalf("parts = %v", names)
		}
		testkit.JSONEqual(t, parts[0].Data, `{"dataType":"file","message":"sample","tlp":`+tt.tlp+`,"ioc":false}`)
		file := parts[1]
		if ctype := file.Header.Get("Content-Type"); file.FileName != "mal.exe" || ctype != "application/octet-stream" || file.Data != "MZ..." {
			t.Errorf("file part %q %q %q", file.FileName, ctype, file.Data)
		}
	}
}

// TestFileObservableRetry checks that a rewindable upload is sent again
// after a 429 while a plain reader is not.
func TestFileObservableRetry(t *testing.T) {
	for _, tt := range []struct {
		name     string
		upload   incidentkit.Upload
		attempts int
		ok       bool
	}{
		{name: "seeker", upload: incidentkit.Upload{Reader: bytes.NewReader([]byte("data")), FileName: "f.txt"}, attempts: 2, ok: true},
		{name: "open", upload: incidentkit.Upload{Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("data")), nil }, FileName: "f.txt"}, attempts: 2, ok: true},
		{name: "plain reader", upload: incidentkit.Upload{Reader: io.MultiReader(strings.NewReader("data")), FileName: "f.txt"}, attempts: 1, ok: false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, mock := newMock(t, V1)
			mock.RegisterNoResponder(mock.Record(func(*http.Request) testkit.Answer {
				if len(mock.Requests()) == 1 {
					return testkit.Answer{Status: 429, Body: `{"type":"TooManyRequests","message":"slow down"}`,
						Header: testkit.Headers("Retry-After", "0")}
				}
				return testkit.Answer{Status: 201, Body: `[{"_id":"~1"}]`}
			}))
			_, err := c.Observables.CreateFile(context.Background(), "~1", &ObservableInput{}, tt.upload)
			var bodies []string
			for _, r := range mock.Requests() {
				bodies = append(bodies, r.Body)
			}
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
