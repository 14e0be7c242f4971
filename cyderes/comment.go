package cyderes

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
)

// Comment is one comment of a ticket, as listed in Ticket.Comments.
type Comment struct {
	// ID is the comment's id.
	ID string `json:"id"`
	// Created is when the comment was added, in UTC; zero when absent or
	// unreadable.
	Created time.Time `json:"created"`
	// Author is the name shown as the comment's author.
	Author string `json:"author"`
	// Body is the comment's text.
	Body string `json:"body"`

	// Raw is the comment's JSON object exactly as received.
	Raw json.RawMessage `json:"-"`
}

// decodeComments decodes a ticket's comments array; null or an empty
// array is no comments, and a null entry is an empty comment.
func decodeComments(v []byte) ([]Comment, error) {
	if isNull(v) {
		return nil, nil
	}
	if len(v) == 0 || v[0] != '[' {
		return nil, errCommentsNotList
	}
	var out []Comment
	err := jsonwalk.Array(v, func(elem []byte) error {
		c := Comment{}
		if !isNull(elem) {
			if elem[0] != '{' {
				return errCommentNotObject
			}
			c.Raw = elem[:len(elem):len(elem)]
			if err := jsonwalk.Object(elem, c.member); err != nil {
				return err
			}
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Errors for a ticket whose comments have the wrong shape; the ticket
// cannot be decoded, as encoding/json would refuse it.
var (
	errCommentsNotList  = errors.New("cyderes: ticket comments are not a JSON array")
	errCommentNotObject = errors.New("cyderes: a ticket comment is not a JSON object")
)

// member decodes one member of a comment object, matching names as
// Ticket.UnmarshalJSON does.
func (c *Comment) member(name, v []byte) error {
	var dst *string
	switch {
	case bytes.EqualFold(name, []byte("id")):
		dst = &c.ID
	case bytes.EqualFold(name, []byte("created")):
		s, err := text(v)
		c.Created = parseTimeLenient(s)
		return err
	case bytes.EqualFold(name, []byte("author")):
		dst = &c.Author
	case bytes.EqualFold(name, []byte("body")):
		dst = &c.Body
	default:
		return nil
	}
	s, err := text(v)
	*dst = s
	return err
}

// isNull reports whether v is the JSON literal null.
func isNull(v []byte) bool { return string(v) == "null" }
