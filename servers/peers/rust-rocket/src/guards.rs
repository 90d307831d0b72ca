//! Request guards for what the contract asks of a request before its
//! handler runs. A guard whose error is an `AppError` is taken as
//! `Result<Guard, AppError>`, so the handler answers with the exact reason;
//! the others fail with a status, which the catcher answers.

use apibench_peer::ApiError;
use apibench_peer::content::is_json;
use apibench_peer::limits::require_framed_body;
use apibench_peer::routes;
use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

use crate::error::AppError;

/// The key of `/cache/<key>`, from the raw path: Rocket's path parameters
/// are percent-decoded, and the contract's keys are never decoded.
pub struct CacheKey(pub String);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CacheKey {
    type Error = AppError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match routes::cache_key(request.uri().path().as_str()) {
            Ok(key) => Outcome::Success(CacheKey(key.to_owned())),
            Err(err) => Outcome::Error((Status::BadRequest, err.into())),
        }
    }
}

/// The `ms` of `/work?ms=N`, read by the contract's strict rule.
pub struct WorkMs(pub u64);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for WorkMs {
    type Error = AppError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        match routes::parse_work_ms(request.uri().query().map(|query| query.as_str())) {
            Ok(ms) => Outcome::Success(WorkMs(ms)),
            Err(err) => Outcome::Error((Status::BadRequest, err.into())),
        }
    }
}

/// A request that says how long its body is. hyper reads a `POST` or `PUT`
/// with neither Content-Length nor chunked coding as empty; the contract
/// answers it 411.
pub struct FramedBody;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for FramedBody {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let headers = request.headers();
        match require_framed_body(
            headers.contains("Content-Length"),
            headers.contains("Transfer-Encoding"),
        ) {
            Ok(()) => Outcome::Success(FramedBody),
            Err(err) => Outcome::Error((Status::LengthRequired, err)),
        }
    }
}

/// `Content-Type: application/json` (parameters allowed): Rocket's `Json`
/// data guard reads any body; the contract answers another type 415.
pub struct JsonContentType;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for JsonContentType {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        if is_json(request.headers().get_one("Content-Type")) {
            Outcome::Success(JsonContentType)
        } else {
            Outcome::Error((Status::UnsupportedMediaType, ApiError::UnsupportedMediaType))
        }
    }
}
