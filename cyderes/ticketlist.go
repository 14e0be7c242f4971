package cyderes

import (
	"bytes"

	"github.com/incidentkit/incidentkit/internal/jsonwalk"
)

// ticketList decodes a page of tickets from the raw answer, handing each
// ticket's bytes straight to Ticket.UnmarshalJSON: encoding/json would
// scan every ticket once more to find where it ends. Null entries are
// skipped.
type ticketList []*Ticket

// DecodeJSON implements the core's raw decoding hook.
func (l *ticketList) DecodeJSON(b []byte) error {
	return jsonwalk.Array(b, func(elem []byte) error {
		if bytes.Equal(elem, []byte("null")) {
			return nil
		}
		t := new(Ticket)
		if err := t.UnmarshalJSON(elem); err != nil {
			return err
		}
		*l = append(*l, t)
		return nil
	})
}
