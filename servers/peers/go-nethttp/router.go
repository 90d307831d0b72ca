package main

import (
	"net/http"

	"apibench/peer"
)

// apiFunc is a handler that returns its error instead of writing it, so each
// handler reads as its happy path; ServeHTTP answers the error.
type apiFunc func(w http.ResponseWriter, r *http.Request) error

func (f apiFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := f(w, r); err != nil {
		writeError(w, err)
	}
}

// newRouter maps the contract's paths on a ServeMux; Go 1.19's mux routes by
// path only, so methods are checked by the handlers.
func newRouter(app *peer.App) http.Handler {
	h := &handlers{app: app}
	mux := http.NewServeMux()
	mux.Handle("/json", only(http.MethodGet, h.json))
	mux.Handle("/plaintext", only(http.MethodGet, h.plaintext))
	mux.Handle("/health", only(http.MethodGet, h.health))
	mux.Handle("/orders", only(http.MethodPost, h.createOrder))
	mux.Handle("/work", only(http.MethodGet, h.work))
	mux.Handle("/metrics", only(http.MethodGet, h.metrics))
	mux.Handle(peer.CachePrefix, apiFunc(h.cache))
	mux.Handle("/", apiFunc(func(http.ResponseWriter, *http.Request) error { return peer.ErrNotFound }))
	return mux
}

// only answers 405, with Allow, to every method but method.
func only(method string, next apiFunc) apiFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != method {
			return methodNotAllowed(w, r)
		}
		return next(w, r)
	}
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Allow", peer.Allow(r.URL.Path))
	return peer.ErrMethodNotAllowed
}
