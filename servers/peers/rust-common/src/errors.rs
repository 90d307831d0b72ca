//! The errors a request can end in, each with the status and reason the
//! contract gives it, and the body every error carries.

use serde::Serialize;

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

#[derive(Serialize)]
struct ErrorBody {
    error: &'static str,
}

impl ApiError {
    /// The HTTP status code; each framework has its own status type.
    pub fn status(self) -> u16 {
        match self {
            ApiError::NotFound => 404,
            ApiError::MethodNotAllowed { .. } => 405,
            ApiError::UnsupportedMediaType => 415,
            ApiError::InvalidJson
            | ApiError::InvalidOrder
            | ApiError::InvalidCacheKey
            | ApiError::InvalidWorkMs
            | ApiError::BadRequest => 400,
            ApiError::LengthRequired => 411,
            ApiError::PayloadTooLarge => 413,
            ApiError::Internal => 500,
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

    /// `{"error":"<reason>"}`, served as application/json.
    pub fn body(self) -> Vec<u8> {
        serde_json::to_vec(&ErrorBody {
            error: self.reason(),
        })
        .expect("a struct of one string always serializes")
    }

    /// The Allow header of a 405.
    pub fn allow(self) -> Option<&'static str> {
        match self {
            ApiError::MethodNotAllowed { allow } => Some(allow),
            _ => None,
        }
    }

    /// Errors after which the request's body may be left unread: the
    /// response says `Connection: close` rather than draining it.
    pub fn closes_connection(self) -> bool {
        matches!(
            self,
            ApiError::LengthRequired | ApiError::PayloadTooLarge | ApiError::BadRequest
        )
    }

    /// How serde_json's error reads in the contract: syntax is invalid JSON,
    /// valid JSON of the wrong shape is an invalid order.
    pub fn of_order_json(err: &serde_json::Error) -> ApiError {
        match err.classify() {
            serde_json::error::Category::Data => ApiError::InvalidOrder,
            _ => ApiError::InvalidJson,
        }
    }
}

#[cfg(feature = "hyper")]
impl ApiError {
    /// The headers an error answer carries beside its status and body, for the
    /// peers on hyper's types (rust-hyper, rust-axum): `Allow` for a 405, and
    /// `Connection: close` when the error ends the connection.
    pub fn add_headers(self, headers: &mut hyper::HeaderMap) {
        use hyper::header::{ALLOW, CONNECTION, HeaderValue};
        if let Some(allow) = self.allow() {
            headers.insert(ALLOW, HeaderValue::from_static(allow));
        }
        if self.closes_connection() {
            headers.insert(CONNECTION, HeaderValue::from_static("close"));
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_are_json_with_the_reason() {
        assert_eq!(
            ApiError::InvalidCacheKey.body(),
            br#"{"error":"invalid cache key"}"#
        );
        assert_eq!(ApiError::PayloadTooLarge.status(), 413);
        assert!(ApiError::PayloadTooLarge.closes_connection());
        assert!(!ApiError::NotFound.closes_connection());
        assert_eq!(
            ApiError::MethodNotAllowed { allow: "POST" }.allow(),
            Some("POST")
        );
    }
}
