package main

import (
	"errors"
	"log/slog"
	"net/http"
	"os"

	"github.com/labstack/echo/v5"

	peer "apibench/peers/go-common"
)

// newRouter builds the echo instance. No logger middleware: none of the
// apibench servers writes an access log. The peer's http.Server serves it
// (echo.Echo is an http.Handler), as Echo's docs show for a configured server.
func newRouter(app *peer.App) http.Handler {
	e := echo.NewWithConfig(echo.Config{
		// Echo's own log lines go to stderr: stdout's first line is the ready line.
		Logger:           slog.New(slog.NewTextHandler(os.Stderr, nil)),
		HTTPErrorHandler: handleError,
	})

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
// contract's shape: a *peer.Error as it says, echo's 404 and 405 (the router
// has set Allow) with the contract's bodies, anything else 500.
func handleError(c *echo.Context, err error) {
	if r, _ := echo.UnwrapResponse(c.Response()); r != nil && r.Committed {
		return
	}
	var apiErr *peer.Error
	switch {
	case errors.As(err, &apiErr):
	case echo.StatusCode(err) == http.StatusNotFound:
		apiErr = peer.ErrNotFound
	case echo.StatusCode(err) == http.StatusMethodNotAllowed:
		apiErr = peer.ErrMethodNotAllowed
	default:
		apiErr = &peer.Error{Status: http.StatusInternalServerError, Reason: "internal error"}
	}
	_ = c.JSON(apiErr.Status, apiErr.Body()) // fails only when the client went away

}
