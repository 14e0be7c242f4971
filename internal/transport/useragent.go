package transport

import "runtime"

// Version is the incidentkit release reported in the User-Agent.
const Version = "0.1.0"

// DefaultUserAgent returns "incidentkit/<version> (go<version>)".
func DefaultUserAgent() string {
	return "incidentkit/" + Version + " (" + runtime.Version() + ")"
}
