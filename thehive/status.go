package thehive

// CaseStatus is a case's status. TheHive 5 allows custom statuses, so any
// string the server sends is kept.
type CaseStatus string

// Case statuses. V1 (TheHive 5) uses New, InProgress and the closing
// statuses; V0 (TheHive 3/4) uses Open, Resolved, Deleted and Duplicated,
// with the closing status in ResolutionStatus.
const (
	StatusNew           CaseStatus = "New"
	StatusInProgress    CaseStatus = "InProgress"
	StatusIndeterminate CaseStatus = "Indeterminate"
	StatusFalsePositive CaseStatus = "FalsePositive"
	StatusTruePositive  CaseStatus = "TruePositive"
	StatusOther         CaseStatus = "Other"
	StatusDuplicated    CaseStatus = "Duplicated"
	StatusOpen          CaseStatus = "Open"
	StatusResolved      CaseStatus = "Resolved"
	StatusDeleted       CaseStatus = "Deleted"
)

// String returns the status as TheHive spells it.
func (s CaseStatus) String() string { return string(s) }

// closing reports whether s is one of the statuses that close a case.
func (s CaseStatus) closing() bool {
	switch s {
	case StatusIndeterminate, StatusFalsePositive, StatusTruePositive, StatusOther, StatusDuplicated:
		return true
	}
	return false
}

// ImpactStatus says whether a closed case had an impact.
type ImpactStatus string

// Impact statuses.
const (
	ImpactNone          ImpactStatus = "NoImpact"
	ImpactWith          ImpactStatus = "WithImpact"
	ImpactNotApplicable ImpactStatus = "NotApplicable"
)

// String returns the status as TheHive spells it.
func (s ImpactStatus) String() string { return string(s) }

// TaskStatus is a task's status; unknown values are kept.
type TaskStatus string

// Task statuses.
const (
	TaskWaiting    TaskStatus = "Waiting"
	TaskInProgress TaskStatus = "InProgress"
	TaskCompleted  TaskStatus = "Completed"
	TaskCancel     TaskStatus = "Cancel"
)

// String returns the status as TheHive spells it.
func (s TaskStatus) String() string { return string(s) }
