//! Extractors for what the contract asks of a request before its handler runs.

use apibench_peer::limits::require_framed_body;
use apibench_peer::routes;
use axum::extract::FromRequestParts;
use axum::http::header::{CONTENT_LENGTH, TRANSFER_ENCODING};
use axum::http::request::Parts;

use crate::error::AppError;

/// The key of `/cache/{key}`, from the raw path: axum's `Path` would
/// percent-decode it, and the contract's keys are never decoded.
pub struct CacheKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for CacheKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(CacheKey(routes::cache_key(parts.uri.path())?.to_owned()))
    }
}

/// A request that says how long its body is. hyper reads a `POST` or `PUT`
/// with neither Content-Length nor chunked coding as empty; the contract
/// answers it 411.
pub struct FramedBody;

impl<S: Send + Sync> FromRequestParts<S> for FramedBody {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let headers = &parts.headers;
        require_framed_body(
            headers.contains_key(CONTENT_LENGTH),
            headers.contains_key(TRANSFER_ENCODING),
        )?;
        Ok(FramedBody)
    }
}
