package peer

import (
	"io"
	"mime"
	"net/http"
)

// ReadBody reads the request body of at most limit bytes. A body sent with
// neither Content-Length nor chunked coding is ErrLengthRequired (net/http
// would read it as empty); one past limit is ErrBodyTooLarge. Both end the
// connection, as the contract asks.
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := readLimited(r, limit)
	if err != nil {
		// The body is left unread: close rather than drain it. http.MaxBytesReader
		// closes by itself only on net/http's own ResponseWriter, which every
		// peer wraps to record the status, so the peers say it explicitly.
		w.Header().Set("Connection", "close")
	}
	return body, err
}

func readLimited(r *http.Request, limit int64) ([]byte, error) {
	if r.Header.Get("Content-Length") == "" && len(r.TransferEncoding) == 0 {
		return nil, ErrLengthRequired
	}
	if r.ContentLength > limit {
		return nil, ErrBodyTooLarge
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	switch {
	case err != nil:
		return nil, ErrBadRequest
	case int64(len(body)) > limit:
		return nil, ErrBodyTooLarge
	}
	return body, nil
}

// IsJSON reports whether a Content-Type header names application/json,
// parameters such as charset allowed.
func IsJSON(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && mediaType == "application/json"
}

// CacheValueLimit is the largest value PUT /cache takes: 1 MiB, or
// --body-limit if smaller.
func (o Options) CacheValueLimit() int64 {
	return min(o.BodyLimit, MaxCacheValue)
}
