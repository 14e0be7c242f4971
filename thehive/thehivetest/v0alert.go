package thehivetest

import "net/http"

// v0Alert routes TheHive 3/4's /api/alert endpoints (seg starts after
// "alert"), as TheHive 4's ctl/v0/Router.scala declares them.
func (s *Server) v0Alert(w http.ResponseWriter, r *http.Request, user string, seg []string) {
	switch {
	case len(seg) == 1 && seg[0] == "_search" && r.Method == http.MethodPost:
		s.v0Search(w, r, kindAlert)
		return
	case len(seg) == 2 && seg[1] == "artifact" && r.Method == http.MethodPost:
		s.postObservables(w, r, user, kindAlert, "__alert", seg[0], true)
		return
	}
	s.answerJSON(w, r, true, func(in map[string]any) answer {
		method := r.Method
		switch {
		case len(seg) == 0 && method == http.MethodPost:
			return s.createAlert(in, true, user)
		case len(seg) == 2 && seg[1] == "createCase" && method == http.MethodPost:
			return s.promote(seg[0], in, true, user)
		case len(seg) == 1 && method == http.MethodGet:
			// TheHive 3/4 send an alert with its observables.
			a := s.find(kindAlert, seg[0])
			if a == nil {
				return notFound("Alert", seg[0])
			}
			out := render(kindAlert, a, true)
			artifacts := []any{}
			for _, o := range s.children(kindObservable, "__alert", a["_id"].(string)) {
				artifacts = append(artifacts, render(kindObservable, o, true))
			}
			out["artifacts"] = artifacts
			return answer{status: http.StatusOK, body: out}
		case len(seg) == 1:
			return s.v0Object(kindAlert, seg[0], method, in, user)
		}
		if a, ok := s.alertLifecycle(method, seg, in, true, user); ok {
			return a
		}
		return fail(http.StatusNotFound, "NotFoundError", "no such endpoint")
	})
}
