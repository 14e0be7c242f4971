package thehive

import "encoding/json"

// Record holds the fields every TheHive object carries. In TheHive 3/4
// answers they are called id, createdBy, createdAt and so on; the client
// reads both spellings.
type Record struct {
	// ID is the object's id, such as "~123456".
	ID string `json:"_id"`
	// Type is the object's type ("Case", "case_task", ...).
	Type string `json:"_type,omitempty"`
	// CreatedBy and UpdatedBy are the logins that created and last
	// updated the object.
	CreatedBy string `json:"_createdBy,omitempty"`
	UpdatedBy string `json:"_updatedBy,omitempty"`
	// CreatedAt and UpdatedAt are when that happened.
	CreatedAt Time `json:"_createdAt"`
	UpdatedAt Time `json:"_updatedAt"`
}

// v0Record holds the names TheHive 3/4's /api/case API uses for the
// fields of Record, folded into it after decoding.
type v0Record struct {
	LegacyID        string `json:"id"`
	LegacyCreatedBy string `json:"createdBy"`
	LegacyUpdatedBy string `json:"updatedBy"`
	LegacyCreatedAt Time   `json:"createdAt"`
	LegacyUpdatedAt Time   `json:"updatedAt"`
}

// legacy finishes t, decoded from a TheHive 3/4 answer whose names for
// the fields of t's Record are in l.
func legacy[T any, PT interface {
	recordOf[T]
	base() *Record
}](t PT, l *v0Record, sp *dialectSpec, raw json.RawMessage) *T {
	l.fold(t.base())
	t.finish(sp, raw)
	return t
}

// base returns r, for code that reads the Record of any record type.
func (r *Record) base() *Record { return r }

// fold copies the old names into r where r has nothing.
func (l *v0Record) fold(r *Record) {
	if r.ID == "" {
		r.ID = l.LegacyID
	}
	if r.CreatedBy == "" {
		r.CreatedBy = l.LegacyCreatedBy
	}
	if r.UpdatedBy == "" {
		r.UpdatedBy = l.LegacyUpdatedBy
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = l.LegacyCreatedAt
	}
	if r.UpdatedAt.IsZero() {
		r.UpdatedAt = l.LegacyUpdatedAt
	}
}

// v0ID holds the id TheHive 3/4 send as id, for objects that carry no
// other field of Record.
type v0ID struct {
	LegacyID string `json:"id"`
}

// fold copies the old id into id where id is empty.
func (l *v0ID) fold(id *string) {
	if *id == "" {
		*id = l.LegacyID
	}
}
