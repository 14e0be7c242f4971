// Package servicenow is a client for the ServiceNow REST APIs used in
// incident handling: the Table API (incidents and any other table), the
// Attachment API, the Aggregate API and OAuth.
package servicenow
