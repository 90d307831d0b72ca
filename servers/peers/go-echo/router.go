package main

import (
	"errors"
	"net/http"

	"github.com/labstack/echo" // v4; Debian installs it for GOPATH without the /v4

	"apibench/peer"
)

// newRouter builds the echo instance. No logger middleware: none of the
// apibench servers writes an access log. The peer's http.Server serves it
// (echo.Echo is an http.Handler), so e.Start's banner never prints.
func newRouter(app *peer.App) http.Handler {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = handleError

	h := &handlers{app: app}
	e.GET("/json", h.json)
	e.GET("/plaintext", h.plaintext)
	e.GET("/health", h.health)
	e.POST("/orders", h.createOrder)
	e.GET("/work", h.work)
	e.GET("/metrics", h.metrics)
	// A wildcard, so that "/cache/" and "/cache/a/b" reach the handlers and
	// get 400 invalid cache key rather than 404.
	e.GET("/cache/*", h.getCache)
	e.PUT("/cache/*", h.putCache)
	e.DELETE("/cache/*", h.deleteCache)
	return e
}

// handleError answers every error a handler or the router returns in the
// contract's shape: a *peer.Error as it says, echo's 404 and 405 with the
// contract's bodies (and the Allow header echo leaves out), anything else 500.
func handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var apiErr *peer.Error
	var httpErr *echo.HTTPError
	switch {
	case errors.As(err, &apiErr):
	case errors.As(err, &httpErr) && httpErr.Code == http.StatusNotFound:
		apiErr = peer.ErrNotFound
	case errors.As(err, &httpErr) && httpErr.Code == http.StatusMethodNotAllowed:
		c.Response().Header().Set("Allow", peer.Allow(c.Request().URL.Path))
		apiErr = peer.ErrMethodNotAllowed
	default:
		apiErr = &peer.Error{Status: http.StatusInternalServerError, Reason: "internal error"}
	}
	c.JSON(apiErr.Status, apiErr.Body()) //nolint:errcheck // the client went away
}
