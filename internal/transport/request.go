package transport

import (
	"io"
	"net/http"
)

// Replay says whether a request may be sent more than once.
type Replay int

const (
	// ReplayByMethod treats GET, HEAD, OPTIONS, PUT and DELETE as safe to
	// repeat and POST and PATCH as unsafe.
	ReplayByMethod Replay = iota
	// ReplaySafe marks a request whose repetition cannot change the outcome:
	// a search sent as POST, a PATCH that sets fields.
	ReplaySafe
	// ReplayUnsafe marks a request whose second delivery would duplicate
	// data: a create, a journal or comment append, a close, an upload.
	ReplayUnsafe
)

// safe resolves r for a method.
func (r Replay) safe(method string) bool {
	switch r {
	case ReplaySafe:
		return true
	case ReplayUnsafe:
		return false
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// Request describes one API call.
type Request struct {
	// Method is the HTTP method; empty means GET.
	Method string
	// Path is relative to the client's base URL. Each "{}" in it is
	// replaced by the next element of Args, escaped as one path segment,
	// so an argument such as "../x" or "a/b" cannot reach another endpoint.
	Path string
	Args []string
	// URL, when set, is an absolute URL given by the server (a "next"
	// link) and is used instead of Path and Query. It must have the base
	// URL's origin.
	URL string
	// Query is url.Values or a struct with `url` tags (go-querystring).
	Query any
	// JSON, when non-nil, is encoded as the body (HTML escaping off).
	JSON any
	// Body is a streamed upload built with RawBody or MultipartBody.
	Body Body
	// Header holds extra request headers.
	Header http.Header
	// Accept overrides the Accept header (application/json by default,
	// */* for downloads).
	Accept string
	// Replay says whether the request may be sent more than once.
	Replay Replay
	// Download, when set, receives a successful answer's body as it
	// streams in, instead of JSON decoding.
	Download io.Writer
	// Progress, when set with Download, is called as bytes arrive with the
	// count so far and the total (-1 when unknown).
	Progress func(done, total int64)
}

// Response is what a successful call returns besides the decoded value.
type Response struct {
	// StatusCode and Header are those of the final answer.
	StatusCode int
	Header     http.Header
	// Attempts is how many times the request was sent.
	Attempts int
	// Written counts the bytes streamed to Request.Download.
	Written int64
	// FileName is the name the answer's Content-Disposition gives (reduced
	// to its last path element), and ContentType its media type; both are
	// set for downloads.
	FileName    string
	ContentType string
}
