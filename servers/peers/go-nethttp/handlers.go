package main

import (
	"bytes"
	"net/http"
	"strings"

	peer "apibench/peers/go-common"
)

type handlers struct {
	app *peer.App
}

func (h *handlers) json(w http.ResponseWriter, _ *http.Request) error {
	return writeJSON(w, http.StatusOK, peer.JSONMessage{Message: peer.HelloWorld})
}

func (h *handlers) plaintext(w http.ResponseWriter, _ *http.Request) error {
	writeBody(w, http.StatusOK, "text/plain", []byte(peer.HelloWorld))
	return nil
}

func (h *handlers) health(w http.ResponseWriter, _ *http.Request) error {
	writeBody(w, http.StatusOK, "application/json", []byte(peer.HealthBody))
	return nil
}

func (h *handlers) createOrder(w http.ResponseWriter, r *http.Request) error {
	if !peer.IsJSON(r.Header.Get("Content-Type")) {
		return peer.ErrUnsupportedMedia
	}
	body, err := peer.ReadBody(w, r, h.app.Options.BodyLimit)
	if err != nil {
		return err
	}
	receipt, err := h.app.Orders.Place(body)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, receipt)
}

func (h *handlers) work(w http.ResponseWriter, r *http.Request) error {
	ms, err := peer.ParseWorkMs(r.URL.RawQuery)
	if err != nil {
		return err
	}
	peer.Sleep(ms)
	return writeJSON(w, http.StatusOK, peer.WorkReply{SleptMs: ms})
}

func (h *handlers) metrics(w http.ResponseWriter, _ *http.Request) error {
	var out bytes.Buffer
	h.app.Metrics.Write(&out, h.app.Cache.Stats())
	writeBody(w, http.StatusOK, peer.MetricsContentType, out.Bytes())
	return nil
}

// cacheKey is the {key...} of /cache/ as sent. r.PathValue would give it
// percent-decoded, and the contract refuses escapes instead of decoding them.
func cacheKey(r *http.Request) (string, error) {
	key := strings.TrimPrefix(r.URL.EscapedPath(), peer.CachePrefix)
	if !peer.ValidCacheKey(key) {
		return "", peer.ErrInvalidKey
	}
	return key, nil
}

func (h *handlers) getCache(w http.ResponseWriter, r *http.Request) error {
	key, err := cacheKey(r)
	if err != nil {
		return err
	}
	value, ok := h.app.Cache.Get(key)
	if !ok {
		return peer.ErrNotFound
	}
	writeBody(w, http.StatusOK, "application/octet-stream", value)
	return nil
}

func (h *handlers) putCache(w http.ResponseWriter, r *http.Request) error {
	key, err := cacheKey(r)
	if err != nil {
		return err
	}
	value, err := peer.ReadBody(w, r, h.app.Options.CacheValueLimit())
	if err != nil {
		return err
	}
	created, err := h.app.Cache.Put(key, value)
	if err != nil {
		return err
	}
	w.WriteHeader(peer.PutStatus(created))
	return nil
}

func (h *handlers) deleteCache(w http.ResponseWriter, r *http.Request) error {
	key, err := cacheKey(r)
	if err != nil {
		return err
	}
	if !h.app.Cache.Delete(key) {
		return peer.ErrNotFound
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
