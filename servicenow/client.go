package servicenow

import (
	"github.com/incidentkit/incidentkit/internal/transport"
)

// Client talks to one ServiceNow instance. It is safe for concurrent use.
// Its services group the APIs; NewTable and Client.Records reach any other
// table.
type Client struct {
	core *transport.Client
	// Incidents manages incident records.
	Incidents *IncidentService
	// Attachments manages the attachments of any record.
	Attachments *AttachmentService
	// Stats reads aggregate statistics of any table.
	Stats *StatsService
	// Batch sends many REST calls in one request.
	Batch *BatchService
	// ImportSets stages rows for transform maps.
	ImportSets *ImportSetService
	// TaskSLAs reads the SLAs the instance's engine attached to tasks.
	TaskSLAs *TaskSLAService
	// Audit reads record histories from sys_audit.
	Audit *AuditService
}

// NewClient returns a client for instanceURL (for example
// "https://dev12345.service-now.com"). The URL must use HTTPS unless it is
// a loopback address or WithInsecureHTTP is given. At most one
// authentication option may be given. Every option is checked here: a
// value that can never work makes NewClient fail with an error matching
// ErrInvalidInput.
func NewClient(instanceURL string, opts ...Option) (*Client, error) {
	var o options
	core, err := newCore("instance URL", instanceURL, &o, opts, false)
	if err != nil {
		return nil, err
	}
	c := &Client{core: core}
	c.Incidents = &IncidentService{t: NewTable[Incident](c, "incident")}
	c.Attachments = &AttachmentService{c: c}
	c.Stats = &StatsService{c: c}
	c.Batch = &BatchService{c: c}
	c.ImportSets = &ImportSetService{c: c}
	c.TaskSLAs = &TaskSLAService{t: NewTable[TaskSLA](c, "task_sla")}
	c.Audit = &AuditService{c: c}
	return c, nil
}
