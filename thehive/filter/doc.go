// Package filter builds TheHive search filters and sorts once and encodes
// them for either TheHive API dialect.
//
// A [Filter] is an immutable value made with [Eq], [Ne], [Lt], [Lte], [Gt],
// [Gte], [StartsWith], [EndsWith], [Like], [Match], [In], [Between], [Has],
// [ID], [And], [Or] and [Not], plus the v0-only [ParentID], [Parent] and
// [Child]. Its zero value means "no filter".
// [EncodeV1] renders it for TheHive 5's query API (/api/v1/query), where it
// becomes the body of a {"_name":"filter", ...} step; [EncodeV0] renders it
// for the /api/case/_search endpoints of TheHive 3 and 4.
//
// Building is linear: And and Or keep their operands as given and merge
// nested ones of the same operator once, when the filter is encoded, so a
// filter grown one condition at a time (f = And(f, c)) costs no more than
// the same conditions given at once. A filter holds at most
// [MaxConditions] conditions.
//
// Constructors never fail: every check runs when a filter is encoded, so an
// empty field name, an empty In list, an And with no operands or a value of
// an unsupported type is reported by the Encode functions as an [*Error]
// that says where in the filter the problem is. A filter that a dialect
// cannot express — Ne or Match in v0, for example — is an
// [*UnsupportedError] matching [ErrUnsupported]; it is never rewritten into
// something that means something else. Every error of the package matches
// [ErrInvalid].
//
// The package stands alone: it imports nothing but the standard library,
// and its errors are its own. The thehive client wraps them so that they
// also match thehive.ErrInvalidInput (and thehive.ErrUnsupported), while
// errors.As still finds the [*Error] or [*UnsupportedError] inside.
//
// Values may be strings, booleans, any integer or floating-point type
// (including named types such as a severity enum), [time.Time] (sent as
// epoch milliseconds, TheHive's date format), a [RelativeDate] (v1 only,
// in comparisons and Between), or any type implementing [Valuer], which
// chooses its own encoding per dialect.
//
// [Asc] and [Desc] build sort keys; [SortV1] and [SortV0] encode a list of
// them for each dialect.
package filter
