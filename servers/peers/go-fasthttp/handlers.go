package main

import (
	"bytes"

	"github.com/valyala/fasthttp"

	peer "apibench/peers/go-common"
)

func (h *handlers) json(ctx *fasthttp.RequestCtx) error {
	return writeJSON(ctx, fasthttp.StatusOK, peer.JSONMessage{Message: peer.HelloWorld})
}

func (h *handlers) plaintext(ctx *fasthttp.RequestCtx) error {
	ctx.Success("text/plain", []byte(peer.HelloWorld))
	return nil
}

func (h *handlers) health(ctx *fasthttp.RequestCtx) error {
	ctx.Success("application/json", []byte(peer.HealthBody))
	return nil
}

func (h *handlers) createOrder(ctx *fasthttp.RequestCtx) error {
	if !peer.IsJSON(string(ctx.Request.Header.ContentType())) {
		return peer.ErrUnsupportedMedia
	}
	// fasthttp has read the body within MaxRequestBodySize (--body-limit).
	receipt, err := h.app.Orders.Place(ctx.PostBody())
	if err != nil {
		return err
	}
	return writeJSON(ctx, fasthttp.StatusCreated, receipt)
}

func (h *handlers) work(ctx *fasthttp.RequestCtx) error {
	ms, err := peer.ParseWorkMs(string(ctx.URI().QueryString()))
	if err != nil {
		return err
	}
	peer.Sleep(ms)
	return writeJSON(ctx, fasthttp.StatusOK, peer.WorkReply{SleptMs: ms})
}

func (h *handlers) metrics(ctx *fasthttp.RequestCtx) error {
	var out bytes.Buffer
	h.app.Metrics.Write(&out, h.app.Cache.Stats())
	ctx.Success(peer.MetricsContentType, out.Bytes())
	return nil
}

func (h *handlers) getCache(ctx *fasthttp.RequestCtx, key string) error {
	value, ok := h.app.Cache.Get(key)
	if !ok {
		return peer.ErrNotFound
	}
	ctx.Success("application/octet-stream", value)
	return nil
}

func (h *handlers) putCache(ctx *fasthttp.RequestCtx, key string) error {
	body := ctx.PostBody()
	if int64(len(body)) > h.app.Options.CacheValueLimit() {
		ctx.SetConnectionClose() // as the contract asks after a 413
		return peer.ErrBodyTooLarge
	}
	// fasthttp reuses the request's body buffer: the cache keeps a copy.
	created, err := h.app.Cache.Put(key, bytes.Clone(body))
	if err != nil {
		return err
	}
	ctx.SetStatusCode(peer.PutStatus(created))
	return nil
}

func (h *handlers) deleteCache(ctx *fasthttp.RequestCtx, key string) error {
	if !h.app.Cache.Delete(key) {
		return peer.ErrNotFound
	}
	ctx.SetStatusCode(fasthttp.StatusNoContent)
	return nil
}
