package incidentkit

import "strconv"

// PagingError ends a listing (a client's All) whose server answered pages
// that cannot be followed: three pages in a row that add nothing new — the
// same next-page cursor or link again, only records already yielded, or no
// record at all while the server says more follow — or a next-page link to
// another origin, which is never requested (credentials do not follow it). The records yielded before it
// are sound. It matches ErrServer: the fault is in the server's answers,
// not in the caller's input.
type PagingError struct {
	// Service names the API ("servicenow", "thehive", "cyderes").
	Service string
	// Problem says what the server did.
	Problem string
	// Pages is how many pages had been fetched.
	Pages int
	// URL is the next-page link that could not be followed, redacted;
	// empty when the listing pages by offset.
	URL string
}

// Error implements the error interface.
func (e *PagingError) Error() string {
	s := servicePrefix(e.Service) + "listing stopped after " + strconv.Itoa(e.Pages) + " pages: " + e.Problem
	if e.URL != "" {
		s += " (" + e.URL + ")"
	}
	return s
}

// Is makes errors.Is(err, ErrServer) hold.
func (e *PagingError) Is(target error) bool { return target == ErrServer }
