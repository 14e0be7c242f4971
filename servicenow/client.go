package servicenow

import (
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Client talks to one ServiceNow instance. Its services group the APIs:
// Incidents for incident work; Table and Records reach any table.
type Client struct {
	core *transport.Client
	// Incidents manages incident records.
	Incidents *IncidentService
	// Attachments manages the attachments of any record.
	Attachments *AttachmentService
	// Stats reads aggregate statistics of any table.
	Stats *StatsService
}

// NewClient returns a client for instanceURL (for example
// "https://dev12345.service-now.com"). The URL must use HTTPS unless it is a
// loopback address or WithInsecureHTTP is given. At most one auth option
// may be given.
func NewClient(instanceURL string, opts ...Option) (*Client, error) {
	var o options
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	if o.authSet > 1 {
		return nil, inputErr("auth options", "more than one authentication method given")
	}
	if strings.TrimSpace(instanceURL) == "" {
		return nil, inputErr("instance URL", "is empty")
	}
	s, err := transport.NewSettings(o.core...)
	if err != nil {
		return nil, err
	}
	s.Service = "servicenow"
	s.BaseURL = strings.TrimRight(instanceURL, "/") + "/"
	s.ErrorDecoder = decodeError
	s.Auth = o.auth
	if o.oauth != nil {
		// Validate the URL first so the token URL is sound.
		if _, err := transport.New(s); err != nil {
			return nil, err
		}
		fn := o.oauth.tokenSource(s.BaseURL+"oauth_token.do", s.HTTPClient)
		a, err := transport.TokenFunc(fn, o.oauth.clientSecret, o.oauth.password)
		if err != nil {
			return nil, err
		}
		s.Auth = a
	}
	c, err := transport.New(s)
	if err != nil {
		return nil, err
	}
	cl := &Client{core: c}
	cl.Incidents = &IncidentService{t: NewTable[Incident](cl, "incident")}
	cl.Attachments = &AttachmentService{c: cl}
	cl.Stats = &StatsService{c: cl}
	return cl, nil
}
