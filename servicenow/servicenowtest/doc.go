// Package servicenowtest is an in-memory ServiceNow instance for tests: a
// stateful httptest server speaking the Table, Attachment, Aggregate,
// Batch, Import Set and OAuth APIs the servicenow package uses, with their
// real semantics.
//
// It evaluates encoded queries (every operator the encodedquery builder
// writes, ^OR / ^NQ precedence, ORDERBY, dot-walked references), pages with
// Link and X-Total-Count, renders the three display-value modes, fills in
// incident numbers, priority (impact × urgency), resolution and closure
// times, turns work_notes and comments into sys_journal_field entries,
// enforces close code and notes on resolution, stores attachments and
// answers aggregate queries (grouped, filtered and ordered). It resolves
// display values on writes made with sysparm_input_display_value (a
// reference's name to its sys_id, a choice label to its value; a name
// that matches no record is stored empty), runs batches item by item
// (WithBatchLimit leaves items unserviced), transforms import rows with
// the maps WithTransformMap gives, and keeps task_sla records that follow
// the incident's state (WithSLADefinitions). Errors use ServiceNow's
// envelope.
//
// Every request must authenticate: by default as user "admin" with
// password "admin"; options add an API key, bearer tokens and OAuth
// clients. Seed data with Seed, inspect what arrived with Requests, and
// inject faults with Fail, Drop, Truncate and Delay.
package servicenowtest

//go:generate go run ../../internal/family/gen -fake -pkg servicenowtest
