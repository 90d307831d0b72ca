package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	peer "apibench/peers/go-common"
)

// writeJSON serializes v and sends it with an exact Content-Length.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	writeBody(w, status, "application/json", body)
	return nil
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing to tell it
}

// writeError answers a *peer.Error with its status and body, anything else
// with 500.
func writeError(w http.ResponseWriter, err error) {
	var apiErr *peer.Error
	if !errors.As(err, &apiErr) {
		apiErr = &peer.Error{Status: http.StatusInternalServerError, Reason: "internal error"}
	}
	writeJSON(w, apiErr.Status, apiErr.Body()) //nolint:errcheck // ErrorBody always marshals
}
