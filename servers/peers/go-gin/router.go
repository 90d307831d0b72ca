package main

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	peer "apibench/peers/go-common"
)

// newRouter builds the gin engine. gin.New, not gin.Default: no per-request
// access log, as none of the apibench servers writes one.
func newRouter(app *peer.App) http.Handler {
	gin.SetMode(gin.ReleaseMode) // debug mode prints route tables to stdout, before the ready line
	r := gin.New()
	r.Use(gin.Recovery())
	r.HandleMethodNotAllowed = true // 405 with Allow, rather than 404
	r.RedirectTrailingSlash = false // "/cache/" is an invalid key, not a redirect
	r.UseEscapedPath = true         // cache keys are never percent-decoded
	r.UnescapePathValues = false
	r.NoRoute(func(c *gin.Context) { abortWith(c, peer.ErrNotFound) })
	r.NoMethod(func(c *gin.Context) { abortWith(c, peer.ErrMethodNotAllowed) })

	h := &handlers{app: app}
	r.GET("/json", h.json)
	r.GET("/plaintext", h.plaintext)
	r.GET("/health", h.health)
	r.POST("/orders", h.createOrder)
	r.GET("/work", h.work)
	r.GET("/metrics", h.metrics)
	// A catch-all, so that "/cache/" and "/cache/a/b" reach the handler and
	// get 400 invalid cache key rather than 404.
	r.GET("/cache/*key", h.getCache)
	r.PUT("/cache/*key", h.putCache)
	r.DELETE("/cache/*key", h.deleteCache)
	return r
}

// abortWith answers err: a *peer.Error with its status and body, anything
// else with 500.
func abortWith(c *gin.Context, err error) {
	var apiErr *peer.Error
	if !errors.As(err, &apiErr) {
		apiErr = &peer.Error{Status: http.StatusInternalServerError, Reason: "internal error"}
	}
	c.AbortWithStatusJSON(apiErr.Status, apiErr.Body())
}
