package main

import (
	"net/http"
	"slices"
	"strings"

	peer "apibench/peers/go-common"
)

// apiFunc is a handler that returns its error instead of writing it, so each
// handler reads as its happy path; ServeHTTP answers the error.
type apiFunc func(w http.ResponseWriter, r *http.Request) error

func (f apiFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := f(w, r); err != nil {
		writeError(w, err)
	}
}

// newRouter maps the contract's routes on a ServeMux with method patterns.
func newRouter(app *peer.App) http.Handler {
	h := &handlers{app: app}
	mux := http.NewServeMux()
	handle(mux, "/json", methods{http.MethodGet: h.json})
	handle(mux, "/plaintext", methods{http.MethodGet: h.plaintext})
	handle(mux, "/health", methods{http.MethodGet: h.health})
	handle(mux, "/orders", methods{http.MethodPost: h.createOrder})
	handle(mux, "/work", methods{http.MethodGet: h.work})
	handle(mux, "/metrics", methods{http.MethodGet: h.metrics})
	// {key...} takes the rest of the path, so "/cache/" and "/cache/a/b" reach
	// the handlers and get 400 invalid cache key rather than 404.
	handle(mux, "/cache/{key...}", methods{
		http.MethodGet:    h.getCache,
		http.MethodPut:    h.putCache,
		http.MethodDelete: h.deleteCache,
	})
	mux.Handle("/", apiFunc(func(http.ResponseWriter, *http.Request) error { return peer.ErrNotFound }))
	return mux
}

// methods maps the methods one path serves to their handlers.
type methods map[string]apiFunc

// handle registers "METHOD path" for each method, and path alone for every
// other method: a "METHOD path" pattern is the more specific, so the plain one
// only sees the methods left over and answers them 405 with Allow. (ServeMux's
// own 405 would do as much, but in text/plain, and "/" would take it over.)
func handle(mux *http.ServeMux, path string, byMethod methods) {
	allowed := make([]string, 0, len(byMethod))
	for method, handler := range byMethod {
		mux.Handle(method+" "+path, handler)
		allowed = append(allowed, method)
	}
	slices.Sort(allowed)
	allow := strings.Join(allowed, ", ")
	mux.Handle(path, apiFunc(func(w http.ResponseWriter, _ *http.Request) error {
		w.Header().Set("Allow", allow)
		return peer.ErrMethodNotAllowed
	}))
}
