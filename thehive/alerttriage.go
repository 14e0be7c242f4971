package thehive

import (
	"context"
	"net/http"
	"net/url"

	"github.com/incidentkit/incidentkit/internal/transport"
)

// Update changes the fields set in u. TheHive 5 answers 204 with no body
// and TheHive 3/4 the alert, so Update returns only an error; Get the
// alert to see the result. A nil u, or one that changes nothing, is an
// input error.
func (s *AlertService) Update(ctx context.Context, id string, u *AlertUpdate) error {
	return patch(ctx, s.c, s.at(s.c.sp.alertItem, "updating an alert", id), transport.ReplaySafe, "alert update", u)
}

// Delete deletes an alert for good. In TheHive 3, which without being
// forced only marks the alert unread, the client forces the delete.
func (s *AlertService) Delete(ctx context.Context, id string) error {
	r, err := s.c.request(http.MethodDelete, s.at(s.c.sp.alertItem, "deleting an alert", id), transport.ReplayByMethod)
	if err != nil {
		return err
	}
	if s.c.sp.alertForceDelete {
		r.Query = url.Values{"force": {"true"}}
	}
	_, err = s.c.do(ctx, r, nil)
	return err
}

// MarkRead marks an alert read (TheHive 3/4 only): its status becomes
// Ignored, or Imported when it has a case. TheHive 5 has no read flag; use
// Ignore or Update with a Status there.
func (s *AlertService) MarkRead(ctx context.Context, id string) error {
	return s.act(ctx, s.at(s.c.sp.alertRead, "marking an alert read", id))
}

// MarkUnread marks an alert unread (TheHive 3/4 only): its status becomes
// New, or Updated when it has a case.
func (s *AlertService) MarkUnread(ctx context.Context, id string) error {
	return s.act(ctx, s.at(s.c.sp.alertUnread, "marking an alert unread", id))
}

// Follow follows an alert: once it is imported into a case, updates to
// the alert update the case too.
func (s *AlertService) Follow(ctx context.Context, id string) error {
	return s.act(ctx, s.at(s.c.sp.alertFollow, "following an alert", id))
}

// Unfollow stops following an alert.
func (s *AlertService) Unfollow(ctx context.Context, id string) error {
	return s.act(ctx, s.at(s.c.sp.alertUnfollow, "unfollowing an alert", id))
}

// Ignore closes an alert without making a case of it: in TheHive 5 it
// sets the predefined status Ignored (of the Closed stage), in TheHive 3/4
// it marks the alert read, which makes an alert without a case Ignored.
func (s *AlertService) Ignore(ctx context.Context, id string) error {
	if !s.c.sp.alertStatusSet {
		return s.MarkRead(ctx, id)
	}
	status := AlertIgnored
	return s.Update(ctx, id, &AlertUpdate{Status: &status})
}

// act posts an empty action to rt. TheHive 5 answers 204 and TheHive 3/4
// the alert; either way the action is the same when repeated.
func (s *AlertService) act(ctx context.Context, rt route) error {
	r, err := s.c.request(http.MethodPost, rt, transport.ReplaySafe)
	if err == nil {
		_, err = s.c.do(ctx, r, nil)
	}
	return err
}
