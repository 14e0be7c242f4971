package cyderes

import (
	"context"
	"strings"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// DefaultBaseURL is the Cyderes TSI API's address.
const DefaultBaseURL = "https://tsi-api.cyderes.io"

// Client talks to the Cyderes Ticket System Integration API v2. It is safe
// for concurrent use.
type Client struct {
	core *transport.Client
}

// NewClient returns a client for the TSI API. WithToken is required; the
// base URL is DefaultBaseURL unless WithBaseURL is given. Every option is
// checked here, so a missing token or a bad URL fails now rather than at
// the first call.
func NewClient(opts ...Option) (*Client, error) {
	o := options{baseURL: DefaultBaseURL}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return nil, err
		}
	}
	switch {
	case o.authSet == 0:
		return nil, inputErr("token", "is required (use WithToken)")
	case o.authSet > 1:
		return nil, inputErr("token", "given more than once")
	case strings.TrimSpace(o.baseURL) == "":
		return nil, inputErr("base URL", "is empty")
	}
	s, err := transport.NewSettings(o.core...)
	if err != nil {
		return nil, err
	}
	s.Service = "cyderes"
	s.BaseURL = strings.TrimRight(o.baseURL, "/")
	s.Auth = o.auth
	s.ErrorDecoder = decodeError
	c, err := transport.New(s)
	if err != nil {
		return nil, err
	}
	return &Client{core: c}, nil
}

// do sends r and decodes the answer into out.
func (c *Client) do(ctx context.Context, r *transport.Request, out any) (*transport.Response, error) {
	return c.core.Do(ctx, r, out)
}

// checkID rejects an empty or blank identifier before anything is sent.
func checkID(field, id string) error {
	if strings.TrimSpace(id) == "" {
		return inputErr(field, "is empty")
	}
	return nil
}
