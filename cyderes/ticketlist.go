package cyderes

import (
	"github.com/incidentkit/incidentkit/internal/jsonwalk"
)

// ticketList decodes a page of tickets from the raw answer, handing each
// ticket's bytes straight to Ticket.UnmarshalJSON: encoding/json would
// scan every ticket once more to find where it ends. Null entries are
// skipped, but counted: the API's skip counts them too.
type ticketList struct {
	items []*Ticket
	// n is how many entries the page held, null ones included.
	n int
}

// DecodeJSON implements the core's raw decoding hook.
func (l *ticketList) DecodeJSON(b []byte) error {
	return jsonwalk.Array(b, func(elem []byte) error {
		l.n++
		if isNull(elem) {
			return nil
		}
		t := new(Ticket)
		if err := t.UnmarshalJSON(elem); err != nil {
			return err
		}
		l.items = append(l.items, t)
		return nil
	})
}
