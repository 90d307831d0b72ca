package peer

import (
	"errors"
	"io"
	"mime"
	"net/http"
)

// ReadBody reads the request body of at most limit bytes. A body sent with
// neither Content-Length nor chunked coding is ErrLengthRequired (net/http
// would read it as empty); one past limit is ErrBodyTooLarge. Both end the
// connection, as the contract asks.
func ReadBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.Header.Get("Content-Length") == "" && len(r.TransferEncoding) == 0 {
		w.Header().Set("Connection", "close")
		return nil, ErrLengthRequired
	}
	if r.ContentLength > limit {
		w.Header().Set("Connection", "close") // the unread body is not worth draining
		return nil, ErrBodyTooLarge
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, ErrBodyTooLarge
	case err != nil:
		w.Header().Set("Connection", "close")
		return nil, ErrBadRequest
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
	if o.BodyLimit < MaxCacheValue {
		return o.BodyLimit
	}
	return MaxCacheValue
}
