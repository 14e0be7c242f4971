package incidentkit

// Nullable is an input field that can be left alone, set, or cleared. Its
// zero value leaves the field as it is on the server; [Set] sends a value;
// [Clear] empties the field (ServiceNow receives "", TheHive JSON null).
type Nullable[T any] struct {
	v     T
	state uint8
}

const (
	nullableSet   = 1
	nullableClear = 2
)

// Set returns a Nullable that sends v.
func Set[T any](v T) Nullable[T] { return Nullable[T]{v: v, state: nullableSet} }

// Clear returns a Nullable that empties the field.
func Clear[T any]() Nullable[T] { return Nullable[T]{state: nullableClear} }

// IsSet reports whether a value is to be sent.
func (n Nullable[T]) IsSet() bool { return n.state == nullableSet }

// IsClear reports whether the field is to be emptied.
func (n Nullable[T]) IsClear() bool { return n.state == nullableClear }

// IsZero reports whether the field is left alone.
func (n Nullable[T]) IsZero() bool { return n.state == 0 }

// Value returns the value to send (the zero T unless IsSet).
func (n Nullable[T]) Value() T { return n.v }

// Ptr returns a pointer to v, for the pointer fields of inputs:
// incidentkit.Ptr(false) sends false where nil would send nothing.
func Ptr[T any](v T) *T { return &v }
