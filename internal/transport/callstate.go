package transport

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"
)

// callState is what the layers of one call share. It travels in the
// request's context, so concurrent calls never see each other's state.
type callState struct {
	method string
	// safe is whether the request may be repeated (its Replay resolved).
	safe bool
	// body is the streamed upload, or nil.
	body *bodySource
	// download is set when the answer streams to a writer.
	download bool
	// attempt counts attempts, starting at 1.
	attempt atomic.Int32
	// wrote reports whether any of the current attempt reached the wire.
	wrote atomic.Bool
	// wait is the pause before the next attempt, decided with the retry.
	wait time.Duration
	// handled is set once the answer has been read and turned into a
	// result or an error.
	handled bool
	// written counts bytes streamed to a download writer.
	written int64
	// resp is the answer the result came from.
	resp *http.Response
}

type callStateKey struct{}

func withCallState(ctx context.Context, st *callState) context.Context {
	return context.WithValue(ctx, callStateKey{}, st)
}

func stateFrom(ctx context.Context) *callState {
	st, _ := ctx.Value(callStateKey{}).(*callState)
	return st
}

func (st *callState) markWrote() { st.wrote.Store(true) }
