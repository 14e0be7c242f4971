package transport

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"sync"
)

// Body is a streamed request body, built by [RawBody] or [MultipartBody].
type Body interface {
	source() (*bodySource, error)
}

// errAttemptOver is returned by an attempt's body once a later attempt has
// taken over the content.
var errAttemptOver = errors.New("request body belongs to a finished attempt")

// bodySource produces the bytes of a streamed body for each attempt,
// identical every time: an optional in-memory head, the file content, an
// optional in-memory tail.
type bodySource struct {
	contentType string
	// length is the total body length, -1 when unknown.
	length int64
	head   []byte
	file   *fileSource
	tail   []byte

	mu      sync.Mutex
	current *attemptBody
}

// replayable reports whether the body can be sent again.
func (b *bodySource) replayable() bool { return b.file.replayable() }

// attempt returns the body of a new attempt. The previous attempt's body is
// detached first (waiting for a read in progress on the transport's
// goroutine), so two attempts never read the same source at once.
func (b *bodySource) attempt() (io.Reader, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.current != nil {
		_ = b.current.Close()
	}
	b.current = &attemptBody{src: b}
	return b.current, nil
}

// finish detaches the last attempt's body when the call ends.
func (b *bodySource) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.current != nil {
		_ = b.current.Close()
	}
}

// attemptBody is one attempt's view of the body. It opens the content on
// first read, so a body that is never sent opens nothing.
type attemptBody struct {
	src    *bodySource
	mu     sync.Mutex
	r      io.Reader
	closer io.Closer
	closed bool
	done   int64
}

func (a *attemptBody) Read(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return 0, errAttemptOver
	}
	if a.r == nil {
		content, closer, err := a.src.file.open()
		if err != nil {
			return 0, &SourceError{Err: err}
		}
		a.closer = closer
		a.r = io.MultiReader(bytes.NewReader(a.src.head), &progressReader{a: a, r: content}, bytes.NewReader(a.src.tail))
	}
	return a.r.Read(p)
}

// Close ends the attempt: later reads fail and an opened file is closed.
func (a *attemptBody) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return nil
	}
	a.closed = true
	if a.closer != nil {
		return a.closer.Close()
	}
	return nil
}

// SourceError reports that an upload's content could not be produced: its
// Open function failed, a seeker could not rewind, or a plain reader had
// already been sent. It is never retried.
type SourceError struct{ Err error }

func (e *SourceError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SourceError) Unwrap() error { return e.Err }

// progressReader counts the content bytes of one attempt.
type progressReader struct {
	a *attemptBody
	r io.Reader
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.a.done += int64(n)
		f := p.a.src.file
		f.read.Add(int64(n))
		if f.u.Progress != nil {
			f.u.Progress(p.a.done, f.size)
		}
	}
	return n, err
}

// RawBody sends u's content as the whole body, with u's Content-Type.
func RawBody(u Upload) Body { return rawBody{u} }

type rawBody struct{ u Upload }

func (r rawBody) source() (*bodySource, error) {
	f, err := newFileSource(r.u)
	if err != nil {
		return nil, err
	}
	return &bodySource{contentType: f.u.ContentType, length: f.size, file: f}, nil
}

// FormField is one plain field of a multipart form.
type FormField struct {
	Name, Value string
}

// MultipartBody sends a multipart/form-data body: the fields in order, then
// the file as the last part under fileField, with its own Content-Type. The
// boundary is chosen once, so every attempt sends identical bytes. The file
// is streamed; only the part headers are held in memory.
func MultipartBody(fields []FormField, fileField string, file Upload) Body {
	return multipartBody{fields: fields, fileField: fileField, file: file}
}

type multipartBody struct {
	fields    []FormField
	fileField string
	file      Upload
}

func (m multipartBody) source() (*bodySource, error) {
	if m.fileField == "" {
		return nil, invalid("multipart body", "file field name is empty")
	}
	if hasControlChar(m.fileField) {
		return nil, invalid("multipart body", "file field name %q contains a control character", m.fileField)
	}
	if strings.TrimSpace(m.file.FileName) == "" {
		return nil, invalid("file name", "is empty")
	}
	for _, f := range m.fields {
		if f.Name == "" {
			return nil, invalid("multipart body", "a field name is empty")
		}
		if hasControlChar(f.Name) {
			return nil, invalid("multipart body", "field name %q contains a control character", f.Name)
		}
	}
	f, err := newFileSource(m.file)
	if err != nil {
		return nil, err
	}
	head, tail, contentType, err := multipartFrame(m.fields, m.fileField, f.u.FileName, f.u.ContentType)
	if err != nil {
		return nil, err
	}
	length := int64(-1)
	if f.size >= 0 {
		length = int64(len(head)) + f.size + int64(len(tail))
	}
	return &bodySource{contentType: contentType, length: length, head: head, file: f, tail: tail}, nil
}
