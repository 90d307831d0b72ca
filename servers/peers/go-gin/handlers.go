package main

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	peer "apibench/peers/go-common"
)

type handlers struct {
	app *peer.App
}

func (h *handlers) json(c *gin.Context) {
	c.JSON(http.StatusOK, peer.JSONMessage{Message: peer.HelloWorld})
}

func (h *handlers) plaintext(c *gin.Context) {
	c.String(http.StatusOK, peer.HelloWorld)
}

func (h *handlers) health(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", []byte(peer.HealthBody))
}

func (h *handlers) createOrder(c *gin.Context) {
	if !peer.IsJSON(c.GetHeader("Content-Type")) {
		abortWith(c, peer.ErrUnsupportedMedia)
		return
	}
	body, err := peer.ReadBody(c.Writer, c.Request, h.app.Options.BodyLimit)
	if err != nil {
		abortWith(c, err)
		return
	}
	receipt, err := h.app.Orders.Place(body)
	if err != nil {
		abortWith(c, err)
		return
	}
	c.JSON(http.StatusCreated, receipt)
}

func (h *handlers) work(c *gin.Context) {
	ms, err := peer.ParseWorkMs(c.Request.URL.RawQuery)
	if err != nil {
		abortWith(c, err)
		return
	}
	peer.Sleep(ms)
	c.JSON(http.StatusOK, peer.WorkReply{SleptMs: ms})
}

func (h *handlers) metrics(c *gin.Context) {
	var out bytes.Buffer
	h.app.Metrics.Write(&out, h.app.Cache.Stats())
	c.Data(http.StatusOK, peer.MetricsContentType, out.Bytes())
}

// cacheKey reads the catch-all parameter ("/key"); with UseEscapedPath it is the
// key as sent, escapes included.
func cacheKey(c *gin.Context) (string, bool) {
	key := strings.TrimPrefix(c.Param("key"), "/")
	if !peer.ValidCacheKey(key) {
		abortWith(c, peer.ErrInvalidKey)
		return "", false
	}
	return key, true
}

func (h *handlers) getCache(c *gin.Context) {
	key, ok := cacheKey(c)
	if !ok {
		return
	}
	value, found := h.app.Cache.Get(key)
	if !found {
		abortWith(c, peer.ErrNotFound)
		return
	}
	c.Data(http.StatusOK, "application/octet-stream", value)
}

func (h *handlers) putCache(c *gin.Context) {
	key, ok := cacheKey(c)
	if !ok {
		return
	}
	value, err := peer.ReadBody(c.Writer, c.Request, h.app.Options.CacheValueLimit())
	if err != nil {
		abortWith(c, err)
		return
	}
	created, err := h.app.Cache.Put(key, value)
	if err != nil {
		abortWith(c, err)
		return
	}
	c.Status(peer.PutStatus(created))
}

func (h *handlers) deleteCache(c *gin.Context) {
	key, ok := cacheKey(c)
	if !ok {
		return
	}
	if !h.app.Cache.Delete(key) {
		abortWith(c, peer.ErrNotFound)
		return
	}
	c.Status(http.StatusNoContent)
}
