package thehive

import "github.com/incidentkit/incidentkit/thehive/filter"

// Dialect selects one of TheHive's two APIs; requests, filters and TLP
// values are encoded for it. It is the filter package's Dialect, so one
// value serves both.
type Dialect = filter.Dialect

// The dialects a Client can speak.
const (
	// V1 is TheHive 5's /api/v1 API, the default.
	V1 = filter.V1
	// V0 is the /api/case API of TheHive 3 and 4 (still served by 5).
	V0 = filter.V0
)

// dialectSpec holds everything that differs between the two APIs:
// endpoints, field names, wire encodings and the search protocol. NewClient
// picks one spec and every call reads what it needs from it, so no call
// asks which dialect the client speaks.
type dialectSpec struct {
	dialect Dialect
	// label names the API in messages.
	label string

	// Endpoints, relative to the base URL; each "{}" takes one id,
	// escaped as a path segment. An empty endpoint is one the dialect
	// lacks: the call fails with an error matching ErrUnsupported.
	caseCreate, caseItem          string
	taskCreate, taskItem, taskLog string
	// taskDelete deletes a task (TheHive 5 only); logItem is one log.
	taskDelete, logItem              string
	observableCreate, observableItem string
	alertCreate, alertItem           string
	alertPromote, alertObservable    string
	commentCreate                    string
	// caseMerge merges cases: with one "{}" a case, joined by commas
	// (TheHive 5's /api/v1/case/_merge/{ids}), or, when caseMergePair is
	// set, exactly two cases (TheHive 3/4's /api/case/{id}/_merge/{id}).
	// caseBulk updates many cases.
	caseMerge     string
	caseMergePair bool
	caseBulk      string
	// Case templates: create, one by name or id, and the listing.
	templateCreate, templateItem string
	templates                    listing
	// customFieldList lists the definitions of custom fields and
	// customFieldCreate creates one; customFieldListForm is the shape of
	// TheHive 3's list API ({"value": definition} in, {itemId: definition}
	// out) rather than a plain object and array.
	customFieldList, customFieldCreate string
	customFieldListForm                bool
	// customFieldReference says a definition's internal name is called
	// reference and its label name (TheHive 3/4), not name and
	// displayName.
	customFieldReference bool
	// Procedures (ATT&CK TTPs) and case pages, TheHive 5 only: the
	// creates take the case's or alert's id, procedureItem and pageItem
	// the procedure's, or the case's and the page's.
	caseProcedure, alertProcedure, procedureItem string
	casePage, pageItem                           string
	procedures, pages                            func(id string) listing
	alertProcedures                              func(id string) listing
	// Attachments of cases, alerts and logs (TheHive 5): uploads take the
	// owner's id; deletes the owner's, then the attachment's; download the
	// attachment's. caseAttachments, alertAttachments and logAttachments
	// list them.
	caseAttach, alertAttach, logAttach                string
	caseAttachItem, alertAttachItem, logAttachItem    string
	attachDownload                                    string
	caseAttachments, alertAttachments, logAttachments func(id string) listing
	// logFilePart names the file part of a task log created with a file.
	logFilePart string
	// observableDownload downloads a file observable's file: TheHive 5's
	// route takes the observable's id and its attachment's; TheHive 3/4's
	// datastore takes the file's id and its name, and a zipped copy is at
	// observableDownloadZip.
	observableDownload, observableDownloadZip string
	datastoreDownload                         bool
	// caseLinks lists the cases sharing observables with one.
	caseLinks string
	// alertObservables lists an alert's observables; nil where the alert
	// carries them (TheHive 3/4's "artifacts").
	alertObservables func(id string) listing
	// cortex is the prefix of the Cortex connector's routes.
	cortex string
	// The alert lifecycle. alertMerge and alertImport take the alert id,
	// then the case id.
	alertFollow, alertUnfollow       string
	alertRead, alertUnread           string
	alertMerge, alertImport          string
	alertMergeBulk                   string
	alertUpdateBulk, alertDeleteBulk string
	// alertForceDelete says an alert delete sends force=true: TheHive 3
	// only marks an alert unread without it (AlertCtrl.delete), and
	// TheHive 4 ignores it.
	alertForceDelete bool
	// alertStatusSet says an alert's status can be written (TheHive 5);
	// in TheHive 3/4 it follows from whether the alert is read and has a
	// case.
	alertStatusSet bool
	// alertObservablesKey names the observables of a new alert in its
	// body; alertObservableData is "array" when each takes its data as an
	// array (TheHive 5's InputAlert) rather than a string.
	alertObservablesKey, alertObservableData string
	// alertFieldsLimited says alerts take no pap, externalLink or flag and
	// each observable of a new alert needs a message or tags (TheHive 3:
	// models/Alert.scala refuses any other attribute, and an artifact
	// without either).
	alertFieldsLimited bool
	// promoteOverrides says a promote takes the new case's fields, not
	// only its template.
	promoteOverrides bool

	// Listings: what List and Count select in each collection, and the
	// protocol that sends them (the V1 query API or V0 _search).
	cases, alerts                listing
	tasks, observables, comments func(caseID string) listing
	// logs lists one task's logs; allLogs every log, to find one by id.
	logs    func(taskID string) listing
	allLogs listing
	search  searcher

	// caseNumberField, when set, is the field a case number is searched
	// by; otherwise the case endpoint takes the number as the id.
	caseNumberField string
	// legacyNames says answers use TheHive 3/4's names for the record
	// fields (id, createdAt, caseId, owner, ...).
	legacyNames bool
	// ownerField and templateField name a case's assignee and template in
	// request bodies; createOwnerField names the assignee in a create.
	ownerField, templateField string
	createOwnerField          string
	// filterDialect encodes the filters of searches.
	filterDialect filter.Dialect
	// tagDeltas says whether updates take addTags and removeTags;
	// taskMandatory whether tasks take mandatory; logTimeline whether logs
	// take includeInTimeline.
	tagDeltas, taskMandatory, logTimeline bool
	// observableTypeSet says an observable's data type can be changed
	// (TheHive 5's InputUpdateObservable; read-only in TheHive 3's model).
	observableTypeSet bool
	// resolvedStatus, when set, is the status a close sends, with the
	// closing status as resolutionStatus; otherwise the closing status is
	// the status. closeNeedsSummary says a close must carry a summary.
	resolvedStatus    CaseStatus
	closeNeedsSummary bool
	// tlpWire is the wire number of each TLP level (the index), -1 for a
	// level the dialect lacks; tlpLevel is the level of each wire number.
	tlpWire  [5]int
	tlpLevel []TLP
	// customFields encodes custom fields for a create or a replacing
	// update (replace) or for a merging update.
	customFields func(fields []CustomField, replace bool) (any, error)
}

// v1Spec is TheHive 5's /api/v1.
var v1Spec = &dialectSpec{
	dialect:            V1,
	label:              "TheHive 5 (dialect V1)",
	caseCreate:         "/api/v1/case",
	caseItem:           "/api/v1/case/{}",
	taskCreate:         "/api/v1/case/{}/task",
	taskItem:           "/api/v1/task/{}",
	taskLog:            "/api/v1/task/{}/log",
	taskDelete:         "/api/v1/task/{}",
	logItem:            "/api/v1/log/{}",
	observableCreate:   "/api/v1/case/{}/observable",
	observableItem:     "/api/v1/observable/{}",
	caseLinks:          "/api/v1/case/{}/links",
	alertObservables:   childrenOf("listing alert observables", "getAlert", "observables"),
	cortex:             "/api/v1/connector/cortex",
	caseAttach:         "/api/v1/case/{}/attachments",
	alertAttach:        "/api/v1/alert/{}/attachments",
	logAttach:          "/api/v1/log/{}/attachments",
	caseAttachItem:     "/api/v1/case/{}/attachment/{}",
	alertAttachItem:    "/api/v1/alert/{}/attachment/{}",
	logAttachItem:      "/api/v1/log/{}/attachments/{}",
	attachDownload:     "/api/v1/attachment/{}/download",
	observableDownload: "/api/v1/observable/{}/attachment/{}/download",
	logFilePart:        "attachments",
	caseAttachments:    childrenOf("listing attachments", "getCase", "attachments"),
	alertAttachments:   childrenOf("listing attachments", "getAlert", "attachments"),
	logAttachments:     childrenOf("listing attachments", "getLog", "attachments"),
	caseProcedure:      "/api/v1/case/{}/procedure",
	alertProcedure:     "/api/v1/alert/{}/procedure",
	procedureItem:      "/api/v1/procedure/{}",
	casePage:           "/api/v1/case/{}/page",
	pageItem:           "/api/v1/case/{}/page/{}",
	procedures:         childrenOf("listing procedures", "getCase", "procedures"),
	alertProcedures:    childrenOf("listing procedures", "getAlert", "procedures"),
	pages:              childrenOf("listing case pages", "getCase", "pages"),
	caseMerge:          "/api/v1/case/_merge/",
	caseBulk:           "/api/v1/case/_bulk",
	templateCreate:     "/api/v1/caseTemplate",
	templateItem:       "/api/v1/caseTemplate/{}",
	templates:          listing{what: "listing case templates", steps: []map[string]any{{"_name": "listCaseTemplate"}}},
	customFieldList:    "/api/v1/customField",
	customFieldCreate:  "/api/v1/customField",
	alertCreate:        "/api/v1/alert",
	alertItem:          "/api/v1/alert/{}",
	alertPromote:       "/api/v1/alert/{}/case",
	alertObservable:    "/api/v1/alert/{}/observable",
	commentCreate:      "/api/v1/case/{}/comment",
	alertFollow:        "/api/v1/alert/{}/follow",
	alertUnfollow:      "/api/v1/alert/{}/unfollow",
	alertMerge:         "/api/v1/alert/{}/merge/{}",
	alertImport:        "/api/v1/alert/{}/import/{}",
	alertMergeBulk:     "/api/v1/alert/merge/_bulk",
	alertUpdateBulk:    "/api/v1/alert/_bulk",
	alertDeleteBulk:    "/api/v1/alert/delete/_bulk",
	alertStatusSet:     true,
	promoteOverrides:   true,

	alertObservablesKey: "observables",
	alertObservableData: "array",

	cases:       listing{what: "listing cases", steps: []map[string]any{{"_name": "listCase"}}},
	alerts:      listing{what: "listing alerts", steps: []map[string]any{{"_name": "listAlert"}}},
	tasks:       childrenOf("listing tasks", "getCase", "tasks"),
	observables: childrenOf("listing observables", "getCase", "observables"),
	comments:    childrenOf("listing comments", "getCase", "comments"),
	logs:        childrenOf("listing task logs", "getTask", "logs"),
	allLogs:     listing{what: "finding a task log", steps: []map[string]any{{"_name": "listLog"}}},
	search:      queryAPI{},

	ownerField:        "assignee",
	createOwnerField:  "assignee",
	templateField:     "caseTemplate",
	filterDialect:     filter.V1,
	tagDeltas:         true,
	taskMandatory:     true,
	logTimeline:       true,
	observableTypeSet: true,
	tlpWire:           [5]int{0, 1, 2, 3, 4},
	tlpLevel:          []TLP{TLPClear, TLPGreen, TLPAmber, TLPAmberStrict, TLPRed},
	customFields:      customFieldsV1,
}

// v0Spec is the /api/case and /api/alert API of TheHive 3 and 4. It has
// no comments in this client. Its alert routes are TheHive 4's
// (ctl/v0/Router.scala) and TheHive 3's (conf/routes) alike, except for
// alertObservable, which TheHive 3 lacks (it takes observables only with a
// new alert), and bulk updates, which TheHive 4 does not route (the client
// sends one update per alert instead).
var v0Spec = &dialectSpec{
	dialect:          V0,
	label:            "TheHive 3/4 (dialect V0)",
	caseCreate:       "/api/case",
	caseItem:         "/api/case/{}",
	taskCreate:       "/api/case/{}/task",
	taskItem:         "/api/case/task/{}",
	taskLog:          "/api/case/task/{}/log",
	logItem:          "/api/case/task/log/{}",
	observableCreate: "/api/case/{}/artifact",
	observableItem:   "/api/case/artifact/{}",
	procedures:       unlisted("listing procedures"),
	caseLinks:        "/api/case/{}/links",
	cortex:           "/api/connector/cortex",
	caseAttachments:  unlisted("listing attachments"),
	alertAttachments: unlisted("listing attachments"),
	logAttachments:   unlisted("listing attachments"),
	logFilePart:      "attachment",
	// The datastore (AttachmentCtrl) serves a stored file by its id and
	// the name to give it, plain or in a zip protected by the server's
	// datastore password.
	observableDownload:    "/api/datastore/{}",
	observableDownloadZip: "/api/datastorezip/{}",
	datastoreDownload:     true,
	alertProcedures:       unlisted("listing procedures"),
	pages:                 unlisted("listing case pages"),
	caseMerge:             "/api/case/{}/_merge/{}",
	caseMergePair:         true,
	caseBulk:              "/api/case/_bulk",
	templateCreate:        "/api/case/template",
	templateItem:          "/api/case/template/{}",
	templates:             listing{what: "listing case templates", path: "/api/case/template/_search"},
	// TheHive 3 keeps custom field definitions in its custom_fields list
	// (DBListCtrl); TheHive 4 has /api/customField (v0Spec4).
	customFieldList:      "/api/list/custom_fields",
	customFieldCreate:    "/api/list/custom_fields",
	customFieldListForm:  true,
	customFieldReference: true,
	alertCreate:          "/api/alert",
	alertItem:            "/api/alert/{}",
	alertPromote:         "/api/alert/{}/createCase",
	alertObservable:      "/api/alert/{}/artifact",
	alertFollow:          "/api/alert/{}/follow",
	alertUnfollow:        "/api/alert/{}/unfollow",
	alertRead:            "/api/alert/{}/markAsRead",
	alertUnread:          "/api/alert/{}/markAsUnread",
	alertMerge:           "/api/alert/{}/merge/{}",
	alertMergeBulk:       "/api/alert/merge/_bulk",
	alertDeleteBulk:      "/api/alert/delete/_bulk",
	alertForceDelete:     true,
	alertFieldsLimited:   true,

	alertObservablesKey: "artifacts",
	alertObservableData: "string",

	cases:       listing{what: "listing cases", path: "/api/case/_search"},
	alerts:      listing{what: "listing alerts", path: "/api/alert/_search"},
	tasks:       searchOf("listing tasks", "/api/case/task/_search", "case"),
	observables: searchOf("listing observables", "/api/case/artifact/_search", "case"),
	comments:    unlisted("listing comments"),
	// TheHive 4 routes only this search for logs (ctl/v0/Router.scala);
	// TheHive 3 has it beside per-task routes.
	logs:    searchOf("listing task logs", "/api/case/task/log/_search", "case_task"),
	allLogs: listing{what: "finding a task log", path: "/api/case/task/log/_search"},
	search:  searchAPI{},

	legacyNames:       true,
	caseNumberField:   "caseId",
	ownerField:        "owner",
	createOwnerField:  "owner",
	templateField:     "template",
	filterDialect:     filter.V0,
	resolvedStatus:    StatusResolved,
	closeNeedsSummary: true,
	tlpWire:           [5]int{0, 1, 2, -1, 3},
	tlpLevel:          []TLP{TLPClear, TLPGreen, TLPAmber, TLPRed},
	customFields:      customFieldsTheHive3,
}

// v0Spec4 is v0Spec as TheHive 4 (and 5, which still serves it) speaks
// it: a new case's assignee is "user" (InputCase in dto/v0/Case.scala;
// updates keep "owner"), custom field numbers are integer or float
// (dto/v0/CustomFieldValue.scala: TheHive 3's "number" is stored as null),
// and string matches are _like with bare affixes (filter.V0TheHive4).
var v0Spec4 = func() *dialectSpec {
	sp := *v0Spec
	sp.createOwnerField = "user"
	sp.customFields = customFieldsV0
	sp.filterDialect = filter.V0TheHive4
	sp.alertFieldsLimited = false
	sp.customFieldList, sp.customFieldCreate, sp.customFieldListForm = "/api/customField", "/api/customField", false
	return &sp
}()

// specFor returns the spec of d, or nil for an unknown dialect. V0 is
// TheHive 3's rules, V0TheHive4 TheHive 4's.
func specFor(d Dialect) *dialectSpec {
	switch d {
	case V1:
		return v1Spec
	case V0:
		return v0Spec
	case filter.V0TheHive4:
		return v0Spec4
	}
	return nil
}

// childrenOf returns the V1 listing of the children of one object: the
// query step get (getCase, getAlert, ...) selects the object by id, the
// step children its children. what names the call in errors.
func childrenOf(what, get, children string) func(id string) listing {
	return func(id string) listing {
		return listing{what: what, steps: []map[string]any{{"_name": get, "idOrName": id}, {"_name": children}}}
	}
}

// searchOf returns the V0 listing of the children of one object: the
// _search at path for the objects whose parent, of the type parent, has
// the id. what names the call in errors.
func searchOf(what, path, parent string) func(id string) listing {
	return func(id string) listing {
		return listing{what: what, path: path, parent: filter.ParentID(parent, id)}
	}
}

// unlisted returns the listing of children the dialect cannot list; what
// names the call in the error saying so.
func unlisted(what string) func(id string) listing {
	return func(string) listing { return listing{what: what} }
}

// endpoint returns the endpoint p, or an error matching ErrUnsupported
// naming what when the dialect lacks it.
func (sp *dialectSpec) endpoint(p, what string) (string, error) {
	if p == "" {
		return "", sp.unsupported("call", what+" is not available", "")
	}
	return p, nil
}
