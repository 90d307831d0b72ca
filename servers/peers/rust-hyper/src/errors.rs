//! The errors a request can end in, each with the status and reason the
//! contract gives it.

use hyper::StatusCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiError {
    NotFound,
    MethodNotAllowed { allow: &'static str },
    UnsupportedMediaType,
    InvalidJson,
    InvalidOrder,
    InvalidCacheKey,
    InvalidWorkMs,
    LengthRequired,
    PayloadTooLarge,
    BadRequest,
    Internal,
}

impl ApiError {
    pub fn status(self) -> StatusCode {
        match self {
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::InvalidJson
            | ApiError::InvalidOrder
            | ApiError::InvalidCacheKey
            | ApiError::InvalidWorkMs
            | ApiError::BadRequest => StatusCode::BAD_REQUEST,
            ApiError::LengthRequired => StatusCode::LENGTH_REQUIRED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            ApiError::NotFound => "not found",
            ApiError::MethodNotAllowed { .. } => "method not allowed",
            ApiError::UnsupportedMediaType => "unsupported media type",
            ApiError::InvalidJson => "invalid json",
            ApiError::InvalidOrder => "invalid order",
            ApiError::InvalidCacheKey => "invalid cache key",
            ApiError::InvalidWorkMs => "ms must be an integer 0..1000",
            ApiError::LengthRequired => "length required",
            ApiError::PayloadTooLarge => "payload too large",
            ApiError::BadRequest => "bad request",
            ApiError::Internal => "internal error",
        }
    }

    /// Errors after which the request's body may be left unread: the
    /// connection is closed rather than drained.
    pub fn closes_connection(self) -> bool {
        matches!(
            self,
            ApiError::LengthRequired | ApiError::PayloadTooLarge | ApiError::BadRequest
        )
    }
}
