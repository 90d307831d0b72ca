//! Building responses: hyper fills in Content-Length (the bodies are whole)
//! and Date; handlers.rs adds Server.

use hyper::header::{HeaderValue, ALLOW, CONNECTION, CONTENT_TYPE};
use hyper::{Body, Response, StatusCode};
use serde::Serialize;

use crate::errors::ApiError;

pub const JSON: &str = "application/json";
pub const TEXT: &str = "text/plain";
pub const OCTETS: &str = "application/octet-stream";
pub const METRICS: &str = "text/plain; version=0.0.4";

pub fn with_body(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Body>,
) -> Response<Body> {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

pub fn json<T: Serialize>(status: StatusCode, value: &T) -> Response<Body> {
    match serde_json::to_vec(value) {
        Ok(body) => with_body(status, JSON, body),
        Err(_) => error(ApiError::Internal),
    }
}

pub fn empty(status: StatusCode) -> Response<Body> {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    response
}

#[derive(Serialize)]
struct ErrorBody {
    error: &'static str,
}

pub fn error(err: ApiError) -> Response<Body> {
    let mut response = match serde_json::to_vec(&ErrorBody {
        error: err.reason(),
    }) {
        Ok(body) => with_body(err.status(), JSON, body),
        Err(_) => empty(err.status()),
    };
    let headers = response.headers_mut();
    if let ApiError::MethodNotAllowed { allow } = err {
        headers.insert(ALLOW, HeaderValue::from_static(allow));
    }
    if err.closes_connection() {
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
    }
    response
}
