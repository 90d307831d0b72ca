//! The contract's errors as axum responses, and axum's extractor rejections
//! mapped onto them.

use apibench_peer::ApiError;
use apibench_peer::content::JSON;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

/// An error a handler or extractor ends in.
#[derive(Debug)]
pub struct AppError(pub ApiError);

impl From<ApiError> for AppError {
    fn from(err: ApiError) -> Self {
        AppError(err)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let err = self.0;
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, [(CONTENT_TYPE, JSON)], err.body()).into_response();
        err.add_headers(response.headers_mut());
        response
    }
}

/// A body that could not be read: too large, or broken off.
fn body_error(status: StatusCode) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge
    } else {
        ApiError::BadRequest
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        AppError(match rejection {
            JsonRejection::JsonDataError(_) => ApiError::InvalidOrder,
            JsonRejection::JsonSyntaxError(_) => ApiError::InvalidJson,
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            other => body_error(other.status()),
        })
    }
}

impl From<BytesRejection> for AppError {
    fn from(rejection: BytesRejection) -> Self {
        AppError(body_error(rejection.status()))
    }
}
