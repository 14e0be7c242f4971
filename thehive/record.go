package thehive

// Record holds the fields every TheHive object carries.
type Record struct {
	// ID is the object's id, such as "~123456".
	ID string `json:"_id"`
	// Type is the object's type ("Case", "case_task", ...).
	Type      string `json:"_type,omitempty"`
	CreatedBy string `json:"_createdBy,omitempty"`
	UpdatedBy string `json:"_updatedBy,omitempty"`
	CreatedAt Time   `json:"_createdAt"`
	UpdatedAt Time   `json:"_updatedAt"`
}

// v0Record holds the names TheHive 3/4's /api/case API uses for the same
// fields, folded into Record after decoding.
type v0Record struct {
	LegacyID        string `json:"id"`
	LegacyCreatedBy string `json:"createdBy"`
	LegacyUpdatedBy string `json:"updatedBy"`
	LegacyCreatedAt Time   `json:"createdAt"`
	LegacyUpdatedAt Time   `json:"updatedAt"`
}

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

// Ptr returns a pointer to v, for optional input fields such as
// Flag: thehive.Ptr(false) or TLP: thehive.Ptr(thehive.TLPClear).
func Ptr[T any](v T) *T { return &v }

// Nullable is an update field that is left unchanged (the zero value), set
// to a value (Set) or cleared with JSON null (Clear).
type Nullable[T any] struct {
	value T
	state uint8 // 0 unchanged, 1 set, 2 clear
}

// Set returns a Nullable that sets the field to v.
func Set[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: 1} }

// Clear returns a Nullable that clears the field.
func Clear[T any]() Nullable[T] { return Nullable[T]{state: 2} }

// IsSet reports whether the field is changed (set or cleared).
func (n Nullable[T]) IsSet() bool { return n.state != 0 }

// IsClear reports whether the field is cleared.
func (n Nullable[T]) IsClear() bool { return n.state == 2 }

// Value returns the value the field is set to.
func (n Nullable[T]) Value() T { return n.value }

// put writes n to body under key: the value, or null when cleared.
func (n Nullable[T]) put(body map[string]any, key string) {
	switch n.state {
	case 1:
		body[key] = n.value
	case 2:
		body[key] = nil
	}
}
