//! The contract's errors as Actix responses, and Actix's JSON extractor
//! errors mapped onto them.

use std::fmt;

use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::http::StatusCode;
use actix_web::http::header::{ALLOW, CONTENT_TYPE, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use apibench_peer::ApiError;
use apibench_peer::content::JSON;

/// An error a handler or extractor ends in.
#[derive(Debug)]
pub struct AppError(pub ApiError);

impl From<ApiError> for AppError {
    fn from(err: ApiError) -> Self {
        AppError(err)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((CONTENT_TYPE, JSON));
        if let Some(allow) = self.0.allow() {
            response.insert_header((ALLOW, HeaderValue::from_static(allow)));
        }
        if self.0.closes_connection() {
            // actix-http sets the Connection header from the head's own flag.
            response.force_close();
        }
        response.body(self.0.body())
    }
}

/// The error handler of `web::JsonConfig`.
pub fn json_error(err: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    AppError(match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => ApiError::UnsupportedMediaType,
        JsonPayloadError::Deserialize(err) => ApiError::of_order_json(&err),
        JsonPayloadError::Payload(err) => payload_error(&err),
        _ => ApiError::BadRequest,
    })
    .into()
}

/// A body that could not be read: too large, or broken off.
pub fn payload_error(err: &PayloadError) -> ApiError {
    match err {
        PayloadError::Overflow => ApiError::PayloadTooLarge,
        _ => ApiError::BadRequest,
    }
}
