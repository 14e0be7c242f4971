package cyderestest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/incidentkit/incidentkit/internal/fakehttp"
)

// AddTicket stores a ticket and returns its id. Missing ids, numbers,
// times, type and state are filled in.
func (s *Server) AddTicket(t Ticket) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.add(t)
}

func (s *Server) add(t Ticket) string {
	s.seq++
	if t.TicketID == "" {
		t.TicketID = fmt.Sprintf("TSI-%06d", 100000+s.seq)
	}
	if t.Number == "" {
		t.Number = strconv.Itoa(70000 + s.seq)
	}
	if t.TicketType == "" {
		t.TicketType = "alert"
	}
	if t.State == "" {
		t.State = "New"
	}
	if t.Created.IsZero() {
		t.Created = s.clock()
	}
	if t.Updated.IsZero() {
		t.Updated = t.Created
	}
	s.tickets = append(s.tickets, &t)
	return t.TicketID
}

// Ticket returns a copy of a stored ticket.
func (s *Server) Ticket(id string) (Ticket, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.find(id)
	if t == nil {
		return Ticket{}, false
	}
	c := *t
	c.Comments = append([]Comment(nil), t.Comments...)
	return c, true
}

// Tickets returns copies of every stored ticket in insertion order.
func (s *Server) Tickets() []Ticket {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Ticket, len(s.tickets))
	for i, t := range s.tickets {
		out[i] = *t
		out[i].Comments = append([]Comment(nil), t.Comments...)
	}
	return out
}

// AddAttachment stores a file on a ticket and returns its id.
func (s *Server) AddAttachment(ticketID string, a Attachment) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	if a.ID == "" {
		a.ID = strconv.Itoa(500 + s.seq)
	}
	if a.Created.IsZero() {
		a.Created = s.clock()
	}
	s.attachments[ticketID] = append(s.attachments[ticketID], &a)
	return a.ID
}

// Attachments returns the files stored on a ticket.
func (s *Server) Attachments(ticketID string) []Attachment {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Attachment
	for _, a := range s.attachments[ticketID] {
		out = append(out, *a)
	}
	return out
}

func (s *Server) find(id string) *Ticket {
	for _, t := range s.tickets {
		if t.TicketID == id {
			return t
		}
	}
	return nil
}

// withTicket calls fn with the ticket of the given id while holding s.mu,
// or answers 404 when there is none.
func (s *Server) withTicket(w http.ResponseWriter, id string, fn func(t *Ticket)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.find(id)
	if t == nil {
		writeDetail(w, http.StatusNotFound, "Ticket not found")
		return
	}
	fn(t)
}

// addComment appends a comment with the next comment id to t; the caller
// holds s.mu.
func (s *Server) addComment(t *Ticket, author, body string) {
	s.seq++
	t.Comments = append(t.Comments, Comment{ID: strconv.Itoa(900 + s.seq), Author: author, Body: body, Created: s.clock()})
}

func (s *Server) ticketsAPI(w http.ResponseWriter, r *http.Request, rest []string) {
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		s.list(w, r)
	case len(rest) == 1 && rest[0] == "create" && r.Method == http.MethodPost:
		s.createServiceRequest(w, r)
	case len(rest) == 1 && r.Method == http.MethodGet:
		s.withTicket(w, rest[0], func(t *Ticket) { fakehttp.WriteJSON(w, http.StatusOK, t.getJSON()) })
	case len(rest) == 2 && rest[1] == "attachments" && r.Method == http.MethodGet:
		s.listAttachments(w, rest[0])
	case len(rest) == 3 && rest[1] == "attachments" && r.Method == http.MethodGet:
		s.getAttachment(w, r, rest[0], rest[2])
	case len(rest) == 2 && rest[1] == "attachment" && r.Method == http.MethodPost:
		s.upload(w, r, rest[0])
	case len(rest) == 2 && rest[1] == "comment" && r.Method == http.MethodPost:
		s.comment(w, r, rest[0])
	case len(rest) == 2 && rest[1] == "close" && r.Method == http.MethodPost:
		s.closeTicket(w, r, rest[0])
	default:
		writeDetail(w, http.StatusNotFound, "Not Found")
	}
}

// list implements GET /v2/tickets.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	skip, limit := 0, 50
	if v := q.Get("skip"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			validation(w, "query", "skip", "ensure this value is greater than or equal to 0")
			return
		}
		skip = n
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 250 {
			validation(w, "query", "limit", "ensure this value is between 1 and 250")
			return
		}
		limit = n
	}
	typ := q.Get("ticket_type")
	if typ == "" {
		typ = "alert"
	}
	switch typ {
	case "all", "alert", "service_task", "service_proactive", "service_request", "phishing":
	default:
		validation(w, "query", "ticket_type", "value is not a valid enumeration member")
		return
	}
	lookup := q.Get("lookup_fields")
	if lookup == "" {
		lookup = "created"
	}
	if lookup != "created" && lookup != "updated" {
		validation(w, "query", "lookup_fields", "value is not a valid enumeration member")
		return
	}
	escalatedOnly := true
	if v := q.Get("escalated_only"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			validation(w, "query", "escalated_only", "value could not be parsed to a boolean")
			return
		}
		escalatedOnly = b
	}
	var bounds [4]time.Time
	for i, name := range []string{"created_from", "created_to", "updated_from", "updated_to"} {
		if v := q.Get(name); v != "" {
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				validation(w, "query", name, "invalid date format")
				return
			}
			bounds[i] = d
		}
	}
	s.mu.Lock()
	var rows []*Ticket
	for _, t := range s.tickets {
		if typ != "all" && t.TicketType != typ {
			continue
		}
		if escalatedOnly && !t.Escalated {
			continue
		}
		if !inDays(t.Created, bounds[0], bounds[1]) || !inDays(t.Updated, bounds[2], bounds[3]) {
			continue
		}
		rows = append(rows, t)
	}
	key := func(t *Ticket) time.Time {
		if lookup == "updated" {
			return t.Updated
		}
		return t.Created
	}
	sort.SliceStable(rows, func(i, j int) bool { return key(rows[i]).After(key(rows[j])) })
	page := rows[min(skip, len(rows)):min(skip+limit, len(rows))]
	out := make([]map[string]any, len(page))
	for i, t := range page {
		out[i] = t.json(q.Get("include_raw_event") == "true")
	}
	s.mu.Unlock()
	fakehttp.WriteJSON(w, http.StatusOK, out)
}

// inDays reports whether t falls within the whole UTC days from … to
// (either bound may be zero).
func inDays(t, from, to time.Time) bool {
	t = t.UTC()
	if !from.IsZero() && t.Before(from) {
		return false
	}
	if !to.IsZero() && !t.Before(to.AddDate(0, 0, 1)) {
		return false
	}
	return true
}

func (s *Server) listAttachments(w http.ResponseWriter, ticketID string) {
	s.withTicket(w, ticketID, func(*Ticket) {
		out := []map[string]any{}
		for _, a := range s.attachments[ticketID] {
			out = append(out, map[string]any{"id": a.ID, "file_name": a.FileName, "file_type": a.MIMEType,
				"attachment_byte_data": base64.StdEncoding.EncodeToString(a.Data)})
		}
		fakehttp.WriteJSON(w, http.StatusOK, out)
	})
}

func (s *Server) getAttachment(w http.ResponseWriter, r *http.Request, ticketID, id string) {
	s.mu.Lock()
	var a *Attachment
	for _, x := range s.attachments[ticketID] {
		if x.ID == id {
			a = x
		}
	}
	s.mu.Unlock()
	if a == nil {
		writeDetail(w, http.StatusNotFound, "Attachment not found")
		return
	}
	if r.URL.Query().Get("string_byte_data") == "true" {
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"id": a.ID, "ticket_id": ticketID, "file_name": a.FileName,
			"created_at": a.Created.UTC().Format(timeLayout), "mime_type": a.MIMEType,
			"bytes_data": base64.StdEncoding.EncodeToString(a.Data)})
		return
	}
	w.Header().Set("Content-Type", a.MIMEType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.FileName}))
	w.Header().Set("Content-Length", strconv.Itoa(len(a.Data)))
	_, _ = w.Write(a.Data)
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request, ticketID string) {
	s.mu.Lock()
	known := s.find(ticketID) != nil
	s.mu.Unlock()
	if !known {
		writeDetail(w, http.StatusNotFound, "Ticket not found")
		return
	}
	mr, err := r.MultipartReader()
	if err != nil {
		validation(w, "body", "file", "field required")
		return
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			validation(w, "body", "file", "field required")
			return
		}
		if p.FormName() != "file" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(p, 64<<20))
		if err != nil {
			writeDetail(w, http.StatusBadRequest, "upload interrupted")
			return
		}
		ct := p.Header.Get("Content-Type")
		s.AddAttachment(ticketID, Attachment{FileName: p.FileName(), MIMEType: ct, Data: data})
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"status": 200, "message": "Attachment has been added."})
		return
	}
}

func (s *Server) comment(w http.ResponseWriter, r *http.Request, ticketID string) {
	var in struct{ Author, Body string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || strings.TrimSpace(in.Body) == "" {
		validation(w, "body", "body", "field required")
		return
	}
	s.withTicket(w, ticketID, func(t *Ticket) {
		s.addComment(t, in.Author, in.Body)
		t.Updated = s.clock()
		fakehttp.WriteJSON(w, http.StatusCreated, map[string]any{"status": 201, "message": "Comment has been added."})
	})
}

func (s *Server) closeTicket(w http.ResponseWriter, r *http.Request, ticketID string) {
	s.withTicket(w, ticketID, func(t *Ticket) {
		if c := r.URL.Query().Get("comment"); c != "" {
			s.addComment(t, "API", c)
		}
		t.State, t.Updated = "Closed", s.clock()
		fakehttp.WriteJSON(w, http.StatusOK, map[string]any{"status": 200, "message": "Ticket has been closed."})
	})
}

func (s *Server) createServiceRequest(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name, Priority, Category, Type string
		ShortDescription               string `json:"short_description"`
		Description                    string
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		validation(w, "body", "", "invalid JSON")
		return
	}
	for name, v := range map[string]string{"name": in.Name, "short_description": in.ShortDescription} {
		if strings.TrimSpace(v) == "" {
			validation(w, "body", name, "field required")
			return
		}
	}
	s.mu.Lock()
	id := s.add(Ticket{TicketType: "service_request", Priority: in.Priority, Category: in.Category, Type: in.Type,
		ShortDescription: in.ShortDescription, Description: in.Description, Escalated: true,
		Extra: map[string]string{"requested_by": in.Name}})
	s.mu.Unlock()
	fakehttp.WriteJSON(w, http.StatusCreated, map[string]any{"status": 201, "ticket_id": id, "message": "Ticket has been created."})
}
