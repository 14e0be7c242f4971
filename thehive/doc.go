// Package thehive is a client for TheHive 5 (the /api/v1 API) and
// TheHive 3 and 4 (the /api/case API): cases, tasks, observables, alerts and
// searches with a filter language that encodes to either dialect.
package thehive
