package main

import (
	"strings"

	"github.com/valyala/fasthttp"

	peer "apibench/peers/go-common"
)

type handlers struct {
	app *peer.App
}

// serve is the fasthttp.RequestHandler: it routes, answers a returned error,
// and counts the request.
func (h *handlers) serve(ctx *fasthttp.RequestCtx) {
	// The path as sent: the contract never decodes or cleans it (ctx.Path()
	// would turn "/cache/%2e%2e" into "/").
	path := string(ctx.URI().PathOriginal())
	if err := h.route(ctx, path); err != nil {
		writeError(ctx, err)
	}
	h.app.Metrics.CountRequest(peer.RouteOf(path), ctx.Response.StatusCode())
}

// route is a switch on the path, as fasthttp's own examples route; fasthttp
// has no router of its own.
func (h *handlers) route(ctx *fasthttp.RequestCtx, path string) error {
	if key, ok := strings.CutPrefix(path, peer.CachePrefix); ok {
		return h.cache(ctx, path, key)
	}
	switch path {
	case "/json":
		return only(ctx, path, fasthttp.MethodGet, h.json)
	case "/plaintext":
		return only(ctx, path, fasthttp.MethodGet, h.plaintext)
	case "/health":
		return only(ctx, path, fasthttp.MethodGet, h.health)
	case "/orders":
		return only(ctx, path, fasthttp.MethodPost, h.createOrder)
	case "/work":
		return only(ctx, path, fasthttp.MethodGet, h.work)
	case "/metrics":
		return only(ctx, path, fasthttp.MethodGet, h.metrics)
	}
	return peer.ErrNotFound
}

// only runs handle for method and answers every other method 405.
func only(ctx *fasthttp.RequestCtx, path, method string, handle func(*fasthttp.RequestCtx) error) error {
	if string(ctx.Method()) != method {
		return methodNotAllowed(ctx, path)
	}
	return handle(ctx)
}

func methodNotAllowed(ctx *fasthttp.RequestCtx, path string) error {
	ctx.Response.Header.Set(fasthttp.HeaderAllow, peer.Allow(path))
	return peer.ErrMethodNotAllowed
}

// cache serves /cache/{key}, key as sent.
func (h *handlers) cache(ctx *fasthttp.RequestCtx, path, key string) error {
	method := string(ctx.Method())
	switch method {
	case fasthttp.MethodGet, fasthttp.MethodPut, fasthttp.MethodDelete:
	default:
		return methodNotAllowed(ctx, path)
	}
	if !peer.ValidCacheKey(key) {
		return peer.ErrInvalidKey
	}
	switch method {
	case fasthttp.MethodGet:
		return h.getCache(ctx, key)
	case fasthttp.MethodPut:
		return h.putCache(ctx, key)
	default:
		return h.deleteCache(ctx, key)
	}
}
