package main

import (
	"bytes"
	"net/http"

	"github.com/labstack/echo/v5"

	peer "apibench/peers/go-common"
)

type handlers struct {
	app *peer.App
}

func (h *handlers) json(c *echo.Context) error {
	return c.JSON(http.StatusOK, peer.JSONMessage{Message: peer.HelloWorld})
}

func (h *handlers) plaintext(c *echo.Context) error {
	return c.String(http.StatusOK, peer.HelloWorld)
}

func (h *handlers) health(c *echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, []byte(peer.HealthBody))
}

func (h *handlers) createOrder(c *echo.Context) error {
	if !peer.IsJSON(c.Request().Header.Get(echo.HeaderContentType)) {
		return peer.ErrUnsupportedMedia
	}
	body, err := peer.ReadBody(c.Response(), c.Request(), h.app.Options.BodyLimit)
	if err != nil {
		return err
	}
	receipt, err := h.app.Orders.Place(body)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, receipt)
}

func (h *handlers) work(c *echo.Context) error {
	ms, err := peer.ParseWorkMs(c.Request().URL.RawQuery)
	if err != nil {
		return err
	}
	peer.Sleep(ms)
	return c.JSON(http.StatusOK, peer.WorkReply{SleptMs: ms})
}

func (h *handlers) metrics(c *echo.Context) error {
	var out bytes.Buffer
	h.app.Metrics.Write(&out, h.app.Cache.Stats())
	return c.Blob(http.StatusOK, peer.MetricsContentType, out.Bytes())
}

// cacheKey reads the wildcard; echo routes on the raw path and leaves path
// parameters escaped, so the key is as sent.
func cacheKey(c *echo.Context) (string, error) {
	key := c.Param("*")
	if !peer.ValidCacheKey(key) {
		return "", peer.ErrInvalidKey
	}
	return key, nil
}

func (h *handlers) getCache(c *echo.Context) error {
	key, err := cacheKey(c)
	if err != nil {
		return err
	}
	value, found := h.app.Cache.Get(key)
	if !found {
		return peer.ErrNotFound
	}
	return c.Blob(http.StatusOK, echo.MIMEOctetStream, value)
}

func (h *handlers) putCache(c *echo.Context) error {
	key, err := cacheKey(c)
	if err != nil {
		return err
	}
	value, err := peer.ReadBody(c.Response(), c.Request(), h.app.Options.CacheValueLimit())
	if err != nil {
		return err
	}
	created, err := h.app.Cache.Put(key, value)
	if err != nil {
		return err
	}
	return c.NoContent(peer.PutStatus(created))
}

func (h *handlers) deleteCache(c *echo.Context) error {
	key, err := cacheKey(c)
	if err != nil {
		return err
	}
	if !h.app.Cache.Delete(key) {
		return peer.ErrNotFound
	}
	return c.NoContent(http.StatusNoContent)
}
