package peer

import "net/http"

// Reasons are the fixed error texts of the contract; none needs JSON escaping.
const (
	ReasonNotFound         = "not found"
	ReasonMethodNotAllowed = "method not allowed"
	ReasonBadRequest       = "bad request"
	ReasonBodyTooLarge     = "payload too large"
	ReasonUnsupportedMedia = "unsupported media type"
	ReasonInvalidJSON      = "invalid json"
	ReasonInvalidOrder     = "invalid order"
	ReasonInvalidKey       = "invalid cache key"
	ReasonInvalidMs        = "ms must be an integer 0..1000"
	ReasonLengthRequired   = "length required"
	ReasonHeadersTooLarge  = "request header fields too large"
	ReasonRequestTimeout   = "request timeout"
)

// Error is a request that the contract answers with a status and
// {"error":"<reason>"}.
type Error struct {
	Status int
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// Body is the error's JSON body, the shape every peer sends.
func (e *Error) Body() ErrorBody { return ErrorBody{Error: e.Reason} }

// ErrorBody is the JSON body of every error response.
type ErrorBody struct {
	Error string `json:"error"`
}

var (
	ErrNotFound         = &Error{http.StatusNotFound, ReasonNotFound}
	ErrMethodNotAllowed = &Error{http.StatusMethodNotAllowed, ReasonMethodNotAllowed}
	ErrBodyTooLarge     = &Error{http.StatusRequestEntityTooLarge, ReasonBodyTooLarge}
	ErrUnsupportedMedia = &Error{http.StatusUnsupportedMediaType, ReasonUnsupportedMedia}
	ErrInvalidJSON      = &Error{http.StatusBadRequest, ReasonInvalidJSON}
	ErrInvalidOrder     = &Error{http.StatusBadRequest, ReasonInvalidOrder}
	ErrInvalidKey       = &Error{http.StatusBadRequest, ReasonInvalidKey}
	ErrInvalidMs        = &Error{http.StatusBadRequest, ReasonInvalidMs}
	ErrLengthRequired   = &Error{http.StatusLengthRequired, ReasonLengthRequired}
	ErrBadRequest       = &Error{http.StatusBadRequest, ReasonBadRequest}
	ErrHeadersTooLarge  = &Error{http.StatusRequestHeaderFieldsTooLarge, ReasonHeadersTooLarge}
	ErrRequestTimeout   = &Error{http.StatusRequestTimeout, ReasonRequestTimeout}
)
