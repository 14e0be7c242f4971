// Package outbox keeps the side effects a program owes other systems — a
// comment to post, an incident to resolve, a case to reopen — in one
// durable file, so that none is forgotten when an attempt fails or the
// program dies between deciding on an effect and doing it.
//
// The pattern is the transactional outbox: store the effect first
// ([Box.Add]), then attempt it, and remove it only once done
// ([Box.Done]); a failed attempt stays with its error ([Box.Failed]).
// [Box.Do] is the three steps in one call, and [Box.Drain] attempts every
// effect left pending, which a program does first on each start. An
// effect may therefore be attempted more than once — after a crash between
// doing it and removing it, or when the answer to it was lost — so each
// effect must be safe to repeat: check its target first, or go through an
// Ensure call keyed by the effect (every client in this module has them).
// The outbox makes effects durable; their keys make them single.
//
// The box also keeps named cursors ([Box.Cursor], [Box.SaveCursor]), such
// as the change feeds' cursors, in the same file, so that a program's
// whole progress lives in one place.
//
// A Box is one bbolt file (go.etcd.io/bbolt: pure Go, one file, ACID
// transactions). The file is locked while open: a second process opening
// it waits, then fails with [ErrLocked]; the operating system releases the
// lock of a process that dies, so a crash never leaves a stale lock. A
// file that is not an outbox, or that is damaged, fails with [ErrCorrupt];
// the recovery is to move it aside and start again, since effects are
// checked against their targets before they are sent. [DefaultPath] is
// where a program keeps its box by default: the user's state directory.
//
// A Box is safe for concurrent use by the goroutines of one process. A
// Drain running while other goroutines call Do may attempt an effect they
// are attempting too, as a restart would: effects are safe to repeat.
package outbox
