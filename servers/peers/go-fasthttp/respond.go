package main

import (
	"encoding/json"
	"errors"

	"github.com/valyala/fasthttp"

	peer "apibench/peers/go-common"
)

// writeJSON serializes v with encoding/json; fasthttp has no JSON of its own.
func writeJSON(ctx *fasthttp.RequestCtx, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	ctx.SetStatusCode(status)
	ctx.Success("application/json", body)
	return nil
}

// writeError answers a *peer.Error with its status and body, anything else
// with 500.
func writeError(ctx *fasthttp.RequestCtx, err error) {
	var apiErr *peer.Error
	if !errors.As(err, &apiErr) {
		apiErr = &peer.Error{Status: fasthttp.StatusInternalServerError, Reason: "internal error"}
	}
	writeJSON(ctx, apiErr.Status, apiErr.Body()) //nolint:errcheck // ErrorBody always marshals
}
