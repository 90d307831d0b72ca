package main

import (
	"context"
	"errors"
	"net"

	"github.com/valyala/fasthttp"

	peer "apibench/peers/go-common"
)

// newServer configures a fasthttp.Server with the contract's limits and
// timeouts.
func newServer(app *peer.App) peer.Server {
	h := &handlers{app: app}
	return server{&fasthttp.Server{
		Name:         app.Name, // the Server header
		Handler:      h.serve,
		ErrorHandler: h.unreadable,
		// The read buffer holds the request line and headers: a request whose
		// head does not fit is ErrSmallBuffer, answered 431.
		ReadBufferSize:     peer.MaxHeaderBytes,
		MaxRequestBodySize: int(app.Options.BodyLimit),
		// fasthttp's ReadTimeout bounds the whole request, body included.
		ReadTimeout:          app.Options.HeaderTimeout,
		IdleTimeout:          app.Options.IdleTimeout,
		NoDefaultContentType: true,
		CloseOnShutdown:      true,
	}}
}

// server gives fasthttp's ShutdownWithContext the name the lifecycle calls.
type server struct{ *fasthttp.Server }

func (s server) Shutdown(ctx context.Context) error { return s.ShutdownWithContext(ctx) }

// unreadable answers a request fasthttp could not read or parse, in the
// contract's shape; fasthttp closes the connection after it.
func (h *handlers) unreadable(ctx *fasthttp.RequestCtx, err error) {
	apiErr := peer.ErrBadRequest
	var headTooLarge *fasthttp.ErrSmallBuffer
	var netErr net.Error
	switch {
	case errors.As(err, &headTooLarge):
		apiErr = peer.ErrHeadersTooLarge
	case errors.Is(err, fasthttp.ErrBodyTooLarge):
		apiErr = peer.ErrBodyTooLarge
	case errors.As(err, &netErr) && netErr.Timeout():
		apiErr = peer.ErrRequestTimeout
	}
	writeError(ctx, apiErr)
	h.app.Metrics.CountRequest(peer.RouteOf(string(ctx.URI().PathOriginal())), ctx.Response.StatusCode())
}
